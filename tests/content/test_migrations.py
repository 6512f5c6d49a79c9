"""Data migrations: every stored question gets its stable id, every answer its date."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

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


@pytest.mark.django_db(transaction=True)
def test_answers_written_before_they_were_dated_get_the_day_they_were_saved():
    before, after = [("content", "0005_bank_owners")], [("content", "0006_model_answer_dates")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    topic = old_apps.get_model("content", "Topic").objects.create(name="T", slug="t")
    question = old_apps.get_model("content", "Question").objects.create(
        topic=topic, text="Q?", slug="q"
    )
    ModelAnswer = old_apps.get_model("content", "ModelAnswer")
    undated = ModelAnswer.objects.create(question=question, level="expert", text="A.")
    dated = ModelAnswer.objects.create(
        question=question, level="beginner", text="B.", posted_on=date(2025, 3, 26)
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    ModelAnswer = executor.loader.project_state(after).apps.get_model("content", "ModelAnswer")
    saved_on = timezone.localdate(ModelAnswer.objects.get(pk=undated.pk).updated_at)
    assert ModelAnswer.objects.get(pk=undated.pk).posted_on == saved_on
    assert ModelAnswer.objects.get(pk=dated.pk).posted_on == date(2025, 3, 26)
    MigrationExecutor(connection).migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_banks_of_one_owner_sharing_a_name_are_numbered_oldest_first(django_user_model):
    before = [("content", "0006_model_answer_dates")]
    after = [("content", "0007_bank_names_unique_per_owner")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    Topic = executor.loader.project_state(before).apps.get_model("content", "Topic")
    amy = django_user_model.objects.create_user("amy").pk
    cole = django_user_model.objects.create_user("cole").pk
    rows = [  # (owner id, name), in creation order
        (amy, "Kubernetes"),
        (amy, "Kubernetes (copy)"),
        (amy, "kubernetes"),
        (amy, "Kubernetes (copy)"),
        (amy, "Kubernetes (2)"),  # taken already: the second "Kubernetes" skips it
        (amy, "KUBERNETES"),
        (cole, "Kubernetes"),  # another owner's: left alone
        (None, "Docker"),
        (None, "docker"),
        (amy, "Docker"),
        (amy, "X" * 200),
        (amy, "x" * 200),
    ]
    ids = [
        Topic.objects.create(owner_id=owner, name=name, slug=f"bank-{number}").pk
        for number, (owner, name) in enumerate(rows)
    ]

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    Topic = executor.loader.project_state(after).apps.get_model("content", "Topic")
    names = [Topic.objects.get(pk=pk).name for pk in ids]
    assert names == [
        "Kubernetes",
        "Kubernetes (copy)",
        "kubernetes (3)",
        "Kubernetes (copy 2)",  # numbered as copying numbers copies
        "Kubernetes (2)",
        "KUBERNETES (4)",
        "Kubernetes",
        "Docker",
        "docker (2)",
        "Docker",
        "X" * 200,
        "x" * 196 + " (2)",
    ]
    MigrationExecutor(connection).migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_revisions_whose_author_was_deleted_before_it_was_recorded_say_so(django_user_model):
    before = [("content", "0007_bank_names_unique_per_owner")]
    after = [("content", "0008_revision_author_deleted")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    topic = old_apps.get_model("content", "Topic").objects.create(name="T", slug="t")
    question = old_apps.get_model("content", "Question").objects.create(
        topic=topic, text="Q?", slug="q"
    )
    Revision = old_apps.get_model("content", "QuestionRevision")
    user = old_apps.get_model(*django_user_model._meta.label.split(".")).objects.create(
        username="kept"
    )
    notes = {1: "As imported", 2: "Imported from bank.md", 3: "", 4: "Restored revision 1"}
    for number, note in notes.items():
        Revision.objects.create(question=question, number=number, text="Q?", note=note)
    Revision.objects.create(question=question, number=5, text="Q?", note="", author=user)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    Revision = executor.loader.project_state(after).apps.get_model("content", "QuestionRevision")
    marked = dict(Revision.objects.values_list("number", "author_deleted"))
    assert marked == {1: False, 2: False, 3: True, 4: True, 5: False}
    MigrationExecutor(connection).migrate(latest)
