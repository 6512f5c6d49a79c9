"""What non-answers score on the bundled Docker bank: each one on all 24 questions, at both levels.

    python benchmarks/nonanswers.py [--without-guard]

Per answer and level: the median and the highest score over the 24 questions, and on how many
questions it scores above 0. <question> is the question's own text, <question back> its first
clause asked back ("Explain what Docker volumes are?"). Two real answers follow as controls: one
supported word, and a hedged answer. --without-guard scores with the non-answer guard switched
off (content/scoring/nonanswer.py), which is the scorer before it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content.scoring import score  # noqa: E402
from content.scoring import scoring as scoring_module  # noqa: E402
from tests.content.scoring.test_docker_bank_ordering import bank  # noqa: E402

NON_ANSWERS = (
    "I don't know.",
    "No idea.",
    "I have never used it.",
    "Not sure, sorry.",
    "I can't remember.",
    "skip",
    "pass",
    "n/a",
    "idk",
    "?",
    "I would google it.",
    "<question>",
    "<question back>",
    "I don't know, I never used Docker.",
)
CONTROLS = (
    "An image.",
    "I'm not sure, but I think a volume keeps data after the container is removed.",
)


def answer_for(text: str, question: str) -> str:
    if text == "<question>":
        return question
    if text == "<question back>":
        return question.split(",")[0].rstrip(".?") + "?"
    return text


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without-guard", action="store_true")
    args = parser.parse_args(argv)
    guard = (
        mock.patch.object(scoring_module, "is_non_answer", return_value=False)
        if args.without_guard
        else mock.MagicMock()
    )
    print(f"{'answer':<48} {'level':<9} {'median':>6} {'max':>6} {'> 0':>4}")
    with guard:
        for text in (*NON_ANSWERS, *CONTROLS):
            for level in ("expert", "beginner"):
                values = [
                    score(
                        answer_for(text, question),
                        concepts,
                        question=question,
                        level=level,
                        references=references,
                    ).value
                    for question, concepts, references in bank()
                ]
                above = sum(v > 0 for v in values)
                print(
                    f"{text[:48]:<48} {level:<9} {statistics.median(values):>6.1f} "
                    f"{max(values):>6.1f} {above:>4}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
