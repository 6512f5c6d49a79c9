"""Re-score entries stored before the log named commands name `manage.py rescore` after it."""

import pytest

from interviews.models import ReviewChange
from interviews.services.curation import CURATED_RESCORE_REASON
from interviews.services.rescoring import RESCORE_COMMAND, RESCORE_REASON
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to

BEFORE = [("interviews", "0013_review_change_author_deleted")]


@pytest.mark.django_db(transaction=True)
def test_the_scorers_entries_name_the_command_and_no_other_entry_does():
    old, latest = migrated_back_to(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="ivy")
    session = old.get_model("interviews", "InterviewSession").objects.create(
        created_by=user, candidate=user, status="completed"
    )
    Change = old.get_model("interviews", "ReviewChange")

    def change(field, *, by=None, deleted=False, reason=""):
        return Change.objects.create(
            session=session, field=field, changed_by=by, changed_by_deleted=deleted, reason=reason
        )

    scorer = change("rescore", reason=RESCORE_REASON.format(new="9", old="8"))
    curated = change("rescore", by=user, reason=CURATED_RESCORE_REASON)
    curated_gone = change("rescore", deleted=True, reason=CURATED_RESCORE_REASON)
    override = change("score_override", by=user, reason="Fair")

    migrate_forward(latest)

    shown = {
        change.pk: change.changed_by_shown
        for change in ReviewChange.objects.select_related("changed_by")
    }
    assert shown == {
        scorer.pk: RESCORE_COMMAND,
        curated.pk: "ivy",
        curated_gone.pk: "a deleted user",
        override.pk: "ivy",
    }
