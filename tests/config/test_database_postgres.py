"""DATABASE_URL=postgres://... selects PostgreSQL through psycopg 3; racing autosaves are safe on both."""

import json
import random
import threading

import pytest
from django.db import connection, connections

from interviews.models import SessionItem
from interviews.services import answer_autosave, practice_session_create, session_start
from tests.security.production import production_environment, run_python

SHOW_DATABASE = (
    "import json, django; django.setup();"
    "from django.conf import settings; from django.db import connection;"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': db['NAME'], 'host': db['HOST'],"
    " 'port': db['PORT'], 'conn_max_age': db['CONN_MAX_AGE'],"
    " 'health_checks': db['CONN_HEALTH_CHECKS'], 'driver': connection.Database.__name__}))"
)


def test_database_url_selects_postgresql_with_psycopg3(tmp_path):
    env = production_environment(
        tmp_path, DATABASE_URL="postgres://interviews@db.internal:6432/interviews"
    )
    result = run_python(SHOW_DATABASE, env)
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout.strip().splitlines()[-1])
    assert database == {
        "engine": "django.db.backends.postgresql",
        "name": "interviews",
        "host": "db.internal",
        "port": 6432,
        "conn_max_age": 60,
        "health_checks": True,
        "driver": "psycopg",
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db
def test_postgresql_connection_uses_psycopg3():
    assert connection.Database.__name__ == "psycopg"
    assert connection.pg_version >= 130000


@pytest.mark.django_db(transaction=True)
def test_racing_autosaves_keep_the_newest_revision(candidate, make_question):
    """Twelve saves of one item arrive at once in random order: the highest revision wins."""
    question = make_question("docker", 1)
    session = practice_session_create(
        candidate=candidate,
        topics=[question.topic],
        count=1,
        level="expert",
        per_item_seconds=None,
        total_seconds=None,
        feedback_mode="after_each",
    )
    item = session_start(session=session)
    revisions = list(range(1, 13))
    random.Random(5).shuffle(revisions)
    barrier = threading.Barrier(len(revisions))
    stored, errors = [], []

    def save(revision: int) -> None:
        try:
            barrier.wait(timeout=10)
            result = answer_autosave(
                items=SessionItem.objects.filter(pk=item.pk),
                text=f"text of revision {revision}",
                revision=revision,
            )
            if result.stored:
                stored.append(revision)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(revision,)) for revision in revisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    item.refresh_from_db()
    assert (item.autosave_revision, item.answer_text) == (12, "text of revision 12")
    assert 12 in stored
