"""What the feedback says matches what held the score: caps named, negated concepts not also
told to be added, every list says how many it leaves out, and the level never contradicts the
score."""

import pytest

from content.scoring import score
from content.scoring.bands import RECALLED_FROM, SOLID_FROM
from content.scoring.scoring import CONTRADICTED_CAP, KEYWORD_LIST_CAP
from tests.content.scoring.docker_answers import ANSWERS, OFF_TOPIC
from tests.content.scoring.test_docker_bank_ordering import bank

LEVEL_RANK = {"below beginner": 0, "beginner": 1, "between": 2, "expert": 3}


def scored(index: int, text: str, level: str = "expert"):
    question, concepts, references = bank()[index]
    return score(text, concepts, question=question, level=level, references=references)


def test_a_keyword_list_held_at_its_cap_is_told_why() -> None:
    result = scored(14, ANSWERS[14]["keywords"])
    assert result.value == KEYWORD_LIST_CAP
    assert result.feedback.startswith(
        "This reads as a list of terms, so it scores at most 15: say in sentences"
    )


def test_a_key_point_said_the_other_way_round_is_named_as_what_holds_the_score() -> None:
    result = scored(0, ANSWERS[0]["excellent"] + " They are not portable.")
    assert result.value == CONTRADICTED_CAP and result.negated == ("portable",)
    assert f"so the score stops at {CONTRADICTED_CAP:.0f}" in result.feedback
    assert "Check what you said about: portable." in result.feedback


def test_an_answer_under_no_cap_gets_no_cap_sentence() -> None:
    for text in (ANSWERS[0]["excellent"], ANSWERS[0]["partial"], ANSWERS[0]["wrong"]):
        feedback = scored(0, text).feedback
        assert "at most" not in feedback and "stops at" not in feedback


def test_a_negated_concept_is_to_be_checked_not_also_added() -> None:
    result = scored(
        0, "Containers do not share the kernel and there is no isolation. They are not portable."
    )
    assert len(result.negated) == 4
    add = result.feedback.split("Add: ")[1].split(".")[0]
    assert not any(label in add.split(", ") or add.startswith(label) for label in result.negated)
    # Four negated, three named: the list says one more, and joins as the Add list does.
    check = result.feedback.split("Check what you said about: ")[1]
    assert check.endswith(" (and 1 more).") and " and " in check


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
def test_the_level_estimate_never_contradicts_the_score(index: int, level: str) -> None:
    texts = [*ANSWERS[index].values(), OFF_TOPIC[index % len(OFF_TOPIC)]]
    for text in texts:
        result = scored(index, text, level)
        rank = LEVEL_RANK[result.level_estimate]
        if result.value >= RECALLED_FROM:
            assert rank >= LEVEL_RANK["beginner"], (text, result.value, result.level_estimate)
        else:
            assert rank <= LEVEL_RANK["beginner"], (text, result.value, result.level_estimate)
        if result.value >= SOLID_FROM:
            assert rank >= LEVEL_RANK["between"], (text, result.value, result.level_estimate)
        else:
            assert rank <= LEVEL_RANK["between"], (text, result.value, result.level_estimate)


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        ("Containers share the kerne\u0301l with the host.", "kerne\u0301l"),
        ("Namespaces give containers their own e\u0301isolation.", "e\u0301isolation"),
    ],
)
def test_a_highlight_takes_in_a_combining_accent(answer: str, word: str) -> None:
    spans = [answer[hit.start : hit.end] for hit in scored(0, answer).matched]
    assert any(word in span for span in spans), spans
