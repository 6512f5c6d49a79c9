"""Bank pages cost the same number of queries however many questions a bank holds."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.authoring import question_create
from content.models import Concept
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
