"""How often a plain-spoken partial answer leads the weaker ones on the bundled Docker bank.

    python benchmarks/docker_ordering.py [--verbose]

Per question of content/sources/docker.txt and per level (expert, beginner), the answers written
for the bank (tests/content/scoring/docker_answers.py) are scored as the product scores them. The
issue's bar: the partial answer scores at least MARGIN points above the wrong one, the keyword
list, the off-topic one and the empty one. It is not met everywhere, so it is counted here (and
reported in docs/benchmarks.md) rather than held by a test; --verbose prints each question-level
that misses it, with the values and the concepts each answer matched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content.scoring import Score, score  # noqa: E402
from tests.content.scoring import test_docker_bank_ordering as docker  # noqa: E402
from tests.content.scoring.docker_answers import ANSWERS, OFF_TOPIC  # noqa: E402

WEAKER = ("wrong", "keywords", "off-topic", "empty")
LEVELS = ("expert", "beginner")


def results(index: int, level: str) -> tuple[dict[str, str], dict[str, Score]]:
    """The answers of one question and their scores at one level."""
    question, concepts, references = docker.bank()[index]
    answers = {**ANSWERS[index], "off-topic": OFF_TOPIC[index % len(OFF_TOPIC)], "empty": ""}
    found = {
        kind: score(text, concepts, question=question, level=level, references=references)
        for kind, text in answers.items()
    }
    return answers, found


def leads(found: dict[str, Score]) -> bool:
    """Whether the partial answer leads every weaker one by the margin."""
    return all(found["partial"].value >= found[o].value + docker.MARGIN for o in WEAKER)


def main(argv: list[str] | None = None) -> int:
    """Print the count of question-levels where the partial answer leads, and the misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every miss in detail")
    args = parser.parse_args(argv)
    held = total = 0
    for index in range(len(docker.bank())):
        for level in LEVELS:
            answers, found = results(index, level)
            total += 1
            if leads(found):
                held += 1
                continue
            behind = [o for o in WEAKER if found["partial"].value < found[o].value + docker.MARGIN]
            print(
                f"question {index + 1} {level}: partial {found['partial'].value:.1f}, "
                + ", ".join(f"{o} {found[o].value:.1f}" for o in behind)
            )
            if args.verbose:
                for kind in ("partial", *behind):
                    hits = [(h.label, answers[kind][h.start : h.end]) for h in found[kind].matched]
                    print(f"    {kind}: matched {hits}")
    print(f"partial answer ahead of the weaker ones by {docker.MARGIN:g}: {held} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
