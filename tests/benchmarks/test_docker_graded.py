"""The held-out graded Docker answers are well formed and their benchmark runs (not its figures)."""

from pathlib import Path

import pytest

from benchmarks import docker_graded
from benchmarks.data.docker_graded import QUESTIONS
from content.parsing import parse_document

BANK = Path(__file__).resolve().parents[2] / "content" / "sources" / "docker.txt"
KINDS = {
    "expert",
    "fair",
    "plain",
    "slip",
    "mixed",
    "commands",
    "vague",
    "misconception",
    "off-topic",
    "empty",
}


def test_one_entry_per_question_of_the_bank_in_its_order() -> None:
    questions = parse_document(BANK.read_text(encoding="utf-8")).questions
    assert len(QUESTIONS) == len(questions) == 24
    for (opening, _), question in zip(QUESTIONS, questions, strict=True):
        assert question.text.startswith(opening), (opening, question.text)


@pytest.mark.parametrize("index", range(24))
def test_answers_are_graded_0_to_5_and_written(index: int) -> None:
    answers = QUESTIONS[index][1]
    assert 4 <= len(answers) <= 5
    assert len({a.grade for a in answers}) >= 3
    for answer in answers:
        assert type(answer.grade) is int and 0 <= answer.grade <= 5, answer
        assert answer.kind in KINDS, answer
        # Only a deliberate non-answer may be (nearly) empty, and it earns nothing.
        assert answer.text.strip() or answer.kind == "empty", answer
        if answer.kind == "empty":
            assert answer.grade == 0, answer


def test_the_benchmark_runs_on_one_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert docker_graded.main(["--question", "1", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "5 graded answers, expert level" in out
    assert "scorer " in out and "word overlap " in out


def test_spearman_gives_tied_values_their_average_rank() -> None:
    assert docker_graded.ranks([3.0, 1.0, 3.0, 2.0]) == [3.5, 1.0, 3.5, 2.0]
    assert docker_graded.spearman([1, 2, 2, 3], [10, 20, 20, 30]) == pytest.approx(1.0)
