"""/healthz answers 200 while the database answers, 503 when it cannot be reached."""

import json
from unittest import mock

import pytest
from django.db import OperationalError

from content.scoring import SCORER_VERSION, semantic
from tests.security.production import production_environment, run_python


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "scorer_version": SCORER_VERSION,
        "semantic_scoring": False,
    }
    assert "no-cache" in response.headers["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("switched_on", "installed", "blends"),
    [(True, True, True), (True, False, False), (False, True, False)],
    ids=["on and installed", "on but not installed", "off"],
)
def test_healthz_says_whether_this_server_blends_in_the_semantic_layer(
    client, settings, monkeypatch, switched_on, installed, blends
):
    """Scores differ with the layer, so servers behind one balancer must agree; the check shows
    each server's answer, where a server missing the extra silently scores lexically."""
    settings.INTERVIEW_SEMANTIC_SCORING = switched_on
    monkeypatch.setattr(semantic, "semantic_available", lambda: installed)
    assert client.get("/healthz").json()["semantic_scoring"] is blends


@pytest.mark.django_db
def test_healthz_answers_head_and_refuses_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_reports_a_failing_database(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


def test_healthz_with_an_unreachable_postgresql(tmp_path):
    """A real server whose DATABASE_URL points at a port nobody listens on."""
    env = production_environment(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:9/unreachable?connect_timeout=2",
        DJANGO_HTTPS="0",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    probe = (
        "import json, django; django.setup();"
        "from django.test import Client;"
        "response = Client().get('/healthz');"
        "print(json.dumps([response.status_code, response.json()]))"
    )
    result = run_python(probe, env)
    assert result.returncode == 0, result.stderr
    status, body = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body == {"status": "unavailable", "database": "unreachable"}
    assert "Health check failed" in result.stderr
