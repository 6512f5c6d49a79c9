"""Per question of the bundled Docker bank: an excellent answer above a plain-spoken partial one,
and the partial one above a wrong one, a bare keyword list, an off-topic one and an empty one."""

import re
from functools import cache
from pathlib import Path

import pytest

from content.parsing import parse_document
from content.scoring import Concept, common_stems, extract_concepts, score
from content.scoring.text import content_stems, tokenize
from tests.content.scoring.docker_answers import ANSWERS, OFF_TOPIC

BANK = Path(__file__).resolve().parents[3] / "content" / "sources" / "docker.txt"
# "Clearly above": the plain-spoken partial answer leads every weaker one by this many points.
MARGIN = 5.0
# The plain-spoken partial answer leads every weaker one by MARGIN on at least this many of the 48
# question-levels (benchmarks/docker_ordering.py counts them and prints the misses; the bar
# is all 48). A floor on the count, not a list of question-levels: it keeps what has been reached
# without choosing which ones must hold.
PARTIAL_LEADS_AT_LEAST = 41
WEAKER = ("wrong", "keywords", "off-topic", "empty")
# A sentence ends at one of these marks followed by a space, or at a line break ("node.js" and
# "1.25" end none).
SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")


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


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
def test_a_plain_spoken_partial_answer_never_ties_with_an_empty_or_off_topic_one(
    index: int, level: str
) -> None:
    found = values(index, level)
    assert found["partial"] > max(found["empty"], found["off-topic"]), found


@pytest.mark.parametrize("level", ["expert", "beginner"])
@pytest.mark.parametrize("index", range(24))
def test_the_question_said_back_with_a_model_answer_word_stays_below_the_partial_answer(
    index: int, level: str
) -> None:
    # The question's words weigh in full only where an answer restates a model answer's
    # sentence; the question with one model-answer word added restates none.
    question, concepts, references = bank()[index]
    asked = set(content_stems(question))
    model = tokenize(references[1] or references[0])
    added = next(
        word
        for word, word_stem, stop in zip(model.words, model.stems, model.stop, strict=True)
        if not stop and word.isalpha() and word_stem not in asked
    )
    echo = f"{question.rstrip('?. ')} {added.lower()}."
    found = score(echo, concepts, question=question, level=level, references=references)
    assert found.value + MARGIN <= values(index, level)["partial"], (echo, found.value)


def test_a_plain_spoken_partial_answer_leads_the_weaker_ones_on_most_question_levels() -> None:
    held = []
    for index in range(24):
        for level in ("expert", "beginner"):
            found = values(index, level)
            if all(found["partial"] >= found[other] + MARGIN for other in WEAKER):
                held.append((index + 1, level))
    assert len(held) >= PARTIAL_LEADS_AT_LEAST, held


@pytest.mark.parametrize("index", range(24))
def test_a_bare_keyword_list_scores_at_most_15(index: int) -> None:
    assert values(index, "expert")["keywords"] <= 15


@pytest.mark.parametrize("index", range(24))
def test_highlights_cover_whole_terms_and_stay_in_one_sentence(index: int) -> None:
    question, concepts, references = bank()[index]
    answers = [*ANSWERS[index].values(), OFF_TOPIC[index % len(OFF_TOPIC)]]
    for text in answers:
        for level in ("expert", "beginner"):
            result = score(text, concepts, question=question, level=level, references=references)
            for hit in (*result.matched, *result.partial):
                before = text[hit.start - 2 : hit.start]
                after = text[hit.end : hit.end + 2]
                span = text[hit.start : hit.end]
                assert not before[-1:].isalnum() and not after[:1].isalnum(), (span, text)
                assert not re.fullmatch(r"\w-", before) and not re.fullmatch(r"-\w", after), span
                assert not SENTENCE_END.search(span), span
