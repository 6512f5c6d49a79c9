"""/healthz answers 200 while the database answers, 503 when it cannot be reached."""

import json
from unittest import mock

import pytest
from django.db import OperationalError

from tests.security.production import production_environment, run_python


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


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
