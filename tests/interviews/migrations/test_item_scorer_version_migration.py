"""The migration that adds the scorer version: every score stored before it came from scorer 1."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _this_migration(executor: MigrationExecutor) -> tuple[tuple[str, str], list[tuple[str, str]]]:
    """The migration's node and its parents, found by name so a renumbering keeps the test."""
    graph = executor.loader.graph
    [node] = [n for n in graph.nodes if n[0] == "interviews" and n[1].endswith("_scorer_version")]
    return node, sorted(graph.node_map[node].parents, key=lambda n: n.key)


@pytest.mark.django_db(transaction=True)
def test_scored_rows_get_version_1_and_unscored_rows_none():
    executor = MigrationExecutor(connection)
    node, parents = _this_migration(executor)
    executor.migrate([parent.key for parent in parents])
    old = executor.loader.project_state([parent.key for parent in parents]).apps
    User = old.get_model("auth", "User")
    Topic = old.get_model("content", "Topic")
    Question = old.get_model("content", "Question")
    Session = old.get_model("interviews", "InterviewSession")
    Item = old.get_model("interviews", "SessionItem")
    user = User.objects.create(username="before")
    topic = Topic.objects.create(slug="docker", name="Docker")
    question = Question.objects.create(topic=topic, text="Q?", slug="q", position=1)
    session = Session.objects.create(created_by=user, candidate=user, status="completed")
    scored = Item.objects.create(
        session=session, question=question, position=1, status="submitted", score=55.0
    )
    skipped = Item.objects.create(session=session, question=question, position=2, status="skipped")

    executor = MigrationExecutor(connection)
    executor.migrate([node])
    new = executor.loader.project_state([node]).apps.get_model("interviews", "SessionItem")

    assert new.objects.get(pk=scored.pk).scorer_version == "1"
    assert new.objects.get(pk=skipped.pk).scorer_version == ""
    assert new.objects.get(pk=scored.pk).previous_score is None
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
