"""Agreement of the scorer with human grades on the Mohler et al. (2011) short-answer data set.

Every student answer is scored against its question's desired_answer through the reference path:
concepts are extracted from the desired answer, then the answer is scored against them.

    python benchmarks/scoring_quality.py [--data PATH] [--cv]

PATH is the folder holding mohler_2011_unt_v2.csv (or the CSV itself); it defaults to the
MOHLER_DATA environment variable, else ../shared/benchmarks/mohler relative to the repository root.
--cv also fits a linear map from the score and its components to the grade and reports it with
leave-one-assignment-out cross-validation (that map is not used by the scorer). The scorer's own
published weights were fitted with this data by scoring_fit.py, which reports them held out.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from content.scoring import Score, extract_concepts, score  # noqa: E402
from content.scoring import calibration as calibration_module  # noqa: E402
from content.scoring import matching as matching_module  # noqa: E402
from content.scoring import scoring as scoring_module  # noqa: E402
from content.scoring.text import content_stems  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "mohler"
CSV_NAME = "mohler_2011_unt_v2.csv"


def load_rows(path: Path) -> list[dict[str, str]]:
    """Rows of the Mohler CSV, or exit with a clear message when it is missing."""
    csv_path = path / CSV_NAME if path.is_dir() else path
    if not csv_path.is_file():
        sys.exit(
            f"Mohler data not found at {csv_path}.\n"
            "Pass --data PATH or set MOHLER_DATA to the folder holding "
            f"{CSV_NAME} (default: ../shared/benchmarks/mohler from the repository root)."
        )
    with csv_path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation coefficient."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / math.sqrt(var_x * var_y) if var_x and var_y else 0.0


def rmse(predicted: Sequence[float], gold: Sequence[float]) -> float:
    """Root mean squared error."""
    return math.sqrt(sum((p - g) ** 2 for p, g in zip(predicted, gold, strict=True)) / len(gold))


def fixed_grade(value: float) -> float:
    """The unfitted 0-100 -> 0-5 mapping: linear."""
    return value / 20.0


def features(result: Score, answer: str) -> list[float]:
    """Inputs of the fitted calibration: the score, its components, and the answer's length."""
    return [
        1.0,
        result.value / 100.0,
        math.sqrt(result.value / 100.0),
        result.concept_coverage,
        result.word_coverage,
        result.elaboration,
        math.log1p(len(content_stems(answer))) / 5.0,
    ]


def least_squares(
    rows: list[list[float]], targets: list[float], ridge: float = 1e-3
) -> list[float]:
    """Ridge-regularised least squares by normal equations (tiny, dependency-free)."""
    size = len(rows[0])
    matrix = [[0.0] * size for _ in range(size)]
    vector = [0.0] * size
    for row, target in zip(rows, targets, strict=True):
        for i in range(size):
            vector[i] += row[i] * target
            for j in range(size):
                matrix[i][j] += row[i] * row[j]
    for i in range(1, size):
        matrix[i][i] += ridge * len(rows)
    # Gaussian elimination with partial pivoting.
    augmented = [matrix[i] + [vector[i]] for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r, c=col: abs(augmented[r][c]))
        augmented[col], augmented[pivot] = augmented[pivot], augmented[col]
        for r in range(size):
            if r != col and augmented[col][col]:
                factor = augmented[r][col] / augmented[col][col]
                augmented[r] = [
                    a - factor * b for a, b in zip(augmented[r], augmented[col], strict=True)
                ]
    return [augmented[i][size] / augmented[i][i] if augmented[i][i] else 0.0 for i in range(size)]


def cross_validated(
    rows: list[dict[str, str]], results: list[Score], gold: list[float]
) -> list[float]:
    """Leave-one-assignment-out predictions of the linear calibration, clipped to 0-5."""
    inputs = [features(r, row["student_answer"]) for r, row in zip(results, rows, strict=True)]
    return loao(rows, inputs, gold)


def loao(
    rows: Sequence[dict[str, str]], inputs: Sequence[list[float]], gold: Sequence[float]
) -> list[float]:
    """Leave-one-assignment-out predictions of a ridge-regularised linear map, clipped to 0-5."""
    predictions = [0.0] * len(rows)
    for held_out in sorted({row["assignment"] for row in rows}):
        train = [i for i, row in enumerate(rows) if row["assignment"] != held_out]
        weights = least_squares([inputs[i] for i in train], [gold[i] for i in train])
        for i, row in enumerate(rows):
            if row["assignment"] == held_out:
                raw = sum(w * x for w, x in zip(weights, inputs[i], strict=True))
                predictions[i] = min(5.0, max(0.0, raw))
    return predictions


def main(argv: list[str] | None = None) -> int:
    """Score every Mohler answer and print Pearson r and RMSE."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("MOHLER_DATA", DEFAULT_DATA))
    )
    parser.add_argument("--cv", action="store_true", help="also report the fitted calibration")
    parser.add_argument(
        "--sensitivity",
        action="store_true",
        help="also report r when each hand-set scoring constant is moved (robustness check)",
    )
    args = parser.parse_args(argv)
    rows = load_rows(args.data)

    started = time.perf_counter()
    concepts_by_question = {}
    for row in rows:
        if row["question_id"] not in concepts_by_question:
            concepts_by_question[row["question_id"]] = extract_concepts(
                row["desired_answer"], question=row["question"]
            )
    results = [
        score(
            row["student_answer"],
            concepts_by_question[row["question_id"]],
            question=row["question"],
            references=(row["desired_answer"],),
        )
        for row in rows
    ]
    elapsed = time.perf_counter() - started
    gold = [float(row["score_avg"]) for row in rows]
    values = [result.value for result in results]
    print(f"answers: {len(rows)}  questions: {len(concepts_by_question)}  time: {elapsed:.2f} s")
    print(
        "default scorer (published weights, fitted with this data: see scoring_fit.py for "
        "leave-one-assignment-out; grade = score / 20): "
        f"Pearson r = {pearson(values, gold):.3f}  "
        f"RMSE = {rmse([fixed_grade(v) for v in values], gold):.3f}"
    )
    if args.cv:
        predicted = cross_validated(rows, results, gold)
        print(
            "fitted linear calibration, leave-one-assignment-out CV: "
            f"Pearson r = {pearson(predicted, gold):.3f}  RMSE = {rmse(predicted, gold):.3f}"
        )
    if args.sensitivity:
        report_sensitivity(rows, gold)
    return 0


SENSITIVITY = (
    (calibration_module, "COVERAGE_GATE", (0.15, 0.4)),
    (matching_module, "LIST_FLOOR", (1.0,)),
    (matching_module, "PARTIAL_CREDIT", (0.5,)),
    (matching_module, "WORD_ORDER_SLACK", (6,)),
)


def report_sensitivity(rows: list[dict[str, str]], gold: list[float]) -> None:
    """Pearson r with one constant changed at a time, the others at their defaults."""
    for module, name, values in SENSITIVITY:
        default = getattr(module, name)
        for value in values:
            setattr(module, name, value)
            matching_module.compile_concepts.cache_clear()
            scoring_module._prepared.cache_clear()
            scored = score_all(rows)
            print(
                f"  {name} = {value} (default {default}): Pearson r = {pearson(scored, gold):.3f}"
            )
        setattr(module, name, default)
        matching_module.compile_concepts.cache_clear()
        scoring_module._prepared.cache_clear()


def score_all(rows: list[dict[str, str]]) -> list[float]:
    """Default-scorer values of every answer."""
    concepts: dict[str, tuple] = {}
    values = []
    for row in rows:
        if row["question_id"] not in concepts:
            concepts[row["question_id"]] = extract_concepts(
                row["desired_answer"], question=row["question"]
            )
        result = score(
            row["student_answer"],
            concepts[row["question_id"]],
            question=row["question"],
            references=(row["desired_answer"],),
        )
        values.append(result.value)
    return values


if __name__ == "__main__":
    sys.exit(main())
