"""Ten simultaneous finishes of one item give exactly one final state and one score."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from interviews.models import InterviewSession, SessionItem
from interviews.services import (
    answer_autosave,
    item_finish,
)


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_finishes_score_once(start_practice, run_together, monkeypatch):
    session, item = start_practice(per_item_seconds=180)
    SessionItem.objects.filter(pk=item.pk).update(answer_text="An image is a template.")

    from interviews.services import engine as engine_module

    scored = []
    real_apply = engine_module.item_score_apply

    def counting_apply(**kwargs):
        scored.append(threading.get_ident())
        real_apply(**kwargs)

    monkeypatch.setattr(engine_module, "item_score_apply", counting_apply)

    # The submit button, the browser's timer and the sweeper, each a few times.
    callers = ["submit", "timer", "sweep", "submit", "timer"] * 2
    results, errors = run_together(
        lambda _caller: item_finish(item_id=item.pk, text="An image.", revision=1), callers
    )

    assert errors == []
    assert sum(result.finished_now for result in results) == 1
    assert len(scored) == 1
    item.refresh_from_db()
    assert item.status == SessionItem.Status.SUBMITTED  # well before its deadline
    assert item.score is not None
    assert item.finished_at <= timezone.now() + timedelta(seconds=1)
    assert InterviewSession.objects.get(pk=session.pk).status == "completed"
    # Every thread saw the same final item.
    assert {result.item.status for result in results} == {item.status}
    assert connection.vendor in {"sqlite", "postgresql"}


@pytest.mark.django_db(transaction=True)
def test_simultaneous_autosaves_keep_the_newest_revision(candidate, start_practice, run_together):
    session, item = start_practice()
    items = SessionItem.objects.for_candidate(candidate).filter(pk=item.pk)
    revisions = [7, 3, 10, 1, 9, 2, 8, 5, 6, 4]
    _, errors = run_together(
        lambda revision: answer_autosave(
            items=items, text=f"revision {revision}", revision=revision
        ),
        revisions,
    )
    assert errors == []
    item.refresh_from_db()
    assert (item.answer_text, item.autosave_revision) == ("revision 10", 10)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="about the SQLite test database")
def test_sqlite_tests_run_on_a_file_so_threads_lock_like_production():
    name = str(connection.settings_dict["TEST"]["NAME"])
    assert name.endswith(".sqlite3") and "memory" not in name
