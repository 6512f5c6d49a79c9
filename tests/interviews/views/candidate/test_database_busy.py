"""A locked or full database during an autosave or a submit answers 503 with Retry-After, not 500."""

import importlib
import logging

import pytest
from django.db import OperationalError
from django.urls import reverse

from config.busy import DATABASE_BUSY_MESSAGE

# The package exports the view functions under the same names as their modules.
autosave_view = importlib.import_module("interviews.views.candidate.autosave")
session_view = importlib.import_module("interviews.views.candidate.session")

HTMX = {"HTTP_HX_REQUEST": "true"}

pytestmark = pytest.mark.usefixtures("clock")


def raising(error):
    def fail(**_kwargs):
        raise error

    return fail


BUSY_ERRORS = ["database is locked", "database table is locked", "database or disk is full"]


@pytest.mark.parametrize("error", BUSY_ERRORS)
def test_autosave_on_a_busy_database_answers_503(
    logged_in, start_session, monkeypatch, caplog, error
):
    session, _item = start_session()
    monkeypatch.setattr(autosave_view, "answer_autosave", raising(OperationalError(error)))
    url = reverse("interviews:autosave", args=[session.pk, 1])
    with caplog.at_level(logging.WARNING, logger="config.busy"):
        response = logged_in.post(url, {"answer_text": "draft", "revision": "2"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == DATABASE_BUSY_MESSAGE
    assert error in caplog.text and "interviews:autosave" in caplog.text


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_submit_on_a_locked_database_answers_503(logged_in, start_session, monkeypatch, headers):
    session, _item = start_session()
    monkeypatch.setattr(
        session_view, "item_finish", raising(OperationalError("database is locked"))
    )
    url = reverse("interviews:item_submit", args=[session.pk, 1])
    response = logged_in.post(url, {"answer_text": "final", "revision": "3"}, **headers)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.content.decode() == DATABASE_BUSY_MESSAGE


def test_other_database_errors_are_not_swallowed(logged_in, start_session, monkeypatch):
    session, _item = start_session()
    monkeypatch.setattr(
        autosave_view,
        "answer_autosave",
        raising(OperationalError("no such table: interviews_sessionitem")),
    )
    url = reverse("interviews:autosave", args=[session.pk, 1])
    with pytest.raises(OperationalError, match="no such table"):
        logged_in.post(url, {"answer_text": "draft", "revision": "2"})
