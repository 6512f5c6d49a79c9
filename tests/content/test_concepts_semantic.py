"""The optional semantic layer changes scores only when the setting switches it on."""

import io
import json

import pytest

from content.batch_scoring import read_lines, score_lines
from content.concepts import answer_score, concepts_refresh, scoring_concepts
from content.scoring import semantic

pytestmark = pytest.mark.skipif(
    not semantic.semantic_available(),
    reason="the semantic extra is not installed (make install-test installs it)",
)

# A paraphrase: it says much of the expert answer in other words than its concepts.
PARAPHRASE = (
    "Docker packages an application with everything it needs and runs it as an isolated process "
    "that uses the same operating system core as the machine it runs on, so it starts fast and "
    "is small, whereas a virtual machine boots a whole guest system on emulated hardware."
)


@pytest.fixture
def question(docker_question):
    concepts_refresh(question=docker_question)
    return docker_question


def test_answer_score_blends_the_semantic_layer_only_when_switched_on(question, settings):
    settings.INTERVIEW_SEMANTIC_SCORING = False
    lexical = answer_score(question=question, answer=PARAPHRASE, level="expert")

    settings.INTERVIEW_SEMANTIC_SCORING = True
    blended = answer_score(question=question, answer=PARAPHRASE, level="expert")

    expected = semantic.score_semantic(
        PARAPHRASE,
        scoring_concepts(question),
        level="expert",
        question=question.text,
        reference=question.model_answer("expert").text,
        encoder=semantic.SentenceEncoder(),
    )
    assert blended.value == expected.value
    assert blended.value != lexical.value
    # The evidence stays the lexical scorer's: only the number changes.
    assert blended.matched == lexical.matched
    assert blended.missed == lexical.missed


def test_score_answers_uses_the_semantic_layer_on_both_paths(question, settings):
    lines = [
        {"id": "bank", "question": question.slug, "answer": PARAPHRASE},
        {"id": "ad-hoc", "reference": question.model_answer("expert").text, "answer": PARAPHRASE},
    ]
    payload = "\n".join(json.dumps(line) for line in lines).encode()

    settings.INTERVIEW_SEMANTIC_SCORING = False
    lexical = list(score_lines(read_lines(io.BytesIO(payload))))
    settings.INTERVIEW_SEMANTIC_SCORING = True
    blended = list(score_lines(read_lines(io.BytesIO(payload))))

    assert [row["id"] for row in blended] == ["bank", "ad-hoc"]
    for before, after in zip(lexical, blended, strict=True):
        assert after["score"] != before["score"]
        assert after["matched"] == before["matched"]
