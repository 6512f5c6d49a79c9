"""Concepts ticked before reviewed scores existed count once the database is upgraded."""

import pytest

from interviews.models import SessionItem
from interviews.services.review import item_reviewed_score_refresh
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to, scored_items

# The last migration before the fill: an upgraded database holds its items as this state does.
BEFORE = [("interviews", "0010_session_ended_by_interviewer")]


@pytest.mark.django_db(transaction=True)
def test_ticks_made_before_reviewed_scores_existed_move_the_score_after_the_upgrade():
    old, latest = migrated_back_to(BEFORE)
    item = scored_items(
        old,
        [("kernel", 1.0), ("namespaces", 2.0), ("cgroups", 1.0)],
        scorer_version="1",
        missed=["namespaces", "cgroups"],
    )

    ticked = item(1)  # an interviewer said "namespaces" is there, before 0006
    unticked = item(2)  # and here that "kernel" is not
    untouched = item(3)
    reviewed_since = item(4, score_reviewed=55.0)  # ticked after 0006: already counted
    overridden = item(5, score_override=90.0, override_reason="Said it aloud.")
    Verdict = old.get_model("interviews", "ConceptVerdict")
    for row, label, present in [
        (ticked, "namespaces", True),
        (unticked, "kernel", False),
        (reviewed_since, "namespaces", True),
        (overridden, "cgroups", True),
    ]:
        Verdict.objects.create(
            item=row, concept_label=label, present=present, auto_present=not present
        )

    migrate_forward(latest)

    scores = dict(SessionItem.objects.values_list("pk", "score_reviewed"))
    # 30 plus namespaces' share of the weights (2 of 4), and less kernel's (1 of 4).
    assert scores[ticked.pk] == 80.0
    assert scores[unticked.pk] == 5.0
    assert scores[untouched.pk] is None
    assert scores[reviewed_since.pk] == 55.0
    assert scores[overridden.pk] == 55.0  # moved too; the override still wins
    assert SessionItem.objects.get(pk=overridden.pk).final_score == 90.0
    assert SessionItem.objects.get(pk=ticked.pk).final_score == 80.0
    # The same score as any tick made after the upgrade gets.
    for pk in (ticked.pk, unticked.pk, overridden.pk):
        refreshed = SessionItem.objects.get(pk=pk)
        item_reviewed_score_refresh(refreshed)
        assert refreshed.score_reviewed == scores[pk]
