"""The tools that judge speed work: the benchmark's answers, the output fingerprint, the
instruction count's parsing."""

import itertools

import pytest

from benchmarks import scoring_fingerprint, scoring_instructions, scoring_speed
from content.scoring import Score


def cases() -> list[tuple]:
    items = scoring_speed.split_bank(
        (scoring_speed.ROOT / "content" / "sources" / "docker.txt").read_text(encoding="utf-8")
    )
    return scoring_speed.interview_cases(items, [()] * len(items))


def test_the_speed_benchmark_never_scores_an_answer_twice_in_a_row() -> None:
    found = cases()
    assert len(found) == 144
    assert {level for _, _, level, _, _ in found} == {"expert", "beginner"}
    # Twice in a row, the second scoring would find the answer's memoised work (the product
    # scores an answer once).
    assert all(a[0] != b[0] for a, b in itertools.pairwise(found))


def digests(capsys) -> dict[str, str]:
    assert scoring_fingerprint.main(["--sets", "speed"]) == 0
    return dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())


def test_the_fingerprint_is_stable_and_moves_with_any_output(capsys, monkeypatch) -> None:
    first, second = digests(capsys), digests(capsys)
    assert first == second and first["speed"].startswith("312 outputs, sha256 ")
    real = scoring_fingerprint.score

    def one_tenth_more(*args, **kwargs) -> Score:
        found = real(*args, **kwargs)
        return Score(found.value + 0.1, found.matched, found.missed, found.level_estimate, "")

    monkeypatch.setattr(scoring_fingerprint, "score", one_tenth_more)
    assert digests(capsys) != first


def test_the_fingerprint_names_an_unknown_set(capsys) -> None:
    with pytest.raises(SystemExit):
        scoring_fingerprint.main(["--sets", "docker,mohlr"])
    assert "unknown set(s): mohlr" in capsys.readouterr().err


def test_the_instruction_count_is_read_from_valgrinds_summary() -> None:
    summary = "==123== Events    : Ir\n==123== Collected : 1234567890\n==123==\n"
    assert scoring_instructions.COLLECTED.findall(summary) == ["1234567890"]
