"""The migration that gives every stored question its stable id."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("content", "0002_concept_negated")]
AFTER = [("content", "0003_question_uid")]


@pytest.mark.django_db(transaction=True)
def test_questions_stored_before_ids_existed_each_get_a_distinct_one():
    executor = MigrationExecutor(connection)
    # Every app: taking content back also unapplies the session migrations that depend on it.
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    topic = old_apps.get_model("content", "Topic").objects.create(name="T", slug="t")
    Question = old_apps.get_model("content", "Question")
    for number in range(3):
        Question.objects.create(topic=topic, text=f"Question {number}?", slug=f"q{number}")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new_apps = executor.loader.project_state(AFTER).apps
    uids = list(new_apps.get_model("content", "Question").objects.values_list("uid", flat=True))
    assert len(uids) == 3 and None not in uids and len(set(uids)) == 3
    MigrationExecutor(connection).migrate(latest)
