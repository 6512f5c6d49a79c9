"""The non-answer table runs, and shows the guard's effect (the guard itself is tested in
tests/content/scoring/test_nonanswer.py)."""

from benchmarks import nonanswers


def row(output: str, answer: str, level: str = "expert") -> list[str]:
    line = next(
        line for line in output.splitlines() if line.startswith(answer[:48]) and level in line
    )
    return line[48:].split()


def test_with_the_guard_never_used_it_scores_0_and_without_it_more(capsys) -> None:
    assert nonanswers.main([]) == 0
    guarded = capsys.readouterr().out
    assert nonanswers.main(["--without-guard"]) == 0
    unguarded = capsys.readouterr().out
    assert row(guarded, "I have never used it.") == ["expert", "0.0", "0.0", "0"]
    assert float(row(unguarded, "I have never used it.")[1]) > 0
    # The controls are real answers: the guard leaves them alone.
    assert row(guarded, "An image.") == row(unguarded, "An image.")
