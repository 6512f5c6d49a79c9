"""Scores stored before the semantic layer was recorded read as not recorded, never as off: the
layer could already be switched on then, and nothing kept says whether it was."""

import pytest

from interviews.models import SessionItem
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to, scored_items

# The last migration before: an upgraded database holds its items as this state does.
BEFORE = [("interviews", "0014_review_change_by_command")]


@pytest.mark.django_db(transaction=True)
def test_scores_stored_before_read_as_not_recorded():
    old, latest = migrated_back_to(BEFORE)
    item = scored_items(old, [("kernel", 1.0)], scorer_version="9")
    scored = item(1)
    skipped = old.get_model("interviews", "SessionItem").objects.create(
        session_id=scored.session_id, question_id=scored.question_id, position=2, status="skipped"
    )

    migrate_forward(latest)

    assert SessionItem.objects.get(pk=scored.pk).semantic_scoring is None
    assert SessionItem.objects.get(pk=scored.pk).scoring_note == (
        "scorer 9, semantic layer not recorded"
    )
    assert SessionItem.objects.get(pk=skipped.pk).semantic_scoring is None
    assert SessionItem.objects.get(pk=skipped.pk).scoring_note == ""
