"""Concepts ticked before reviewed scores existed count once the database is upgraded."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from interviews.models import SessionItem
from interviews.services.review import item_reviewed_score_refresh

# The last migration before the fill: an upgraded database holds its items as this state does.
BEFORE = [("interviews", "0010_session_ended_by_interviewer")]


@pytest.mark.django_db(transaction=True)
def test_ticks_made_before_reviewed_scores_existed_move_the_score_after_the_upgrade():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(username="ivy")
    topic = old.get_model("content", "Topic").objects.create(slug="docker", name="Docker")
    Question = old.get_model("content", "Question")
    question = Question.objects.create(topic=topic, text="Q?", slug="q", position=1)
    Concept = old.get_model("content", "Concept")
    for label, weight in [("kernel", 1.0), ("namespaces", 2.0), ("cgroups", 1.0)]:
        Concept.objects.create(question=question, label=label, weight=weight)
    session = old.get_model("interviews", "InterviewSession").objects.create(
        created_by=user, candidate=user, status="completed"
    )
    Item = old.get_model("interviews", "SessionItem")

    def item(position, **fields):
        return Item.objects.create(
            session=session,
            question=question,
            position=position,
            status="submitted",
            score=30.0,
            scorer_version="1",
            matched=[{"label": "kernel", "start": 0, "end": 6}],
            missed=["namespaces", "cgroups"],
            **fields,
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

    MigrationExecutor(connection).migrate(latest)

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
