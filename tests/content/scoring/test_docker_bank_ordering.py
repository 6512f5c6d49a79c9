"""Per question of the bundled Docker bank: an excellent answer above a plain-spoken partial one,
and the partial one above a wrong one, a bare keyword list, an off-topic one and an empty one."""

from functools import cache
from pathlib import Path

import pytest

from content.parsing import parse_document
from content.scoring import Concept, common_stems, extract_concepts, score
from tests.content.scoring.docker_answers import ANSWERS, OFF_TOPIC

BANK = Path(__file__).resolve().parents[3] / "content" / "sources" / "docker.txt"
# "Clearly above": the plain-spoken partial answer leads every weaker one by this many points.
MARGIN = 5.0


@cache
def bank() -> tuple[tuple[str, tuple[Concept, ...], tuple[str, ...]], ...]:
    """(question, concepts, model answers) per question, extracted as the product does."""
    questions = parse_document(BANK.read_text(encoding="utf-8")).questions
    texts = tuple(
        "\n".join(a.text for a in (q.expert, q.beginner) if a is not None) for q in questions
    )
    common = common_stems(texts)
    out = []
    for q in questions:
        beginner = q.beginner.text if q.beginner else ""
        concepts = extract_concepts(
            q.expert.text, beginner_answer=beginner, question=q.text, common=common
        )
        out.append((q.text, concepts, (q.expert.text, beginner)))
    return tuple(out)


def values(index: int, level: str) -> dict[str, float]:
    question, concepts, references = bank()[index]
    answers = {**ANSWERS[index], "off-topic": OFF_TOPIC[index % len(OFF_TOPIC)], "empty": ""}
    return {
        kind: score(text, concepts, question=question, level=level, references=references).value
        for kind, text in answers.items()
    }


def test_every_question_has_its_answers() -> None:
    assert len(bank()) == len(ANSWERS) == 24


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
def test_excellent_outranks_all_the_others(index: int, level: str) -> None:
    found = values(index, level)
    for other in ("partial", "wrong", "keywords", "off-topic", "empty"):
        assert found["excellent"] > found[other], (other, found)


@pytest.mark.parametrize("index", range(24))
def test_a_bare_keyword_list_scores_at_most_15(index: int) -> None:
    assert values(index, "expert")["keywords"] <= 15
