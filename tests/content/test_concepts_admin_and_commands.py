"""The admin's "Re-extract concepts" action, inline curation, extract_concepts, and the bank end to end."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from content.concepts import concepts_refresh
from content.models import Concept, Question
from content.scoring.extraction import MAX_CONCEPTS

DOCKER_BANK = "content/sources/docker.txt"


def test_admin_action_re_extracts_and_keeps_curated(admin_client, docker_question, layers_question):
    Concept.objects.create(question=docker_question, label="hypervisor", origin="curated")
    Concept.objects.create(question=docker_question, label="stale idea")

    response = admin_client.post(
        reverse("admin:content_question_changelist"),
        {
            "action": "concepts_reextract",
            "_selected_action": [docker_question.pk, layers_question.pk],
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "Re-extracted the concepts of 2 questions" in response.content.decode()
    labels = set(docker_question.concepts.values_list("label", flat=True))
    assert "hypervisor" in labels and "stale idea" not in labels
    assert layers_question.concepts.filter(origin="extracted").count() >= 8


def test_editing_a_concept_inline_makes_it_curated(admin_client, docker_question):
    concepts_refresh(question=docker_question)
    rows = list(docker_question.concepts.all())
    answers = list(docker_question.model_answers.all())
    data = {
        "topic": docker_question.topic_id,
        "text": docker_question.text,
        "slug": docker_question.slug,
        "position": docker_question.position,
        "model_answers-TOTAL_FORMS": len(answers),
        "model_answers-INITIAL_FORMS": len(answers),
        "concepts-TOTAL_FORMS": len(rows) + 1,
        "concepts-INITIAL_FORMS": len(rows),
    }
    for n, answer in enumerate(answers):
        prefix = f"model_answers-{n}-"
        data |= {
            f"{prefix}id": answer.pk,
            f"{prefix}question": docker_question.pk,
            f"{prefix}level": answer.level,
            f"{prefix}text": answer.text,
            f"{prefix}posted_on": "",
        }
    for n, row in enumerate(rows):
        prefix = f"concepts-{n}-"
        data |= {
            f"{prefix}id": row.pk,
            f"{prefix}question": docker_question.pk,
            f"{prefix}label": row.label,
            f"{prefix}variants": json.dumps(row.variants),
            # The admin renders a hidden initial value for fields with a callable default.
            f"initial-{prefix}variants": json.dumps(row.variants),
            f"{prefix}weight": row.weight,
            f"{prefix}tier": row.tier,
            f"{prefix}origin": row.origin,
            f"{prefix}rank": row.rank,
        }
        if n != 1:
            data[f"{prefix}is_active"] = "on"
    data |= {
        f"concepts-{len(rows)}-label": "seccomp",
        f"concepts-{len(rows)}-variants": "[]",
        f"initial-concepts-{len(rows)}-variants": "[]",
        f"concepts-{len(rows)}-weight": "1.0",
        f"concepts-{len(rows)}-tier": "advanced",
        f"concepts-{len(rows)}-origin": "extracted",
        f"concepts-{len(rows)}-rank": "30",
        f"concepts-{len(rows)}-is_active": "on",
    }

    response = admin_client.post(
        reverse("admin:content_question_change", args=[docker_question.pk]), data
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    curated = set(docker_question.concepts.filter(origin="curated").values_list("label", flat=True))
    assert curated == {rows[1].label, "seccomp"}
    concepts_refresh(question=docker_question)
    assert docker_question.concepts.get(label=rows[1].label).is_active is False
    assert docker_question.concepts.filter(label="seccomp").exists()


def test_extract_concepts_command(docker_question, layers_question):
    out = io.StringIO()
    call_command("extract_concepts", "--question", layers_question.slug, stdout=out)
    assert "Extracted concepts for 1 question: " in out.getvalue()
    assert not docker_question.concepts.exists()
    assert layers_question.concepts.exists()

    out = io.StringIO()
    call_command("extract_concepts", "--topic", "docker", stdout=out)
    assert "for 2 questions" in out.getvalue()
    assert docker_question.concepts.exists()

    out = io.StringIO()
    call_command("extract_concepts", stdout=out)
    assert "0 created, 0 updated, 0 deleted" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "nope"], "No topic with slug 'nope'."),
        (["--question", "nope"], "No question with slug 'nope'."),
        (["--topic", "docker", "--question", "nope"], "No question with slug 'nope' in topic"),
    ],
)
def test_extract_concepts_unknown_slug(docker_question, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("extract_concepts", *args)


@pytest.mark.django_db
def test_importing_the_docker_bank_gives_every_question_concepts():
    call_command("import_questions", DOCKER_BANK, stdout=io.StringIO(), stderr=io.StringIO())

    questions = Question.objects.prefetch_related("concepts")
    assert len(questions) == 24
    counts = {q.slug: len(q.concepts.all()) for q in questions}
    # The set is sized by quality, not a fixed cap: at most MAX_CONCEPTS from each model answer.
    assert all(5 <= count <= 2 * MAX_CONCEPTS for count in counts.values()), counts
    assert all(c.origin == "extracted" for q in questions for c in q.concepts.all())

    before = list(Concept.objects.values_list("pk", "updated_at"))
    call_command("import_questions", DOCKER_BANK, stdout=io.StringIO(), stderr=io.StringIO())
    assert list(Concept.objects.values_list("pk", "updated_at")) == before
