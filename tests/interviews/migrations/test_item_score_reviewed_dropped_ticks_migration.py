"""Ticks present on concepts a new extraction dropped count once the database is upgraded."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from interviews.models import SessionItem
from interviews.services.review import item_reviewed_score_refresh

# The last migration before: an upgraded database holds its items as this state does.
BEFORE = [("interviews", "0011_item_score_reviewed_fill")]


@pytest.mark.django_db(transaction=True)
def test_ticks_on_dropped_concepts_count_after_the_upgrade():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(username="ivy")
    topic = old.get_model("content", "Topic").objects.create(slug="docker", name="Docker")
    Question = old.get_model("content", "Question")
    question = Question.objects.create(topic=topic, text="Q?", slug="q", position=1)
    Concept = old.get_model("content", "Concept")
    # The new extraction: "read-only" is gone, "immutable" came.
    for label, weight in [("kernel", 1.0), ("namespaces", 2.0), ("immutable", 1.0)]:
        Concept.objects.create(question=question, label=label, weight=weight)
    session = old.get_model("interviews", "InterviewSession").objects.create(
        created_by=user, candidate=user, status="completed"
    )
    Item = old.get_model("interviews", "SessionItem")

    def item(position, score_reviewed):
        """Re-scored by the new scorer against the new concepts, before this upgrade."""
        return Item.objects.create(
            session=session,
            question=question,
            position=position,
            status="submitted",
            score=30.0,
            scorer_version="9",
            matched=[{"label": "kernel", "start": 0, "end": 6}],
            missed=["namespaces", "immutable"],
            score_reviewed=score_reviewed,
        )

    # Each as the refresh before this upgrade left it: a tick on a dropped concept added nothing.
    dropped_present = item(1, 30.0)
    dropped_and_listed = item(2, 80.0)  # namespaces too: 30 + 2 of 4
    dropped_missing = item(3, None)  # "kernel-space" ticked missing, then dropped
    listed_only = item(4, 77.0)  # weights curated since its tick: left as stored
    Verdict = old.get_model("interviews", "ConceptVerdict")
    for row, label, present in [
        (dropped_present, "read-only", True),
        (dropped_and_listed, "read-only", True),
        (dropped_and_listed, "namespaces", True),
        (dropped_missing, "kernel-space", False),
        (listed_only, "namespaces", True),
    ]:
        Verdict.objects.create(item=row, concept_label=label, present=present, auto_present=False)

    MigrationExecutor(connection).migrate(latest)

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
