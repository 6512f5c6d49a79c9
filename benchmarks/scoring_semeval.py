"""How well the score separates correct answers on SemEval-2013 Task 7 (SciEntsBank and Beetle).

Every student answer is scored through the reference path: concepts are extracted from each
reference answer of its question (with the question text), the answer is scored against each, and
the best score counts (Beetle questions have several reference answers). The score is then read as
a ranking: ROC AUC of correct against the rest, and of correct against contradictory.

    python benchmarks/scoring_semeval.py [--data PATH] [--splits train]

PATH is the folder holding answers.csv and questions.csv; it defaults to the SEMEVAL_DATA
environment variable, else ../shared/benchmarks/semeval2013-task7 relative to the repository root.
By default the test splits unseen-answers and unseen-questions are measured; nothing is ever tuned
on them (the scorer's fitted weights come from Mohler and SemEval's train split only).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content.scoring import extract_concepts, score  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "semeval2013-task7"
TEST_SPLITS = ("test-unseen-answers", "test-unseen-questions")
DATASETS = ("sciEntsBank", "beetle")


def load(path: Path) -> tuple[list[dict[str, str]], dict[tuple[str, str, str], dict]]:
    """Answer rows and questions keyed by (dataset, split, question_id), or exit clearly."""
    answers, questions = path / "answers.csv", path / "questions.csv"
    if not answers.is_file() or not questions.is_file():
        sys.exit(
            f"SemEval-2013 Task 7 data not found in {path}.\n"
            "Pass --data PATH or set SEMEVAL_DATA to the folder holding answers.csv and "
            "questions.csv (default: ../shared/benchmarks/semeval2013-task7)."
        )
    with answers.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with questions.open(newline="", encoding="utf-8") as handle:
        table = {(q["dataset"], q["split"], q["question_id"]): q for q in csv.DictReader(handle)}
    return rows, table


def references(question: dict) -> list[str]:
    """The texts of a question's reference answers."""
    return [r["text"] for r in json.loads(question["reference_answers_json"]) if r["text"].strip()]


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    ranked = sorted([(v, 1) for v in positives] + [(v, 0) for v in negatives])
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        average_rank = (index + 1 + end) / 2
        rank_sum += average_rank * sum(1 for _, positive in ranked[index:end] if positive)
        index = end
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def score_rows(rows: list[dict[str, str]], table: dict) -> list[float]:
    """The best score of each answer over its question's reference answers."""
    concepts: dict[tuple[str, str, str], list] = {}
    values = []
    for row in rows:
        key = (row["dataset"], row["split"], row["question_id"])
        question = table[key]
        if key not in concepts:
            concepts[key] = [
                extract_concepts(text, question=question["question"])
                for text in references(question)
            ]
        values.append(
            max(
                score(
                    row["student_answer"], c, question=question["question"], references=(text,)
                ).value
                for text, c in zip(references(question), concepts[key], strict=True)
            )
        )
    return values


def aucs(rows: Sequence[dict[str, str]], values: Sequence[float]) -> tuple[float, float, int]:
    """(AUC correct vs rest, AUC correct vs contradictory, answers)."""
    correct = [v for r, v in zip(rows, values, strict=True) if r["label_3way"] == "correct"]
    rest = [v for r, v in zip(rows, values, strict=True) if r["label_3way"] != "correct"]
    contra = [v for r, v in zip(rows, values, strict=True) if r["label_3way"] == "contradictory"]
    return roc_auc(correct, rest), roc_auc(correct, contra), len(rows)


def main(argv: list[str] | None = None) -> int:
    """Print ROC AUCs per data set and split, and for the splits together."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("SEMEVAL_DATA", DEFAULT_DATA))
    )
    parser.add_argument("--splits", nargs="+", default=list(TEST_SPLITS))
    args = parser.parse_args(argv)
    rows, table = load(args.data)
    print(
        f"{'data set':<12} {'split':<40} {'answers':>7}  {'correct/rest':>12}  {'correct/contra':>14}"
    )
    for dataset in DATASETS:
        started = time.perf_counter()
        chosen = [r for r in rows if r["dataset"] == dataset and r["split"] in args.splits]
        values = score_rows(chosen, table)
        groups = [(split, [split]) for split in args.splits]
        if len(args.splits) > 1:
            groups.append((" + ".join(args.splits), list(args.splits)))
        for name, splits in groups:
            picked = [(r, v) for r, v in zip(chosen, values, strict=True) if r["split"] in splits]
            rest_auc, contra_auc, count = aucs([r for r, _ in picked], [v for _, v in picked])
            print(f"{dataset:<12} {name:<40} {count:>7}  {rest_auc:>12.3f}  {contra_auc:>14.3f}")
        print(f"  ({dataset}: {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
