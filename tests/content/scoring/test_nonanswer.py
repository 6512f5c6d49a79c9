"""The non-answer guard: an answer that only says "I don't know" or only repeats the question scores
0 with its own feedback line, while an answer that also says something the model answers support
is scored as usual."""

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import Concept, score, scoring
from content.scoring.nonanswer import FEEDBACK_NON_ANSWER
from tests.content.scoring.docker_answers import ANSWERS
from tests.content.scoring.test_docker_bank_ordering import SENTENCE_END, bank

NON_ANSWERS = [
    "I don't know.",
    "I do not know",
    "i dont know",
    "No idea.",
    "I have no idea, sorry!",
    "not a clue",
    "I have never used it.",
    "Never heard of it.",
    "I've never used Docker, sorry.",
    "Not sure, sorry.",
    "I'm not sure.",
    "I can't remember.",
    "I forgot.",
    "skip",
    "Pass.",
    "n/a",
    "idk",
    "?",
    "I would google it.",
    "Honestly, I think I would look it up.",
    "not answered",
]

HEDGED = [
    "I'm not sure, but I think {answer}",
    "I have never used it in production, but {answer}",
    "I don't know much. Maybe {answer}",
    "{answer} Sorry, I can't remember the rest.",
]


def scored(answer: str, index: int, level: str = "expert"):
    question, concepts, references = bank()[index]
    return score(answer, concepts, question=question, level=level, references=references)


def unguarded(answer: str, index: int, level: str = "expert"):
    with mock.patch.object(scoring, "is_non_answer", return_value=False):
        return scored(answer, index, level)


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
@pytest.mark.parametrize("answer", NON_ANSWERS)
def test_an_answer_that_only_says_it_does_not_know_scores_0(
    answer: str, index: int, level: str
) -> None:
    result = scored(answer, index, level)
    assert result.value == 0.0
    assert result.feedback.startswith(FEEDBACK_NON_ANSWER)
    assert result.matched == () and result.missed  # the feedback still names what to add
    assert result.feedback.removeprefix(FEEDBACK_NON_ANSWER).strip().startswith("Add: ")


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
def test_the_question_said_back_scores_0(index: int, level: str) -> None:
    question = bank()[index][0]
    # The whole question, shouted, and its first clause asked back.
    first_clause = question.split(",")[0].rstrip(".?")
    for answer in (question, question.upper(), f"{first_clause}?"):
        result = scored(answer, index, level)
        assert result.value == 0.0
        assert result.feedback.startswith(FEEDBACK_NON_ANSWER)


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
@pytest.mark.parametrize("template", HEDGED)
def test_a_hedged_answer_that_says_something_is_scored_as_usual(
    template: str, index: int, level: str
) -> None:
    answer = template.format(answer=ANSWERS[index]["partial"])
    result = scored(answer, index, level)
    assert not result.feedback.startswith(FEEDBACK_NON_ANSWER)
    assert result.value == unguarded(answer, index, level).value > 0


def volume_question() -> int:
    return next(i for i, (q, _, _) in enumerate(bank()) if "volumes are" in q)


@pytest.mark.parametrize("answer", ["What is a Docker volume?", "Docker volumes?"])
def test_asking_the_question_back_scores_0(answer: str) -> None:
    result = scored(answer, volume_question())
    assert result.value == 0.0 and result.feedback.startswith(FEEDBACK_NON_ANSWER)


def test_the_hedged_volume_answer_keeps_its_score() -> None:
    index = volume_question()
    answer = "I'm not sure, but I think a volume keeps data after the container is removed."
    result = scored(answer, index)
    assert result.value == unguarded(answer, index).value >= 20
    assert not result.feedback.startswith(FEEDBACK_NON_ANSWER)


CONCEPTS = (
    Concept("namespaces", ("namespace",), 1.0, "core"),
    Concept("control groups", ("cgroups",), 1.0, "core"),
    Concept("shared kernel", ("kernel sharing",), 0.9, "core"),
)


@pytest.mark.parametrize(
    "answer",
    [
        # Claims, not admissions: a negation that is not the speaker's own.
        "Containers do not use namespaces.",
        "If we do not know the limits, control groups are not set.",
        # One supported word is an answer (a weak one).
        "Namespaces.",
        "I don't know, namespaces?",
        "Skip the kernel: namespaces.",
    ],
)
def test_claims_and_single_supported_words_are_not_non_answers(answer: str) -> None:
    result = score(answer, CONCEPTS, question="How are containers isolated?")
    assert not result.feedback.startswith(FEEDBACK_NON_ANSWER)


def test_a_short_answer_that_picks_words_of_a_long_question_is_scored() -> None:
    # A scenario question holds the words of its answer: picking them is not repeating it.
    question = (
        "Jana and Emily used indophenol to test 3 beverages for vitamin C. Fruitsnap did not "
        "change the colour of the indophenol. Explain why."
    )
    reference = "Fruitsnap has no vitamin C, so the indophenol stayed the same colour."
    concepts = (Concept("vitamin C"), Concept("stayed the same"))
    result = score(
        "It did not have any vitamin C.", concepts, question=question, references=(reference,)
    )
    assert not result.feedback.startswith(FEEDBACK_NON_ANSWER)


@pytest.mark.parametrize("answer", ["not answered", "NO ANSWER", "Sorry, I give up."])
def test_without_model_answers_the_concepts_decide(answer: str) -> None:
    result = score(answer, CONCEPTS, question="How are containers isolated?")
    assert result.value == 0.0 and result.feedback.startswith(FEEDBACK_NON_ANSWER)


def _model_sentences() -> list[tuple[int, str]]:
    """(question index, sentence) for every sentence of a model answer with a word of its own
    (a content word that is not one of the question's)."""
    from content.scoring.text import content_stems

    out = []
    for index, (question, _, references) in enumerate(bank()):
        asked = set(content_stems(question))
        for text in references:
            for sentence in SENTENCE_END.split(text):
                if set(content_stems(sentence)) - asked:
                    out.append((index, sentence.strip()))
    return out


ADMISSIONS = st.sampled_from(
    [*NON_ANSWERS, "I think", "maybe", "Honestly,", "I'm not sure", "I never used it", ""]
)


@settings(max_examples=500, deadline=None)
@given(
    picked=st.sampled_from(_model_sentences()),
    before=st.lists(ADMISSIONS, max_size=3),
    after=st.lists(ADMISSIONS, max_size=3),
    level=st.sampled_from(["expert", "beginner"]),
)
def test_the_guard_never_lowers_an_answer_with_a_model_answer_sentence(
    picked: tuple[int, str], before: list[str], after: list[str], level: str
) -> None:
    index, sentence = picked
    # Each piece is a sentence of its own: "I never used it" runs on into what follows.
    answer = " ".join(f"{piece.rstrip('.')}." for piece in [*before, sentence, *after] if piece)
    assert scored(answer, index, level).value == unguarded(answer, index, level).value
