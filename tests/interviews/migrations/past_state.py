"""Rows written in a migration's past state, as an upgraded database holds them."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrated_back_to(before: list[tuple[str, str]]):
    """Migrate the test database back to `before`: that state's apps, and the leaf migrations to
    go forward to afterwards (`migrate_forward`)."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    return executor.loader.project_state(before).apps, latest


def migrate_forward(latest) -> None:
    MigrationExecutor(connection).migrate(latest)


def scored_items(old, concepts: list[tuple[str, float]], **defaults):
    """A function that makes submitted items scoring 30 (the concept "kernel" matched) of one
    question with these (label, weight) concepts, in one session; `defaults` and its own keyword
    arguments fill the other fields."""
    user = old.get_model("auth", "User").objects.create(username="ivy")
    topic = old.get_model("content", "Topic").objects.create(slug="docker", name="Docker")
    question = old.get_model("content", "Question").objects.create(
        topic=topic, text="Q?", slug="q", position=1
    )
    Concept = old.get_model("content", "Concept")
    for label, weight in concepts:
        Concept.objects.create(question=question, label=label, weight=weight)
    session = old.get_model("interviews", "InterviewSession").objects.create(
        created_by=user, candidate=user, status="completed"
    )
    Item = old.get_model("interviews", "SessionItem")

    def item(position: int, **fields):
        return Item.objects.create(
            session=session,
            question=question,
            position=position,
            status="submitted",
            score=30.0,
            matched=[{"label": "kernel", "start": 0, "end": 6}],
            **{**defaults, **fields},
        )

    return item
