"""Bank pages cost the same number of queries however many questions a bank holds."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.authoring import question_create
from content.models import Concept, Topic
from content.revisions import QuestionState

pytestmark = pytest.mark.django_db


def test_importing_a_bank_back_costs_the_same_queries_for_more_questions(
    client, author, private_bank
):
    """An exported bank, concepts and all, imported back: the round trip of an owner's edits."""

    def questions_add(numbers):
        for number in numbers:
            text = f"Question {number}: what does a Docker volume do?"
            expert = f"A volume persists data outside the container, case {number}."
            question_create(topic=private_bank, author=author, state=QuestionState(text, expert))

    def import_back() -> int:
        exported = client.get(f"/topics/{private_bank.slug}/export/json/").content
        upload = SimpleUploadedFile("bank.json", exported)
        preview = client.post("/banks/import/", {"file": upload})["Location"]
        with CaptureQueriesContext(connection) as queries:
            response = client.post(preview)
        assert response.status_code == 302
        return len(queries)

    client.force_login(author)
    questions_add(range(2))
    few = import_back()
    questions_add(range(2, 8))
    concepts_before = sorted(Concept.objects.values_list("question_id", "label", "weight"))
    many = import_back()
    assert sorted(Concept.objects.values_list("question_id", "label", "weight")) == concepts_before
    assert many == few


def test_copying_a_bank_costs_the_same_queries_for_more_questions(client, colleague, make_question):
    def copy_queries(count: int, topic_slug: str) -> int:
        questions = [make_question(topic_slug, number) for number in range(1, count + 1)]
        Concept.objects.create(question=questions[-1], label="hand-made", origin="curated", rank=9)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(f"/bank/{topic_slug}/copy/")
        assert response.status_code == 302
        copy = Topic.objects.get(owner=colleague, name=f"{topic_slug.title()} (copy)")
        copied = copy.questions.order_by("position")
        assert [(q.text, q.position) for q in copied] == [
            (q.text, n) for n, q in enumerate(questions, start=1)
        ]
        assert all(q.revisions.get().note == f"Copied from {topic_slug.title()}" for q in copied)
        assert copied.last().concepts.filter(label="hand-made", origin="curated").exists()
        return len(queries)

    client.force_login(colleague)
    assert copy_queries(8, "volumes") == copy_queries(2, "images")
