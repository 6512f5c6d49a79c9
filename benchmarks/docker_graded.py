"""How well the score keeps a human grader's order on held-out graded Docker answers.

    python benchmarks/docker_graded.py [--verbose] [--level expert|beginner] [--question N]

Every answer of benchmarks/data/docker_graded.py (4-5 per question of content/sources/docker.txt,
graded 0-5 by hand before any of them was scored, and never used for tuning) is scored as the
product scores it, with the bank's concepts extracted as tests/content/scoring/
test_docker_bank_ordering.py does. Reported, for the scorer and for a plain word-overlap baseline
(the share of the model answers' content stems that the answer uses):

- pairs of answers to the same question with different grades whose order the score keeps (a tie
  in score keeps nothing), as a count and a share;
- Pearson and Spearman r of the score against the grade over all answers.

--verbose prints the pairs the scorer puts out of order.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import snowballstemmer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.data.docker_graded import QUESTIONS, Graded  # noqa: E402
from benchmarks.scoring_quality import pearson  # noqa: E402
from content.scoring import score  # noqa: E402
from tests.content.scoring import test_docker_bank_ordering as docker  # noqa: E402

# The baseline's own stopwords, kept here so that it stays the same whatever the scorer does.
_STOPWORDS = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either etc few
    for from further get gets got had has have having he her here hers him his how i if in into is
    it its itself just like may me might more most much must my no nor not now of off on once only
    or other our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up us use used uses using very
    was we were what when where which while who whom why will with would you your yours
"""
STOPWORDS = frozenset(_STOPWORDS.split())
WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("english")


def content_stems(text: str) -> set[str]:
    """The stems of the words of a text that are not stopwords (the baseline's tokens)."""
    return {_stemmer.stemWord(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS}


def overlap(answer: str, references: Sequence[str]) -> float:
    """Plain word overlap: the share of the model answers' content stems the answer uses."""
    wanted = content_stems("\n".join(references))
    return 100.0 * len(wanted & content_stems(answer)) / len(wanted) if wanted else 0.0


@cache
def scorer(index: int, level: str) -> Callable[[str], float]:
    """The product's score of an answer to one question of the bank, at one level."""
    question, concepts, references = docker.bank()[index]

    def value(text: str) -> float:
        return score(text, concepts, question=question, level=level, references=references).value

    return value


def baseline(index: int) -> Callable[[str], float]:
    """The word-overlap baseline for one question."""
    references = docker.bank()[index][2]
    return lambda text: overlap(text, references)


def ranks(xs: Sequence[float]) -> list[float]:
    """Ranks from 1, ties given their average rank."""
    order = sorted(range(len(xs)), key=xs.__getitem__)
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho: Pearson's r of the ranks."""
    return pearson(ranks(xs), ranks(ys))


def pairs(answers: Sequence[Graded], values: Sequence[float]) -> list[tuple[int, int, bool]]:
    """(higher-graded, lower-graded, kept) for each pair with different grades."""
    out = []
    for i in range(len(answers)):
        for j in range(len(answers)):
            if answers[i].grade > answers[j].grade:
                out.append((i, j, values[i] > values[j]))
    return out


def measure(name: str, grades: list[int], values: list[float], found: list[bool]) -> str:
    """One line of figures for one way of scoring."""
    kept = sum(found)
    return (
        f"{name:<18} pairs kept {kept} of {len(found)} ({kept / len(found):.1%})   "
        f"Pearson r {pearson(values, grades):.3f}   Spearman r {spearman(values, grades):.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the figures for the scorer and the baseline, and with --verbose the misordered pairs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print the pairs out of order")
    parser.add_argument("--level", choices=("expert", "beginner"), default="expert")
    parser.add_argument("--question", type=int, help="only this question (1-24)")
    args = parser.parse_args(argv)
    indices = [args.question - 1] if args.question else range(len(QUESTIONS))
    grades: list[int] = []
    scored: list[float] = []
    overlaps: list[float] = []
    kept_scored: list[bool] = []
    kept_overlap: list[bool] = []
    for index in indices:
        answers = QUESTIONS[index][1]
        values = [scorer(index, args.level)(a.text) for a in answers]
        base = [baseline(index)(a.text) for a in answers]
        grades += [a.grade for a in answers]
        scored += values
        overlaps += base
        found = pairs(answers, values)
        kept_scored += [k for _, _, k in found]
        kept_overlap += [k for _, _, k in pairs(answers, base)]
        if args.verbose:
            for i, j, kept in found:
                if not kept:
                    hi, lo = answers[i], answers[j]
                    print(
                        f"question {index + 1}: {hi.kind} (grade {hi.grade}) {values[i]:.1f} "
                        f"<= {lo.kind} (grade {lo.grade}) {values[j]:.1f}"
                    )
    print(f"{len(grades)} graded answers, {args.level} level")
    print(measure("scorer", grades, scored, kept_scored))
    print(measure("word overlap", grades, overlaps, kept_overlap))
    for grade in sorted(set(grades)):
        mine = [v for g, v in zip(grades, scored, strict=True) if g == grade]
        base = [v for g, v in zip(grades, overlaps, strict=True) if g == grade]
        print(
            f"  grade {grade}: {len(mine):3d} answers, mean score {sum(mine) / len(mine):5.1f}, "
            f"mean overlap {sum(base) / len(base):5.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
