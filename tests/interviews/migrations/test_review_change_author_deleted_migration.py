"""Review-log entries whose author's account was deleted before the upgrade say so after it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from interviews.models import ReviewChange
from interviews.services.rescoring import RESCORE_REASON

# The last migration before: an upgraded database holds its log as this state does.
BEFORE = [("interviews", "0012_item_score_reviewed_dropped_ticks")]


@pytest.mark.django_db(transaction=True)
def test_authorless_entries_by_people_are_marked_and_the_scorers_are_not():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(username="ivy")
    session = old.get_model("interviews", "InterviewSession").objects.create(
        created_by=user, candidate=user, status="completed"
    )
    Change = old.get_model("interviews", "ReviewChange")

    def change(field, *, by=None, reason=""):
        return Change.objects.create(session=session, field=field, changed_by=by, reason=reason)

    kept = change("score_override", by=user, reason="Fair")
    override = change("score_override", reason="Fair")  # its author's account was deleted
    notes = change("notes")
    status = change("status")
    curated = change("rescore", reason="Concepts of the question were curated.")
    scorer = change("rescore", reason=RESCORE_REASON.format(new="9", old="8"))

    MigrationExecutor(connection).migrate(latest)

    shown = {
        change.pk: change.changed_by_shown
        for change in ReviewChange.objects.select_related("changed_by")
    }
    assert shown == {
        kept.pk: "ivy",
        override.pk: "a deleted user",
        notes.pk: "a deleted user",
        status.pk: "a deleted user",
        curated.pk: "a deleted user",
        # The scorer's entry names its command since 0014.
        scorer.pk: "manage.py rescore",
    }
