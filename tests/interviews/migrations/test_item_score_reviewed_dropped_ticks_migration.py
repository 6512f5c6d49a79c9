"""Ticks present on concepts a new extraction dropped count once the database is upgraded."""

import pytest

from interviews.models import SessionItem
from interviews.services.review import item_reviewed_score_refresh
from tests.interviews.migrations.past_state import migrate_forward, migrated_back_to, scored_items

# The last migration before: an upgraded database holds its items as this state does.
BEFORE = [("interviews", "0011_item_score_reviewed_fill")]


@pytest.mark.django_db(transaction=True)
def test_ticks_on_dropped_concepts_count_after_the_upgrade():
    old, latest = migrated_back_to(BEFORE)
    # The new extraction: "read-only" is gone, "immutable" came. Each item was re-scored by the
    # new scorer against the new concepts, before this upgrade.
    item = scored_items(
        old,
        [("kernel", 1.0), ("namespaces", 2.0), ("immutable", 1.0)],
        scorer_version="9",
        missed=["namespaces", "immutable"],
    )

    # Each as the refresh before this upgrade left it: a tick on a dropped concept added nothing.
    dropped_present = item(1, score_reviewed=30.0)
    dropped_and_listed = item(2, score_reviewed=80.0)  # namespaces too: 30 + 2 of 4
    dropped_missing = item(3, score_reviewed=None)  # "kernel-space" ticked missing, then dropped
    listed_only = item(4, score_reviewed=77.0)  # weights curated since its tick: left as stored
    Verdict = old.get_model("interviews", "ConceptVerdict")
    for row, label, present in [
        (dropped_present, "read-only", True),
        (dropped_and_listed, "read-only", True),
        (dropped_and_listed, "namespaces", True),
        (dropped_missing, "kernel-space", False),
        (listed_only, "namespaces", True),
    ]:
        Verdict.objects.create(item=row, concept_label=label, present=present, auto_present=False)

    migrate_forward(latest)

    scores = dict(SessionItem.objects.values_list("pk", "score_reviewed"))
    # The dropped concept weighs the default 1, among kernel 1, namespaces 2 and immutable 1.
    assert scores[dropped_present.pk] == 50.0
    assert scores[dropped_and_listed.pk] == 90.0  # 30 + (1 + 2) of 5
    assert scores[dropped_missing.pk] is None
    assert scores[listed_only.pk] == 77.0
    assert SessionItem.objects.get(pk=dropped_present.pk).final_score == 50.0
    # The same score the service gives such a tick after the upgrade.
    for pk in (dropped_present.pk, dropped_and_listed.pk, dropped_missing.pk):
        refreshed = SessionItem.objects.get(pk=pk)
        item_reviewed_score_refresh(refreshed)
        assert refreshed.score_reviewed == scores[pk]
