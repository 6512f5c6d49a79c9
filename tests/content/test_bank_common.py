"""The bank's common words never make a concept, and scoring sees every model answer."""

from content.concepts import answer_score, bank_common_stems, concepts_extract, concepts_refresh
from content.models import Level, ModelAnswer, Question, Topic
from content.scoring.extraction import COMMON_MIN_QUESTIONS
from content.scoring.text import content_stems
from tests.content.conftest import question_make


def test_stems_most_questions_mention_never_make_a_concept_alone(docker_topic) -> None:
    questions = [
        question_make(docker_topic, index, slug=f"q{index}")
        for index in range(COMMON_MIN_QUESTIONS)
    ]
    common = bank_common_stems(questions[0])
    assert {"docker", "contain"} <= common
    for question in questions:
        for concept in concepts_extract(question=question):
            assert not set(content_stems(concept.label)) <= common, concept.label


def test_a_small_bank_has_no_common_stems(docker_topic) -> None:
    question = question_make(docker_topic, 0, slug="q0")
    assert bank_common_stems(question) == frozenset()


def test_another_topics_answers_do_not_count(docker_topic) -> None:
    for index in range(COMMON_MIN_QUESTIONS):
        question_make(docker_topic, index, slug=f"q{index}")
    other = Topic.objects.create(name="Cooking", slug="cooking")
    lone = Question.objects.create(topic=other, text="How do you boil an egg?", slug="egg")
    ModelAnswer.objects.create(question=lone, level=Level.EXPERT, text="Docker containers boil.")
    assert bank_common_stems(lone) == frozenset()


def test_support_precision_counts_the_words_of_every_model_answer(docker_question) -> None:
    concepts_refresh(question=docker_question)
    beginner = docker_question.model_answer(Level.BEGINNER).text
    words = " ".join(beginner.split()[:40])
    result = answer_score(question=docker_question, answer=words)
    assert result.support_precision > 0.9
    unsupported = answer_score(
        question=docker_question, answer="Bananas and pianos orbit purple volcanoes quietly."
    )
    assert unsupported.support_precision < 0.3
