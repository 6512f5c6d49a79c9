"""DATABASE_URL=postgres://... selects PostgreSQL through psycopg 3; racing autosaves are safe on both."""

import json
import random

import pytest
from django.db import connection

from interviews.models import SessionItem
from interviews.services import answer_autosave
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
def test_racing_autosaves_keep_the_newest_revision(candidate, start_practice, run_together):
    """Rounds of twelve saves of one item arrive at once in random order: the highest one wins."""
    session, item = start_practice()
    rng = random.Random(5)
    for round_number in range(5):
        revisions = [round_number * 12 + offset for offset in range(1, 13)]
        rng.shuffle(revisions)

        def save(revision: int) -> None:
            answer_autosave(
                # The queryset the autosave view passes: narrowed to the candidate's own item
                # through a join, which must not hide the revision check from PostgreSQL.
                items=SessionItem.objects.for_candidate(candidate).filter(
                    session_id=item.session_id, position=item.position
                ),
                text=f"text of revision {revision}",
                revision=revision,
            )

        _, errors = run_together(save, revisions)
        assert errors == []
        item.refresh_from_db()
        newest = max(revisions)
        assert (item.autosave_revision, item.answer_text) == (newest, f"text of revision {newest}")
