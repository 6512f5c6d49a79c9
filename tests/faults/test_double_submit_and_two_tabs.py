"""Double submit and two tabs on one interview: one outcome, nothing acknowledged lost, no timer reset."""

import datetime as dt
import re
import threading

import pytest
import time_machine
from django.db import connections
from django.test import Client

from interviews.models import SessionItem
from interviews.services import ITEM_CLOSED_MESSAGE

START = dt.datetime(2026, 5, 4, 9, 0, 0, tzinfo=dt.UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def interview(start_practice):
    """A started two-question interview (3 minutes each) and its first item."""
    with time_machine.travel(START, tick=False):
        return start_practice(2, per_item_seconds=180)


def tab(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def autosave_url(item) -> str:
    return f"/sessions/{item.session_id}/items/{item.position}/autosave/"


def submit_url(item) -> str:
    return f"/sessions/{item.session_id}/items/{item.position}/submit/"


def shown_remaining_seconds(response) -> int:
    return int(re.search(r'data-remaining-seconds="(\d+)"', response.content.decode()).group(1))


@pytest.mark.django_db
def test_double_submit_finishes_once_and_keeps_the_first_text(interview, candidate):
    session, item = interview
    client = tab(candidate)
    with time_machine.travel(START + dt.timedelta(seconds=60), tick=False):
        first = client.post(submit_url(item), {"answer_text": "An image.", "revision": 1}, **HTMX)
        stored = SessionItem.objects.get(pk=item.pk)
        second = client.post(
            submit_url(item), {"answer_text": "Something else.", "revision": 2}, **HTMX
        )
    assert first.status_code == second.status_code == 200
    item.refresh_from_db()
    assert item.status == SessionItem.Status.SUBMITTED
    assert item.answer_text == "An image."
    assert (item.finished_at, item.final_score) == (stored.finished_at, stored.final_score)
    assert ITEM_CLOSED_MESSAGE in second.content.decode()
    # The second question did not start behind the candidate's back.
    assert session.items.get(position=item.position + 1).status == SessionItem.Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_simultaneous_double_submit_gives_one_outcome(interview, candidate):
    session, item = interview
    barrier = threading.Barrier(2)
    statuses, errors = [], []

    def click(text):
        try:
            client = tab(candidate)
            barrier.wait(timeout=10)
            response = client.post(submit_url(item), {"answer_text": text, "revision": 1}, **HTMX)
            statuses.append(response.status_code)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    with time_machine.travel(START + dt.timedelta(seconds=30), tick=False):
        threads = [threading.Thread(target=click, args=(text,)) for text in ("First.", "Second.")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    assert statuses == [200, 200]
    item.refresh_from_db()
    assert item.status == SessionItem.Status.SUBMITTED
    assert item.answer_text in ("First.", "Second.")
    assert item.final_score is not None


@pytest.mark.django_db
def test_two_tabs_never_overwrite_newer_text(interview, candidate):
    session, item = interview
    tab_a, tab_b = tab(candidate), tab(candidate)
    with time_machine.travel(START + dt.timedelta(seconds=20), tick=False):
        tab_a.get(f"/sessions/{session.pk}/")
        tab_b.get(f"/sessions/{session.pk}/")
        assert tab_a.post(autosave_url(item), {"revision": 1, "answer_text": "A1"}).json()["ok"]
        assert tab_a.post(autosave_url(item), {"revision": 2, "answer_text": "A1 A2"}).json()[
            "stored"
        ]
        # Tab B still counts from the page it loaded: its older revision must not win.
        stale = tab_b.post(autosave_url(item), {"revision": 1, "answer_text": "B"}).json()
    assert stale == {"ok": True, "revision": 2, "saved_at": stale["saved_at"], "stored": False}
    item.refresh_from_db()
    assert (item.autosave_revision, item.answer_text) == (2, "A1 A2")

    with time_machine.travel(START + dt.timedelta(seconds=40), tick=False):
        # Tab B reloads: it gets the newest text and carries on from the newest revision.
        reloaded = tab_b.get(f"/sessions/{session.pk}/")
        assert "A1 A2</textarea>" in reloaded.content.decode()
        assert 'name="revision" value="3"' in reloaded.content.decode()
        assert tab_b.post(autosave_url(item), {"revision": 3, "answer_text": "A1 A2 B3"}).json()[
            "stored"
        ]
        # The same revision from the other tab is a repeat, not an overwrite.
        repeat = tab_a.post(autosave_url(item), {"revision": 3, "answer_text": "A-other"}).json()
    assert repeat["stored"] is False
    item.refresh_from_db()
    assert item.answer_text == "A1 A2 B3"


@pytest.mark.django_db
def test_opening_a_second_tab_or_reloading_does_not_reset_the_timer(interview, candidate):
    session, item = interview
    deadline = SessionItem.objects.get(pk=item.pk).deadline_at
    with time_machine.travel(START + dt.timedelta(seconds=50), tick=False):
        first = shown_remaining_seconds(tab(candidate).get(f"/sessions/{session.pk}/"))
    with time_machine.travel(START + dt.timedelta(seconds=110), tick=False):
        second_tab = shown_remaining_seconds(tab(candidate).get(f"/sessions/{session.pk}/"))
    assert (first, second_tab) == (130, 70)
    assert SessionItem.objects.get(pk=item.pk).deadline_at == deadline
