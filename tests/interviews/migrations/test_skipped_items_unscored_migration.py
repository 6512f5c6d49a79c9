"""A skipped question that a concept page's re-score gave a score of 0 is unscored again."""

import pytest

from interviews.models import ReviewChange, SessionItem
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to, scored_items

BEFORE = [("interviews", "0015_item_semantic_scoring")]


@pytest.mark.django_db(transaction=True)
def test_only_skipped_items_lose_their_score_and_the_log_says_so():
    old, latest = migrated_back_to(BEFORE)
    item = scored_items(old, [("kernel", 1.0), ("cgroups", 1.0)])
    answered = item(1)
    skipped = item(2, scorer_version="9", missed=["cgroups"])
    unreached = item(3)
    Item = old.get_model("interviews", "SessionItem")
    # A re-score gave the first a score; the other was left as the session's end skipped it.
    Item.objects.filter(pk=skipped.pk).update(status="skipped", score=0.0, matched=[])
    Item.objects.filter(pk=unreached.pk).update(status="skipped", score=None, matched=[])

    migrate_forward(latest)

    rows = {row.pk: row for row in SessionItem.objects.all()}
    assert rows[answered.pk].score == 30.0 and rows[answered.pk].matched_labels == ["kernel"]
    cleared = rows[skipped.pk]
    assert (cleared.score, cleared.scorer_version, cleared.missed, cleared.matched) == (
        None,
        "",
        [],
        [],
    )
    assert rows[unreached.pk].score is None
    [change] = ReviewChange.objects.all()
    assert (change.item_id, change.old_value, change.new_value) == (skipped.pk, 0.0, None)
    assert change.changed_by_shown == "manage.py migrate"
