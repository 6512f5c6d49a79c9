"""Fit the scorer's calibration on public training data and publish the weights.

    python benchmarks/scoring_fit.py [--mohler PATH] [--semeval PATH] [--dry-run]

Reads Mohler 2011 (all answers) and the `train` split of SemEval-2013 Task 7 (SciEntsBank and
Beetle), never a SemEval test split. Every answer is scored as the benchmarks score it, and the
evidence measures of content/scoring/calibration.py are collected. The weights are searched on a
grid (non-negative, adding up to 1, in steps of GRID_STEP) for each power asked for, by the
training criterion: the mean of Mohler's Pearson r and of the mean ROC AUC (correct against the
rest, correct against contradictory) on SemEval train for SciEntsBank and for Beetle.

Our own examples constrain the search: the weights chosen must keep an excellent answer above the
partial, wrong, keyword-list, off-topic and empty ones on every question of the bundled Docker bank
at both levels (tests/content/scoring/test_docker_bank_ordering.py), judged by the real scorer
with its guards. The best grid point that holds is published to content/scoring/data/
calibration.json (weights only, no data); --dry-run only prints. Mohler is also reported from
leave-one-assignment-out folds: each assignment scored with weights chosen without it.
Paths default as in scoring_quality.py and scoring_semeval.py. Needs numpy (dev install only).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

try:
    import numpy as np
except ImportError:  # the default install has no numpy; the scorer never needs it
    sys.exit("scoring_fit.py needs numpy: run `make install-semantic` (or pip install numpy).")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import scoring_quality, scoring_semeval  # noqa: E402
from content.scoring import Score, calibration, extract_concepts, score  # noqa: E402
from tests.content.scoring import test_docker_bank_ordering as docker  # noqa: E402

GRID_STEP = 0.05
# The curve powers tried (calibration.curved; 1 is the straight scale). The product's score bands
# (content/scoring/bands.py) move with the published power, so any of them can be published.
POWERS = (0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 1.0)
DATASETS = scoring_semeval.DATASETS
# Candidates evaluated together on SemEval (bounds the memory the fit needs).
CANDIDATE_BLOCK = 500
WEAKER = ("partial", "wrong", "keywords", "off-topic", "empty")

Candidate = tuple[tuple[float, ...], float]


@contextmanager
def published(candidate: Candidate) -> Iterator[None]:
    """Score with these weights and power instead of the published ones."""
    original = calibration.weights
    calibration.weights = lambda: candidate  # type: ignore[assignment]
    try:
        yield
    finally:
        calibration.weights = original


def measures(result: Score) -> list[float]:
    """The evidence measures of a score, as the published value weighs them."""
    return list(
        calibration.evidence(
            result.concept_coverage,
            result.word_coverage,
            result.elaboration,
            result.reference_recall,
            result.reference_similarity,
            result.sentence_precision,
        )
    )


def grid(powers: Sequence[float] = POWERS) -> list[Candidate]:
    """Every weight vector on the simplex in steps of GRID_STEP, with every power."""
    steps = round(1 / GRID_STEP)
    count = len(calibration.FEATURES)
    points = [
        tuple(round(k * GRID_STEP, 4) for k in ks)
        for ks in itertools.product(range(steps + 1), repeat=count)
        if sum(ks) == steps
    ]
    return [(point, power) for power in powers for point in points]


def transformed(features: np.ndarray, candidates: Sequence[Candidate]) -> np.ndarray:
    """Unguarded values (0..1) of every row under every candidate: rows x candidates."""
    out = np.empty(features.shape[:-1] + (len(candidates),))
    for power in sorted({p for _, p in candidates}):
        chosen = [i for i, (_, p) in enumerate(candidates) if p == power]
        matrix = np.array([candidates[i][0] for i in chosen]).T
        out[..., chosen] = calibration.curved(np.nan_to_num(features, nan=0.0), power) @ matrix
    return out


class Mohler:
    """Mohler answers, each scored against concepts of its question's desired answer."""

    def __init__(self, path: Path) -> None:
        self.rows = scoring_quality.load_rows(path)
        self.gold = np.array([float(row["score_avg"]) for row in self.rows])
        self.assignment = np.array([row["assignment"] for row in self.rows])
        self.concepts: dict[str, tuple] = {}
        for row in self.rows:
            if row["question_id"] not in self.concepts:
                self.concepts[row["question_id"]] = extract_concepts(
                    row["desired_answer"], question=row["question"]
                )
        self.features = np.array([measures(r) for r in self.scores(range(len(self.rows)))])

    def scores(self, indices: Sequence[int]) -> list[Score]:
        return [
            score(
                self.rows[i]["student_answer"],
                self.concepts[self.rows[i]["question_id"]],
                question=self.rows[i]["question"],
                references=(self.rows[i]["desired_answer"],),
            )
            for i in indices
        ]

    def correlations(self, values: np.ndarray, kept: np.ndarray) -> np.ndarray:
        """Pearson r of every column of values against the grade, over the kept rows."""
        x = values[kept] - values[kept].mean(axis=0)
        y = self.gold[kept] - self.gold[kept].mean()
        scale = np.sqrt((x**2).sum(axis=0) * (y**2).sum())
        return np.divide(x.T @ y, scale, out=np.zeros(x.shape[1]), where=scale > 0)


class SemEvalTrain:
    """SemEval's train answers, each scored against each reference answer of its question."""

    def __init__(self, path: Path) -> None:
        rows, self.table = scoring_semeval.load(path)
        self.rows = [row for row in rows if row["split"] == "train"]
        self.dataset = np.array([row["dataset"] for row in self.rows])
        self.label = np.array([row["label_3way"] for row in self.rows])
        per_answer = [[measures(r) for r in scores] for scores in self.scores()]
        most = max(len(found) for found in per_answer)
        # Answers x references x measures, NaN where a question has fewer references.
        self.features = np.full((len(per_answer), most, len(calibration.FEATURES)), np.nan)
        self.present = np.zeros((len(per_answer), most), bool)
        for i, found in enumerate(per_answer):
            self.features[i, : len(found)] = found
            self.present[i, : len(found)] = True

    def scores(self) -> Iterator[list[Score]]:
        concepts: dict[tuple[str, str, str], list] = {}
        for row in self.rows:
            key = (row["dataset"], row["split"], row["question_id"])
            question = self.table[key]
            texts = scoring_semeval.references(question)
            if key not in concepts:
                concepts[key] = [extract_concepts(t, question=question["question"]) for t in texts]
            yield [
                score(row["student_answer"], c, question=question["question"], references=(t,))
                for t, c in zip(texts, concepts[key], strict=True)
            ]

    def values(self) -> np.ndarray:
        """The best real score over the references of each answer, as the benchmark reads it."""
        return np.array([max(r.value for r in scores) for scores in self.scores()])

    def aucs(self, values: np.ndarray) -> list[float]:
        """Per data set: AUC correct vs rest, AUC correct vs contradictory."""
        found = []
        for dataset in DATASETS:
            value, label = values[self.dataset == dataset], self.label[self.dataset == dataset]
            correct = value[label == "correct"]
            found.append(auc(correct, value[label != "correct"]))
            found.append(auc(correct, value[label == "contradictory"]))
        return found

    def criterion_parts(self, candidates: Sequence[Candidate]) -> np.ndarray:
        """Unguarded mean AUC per data set for every candidate: candidates x data sets."""
        parts = np.empty((len(candidates), len(DATASETS)))
        # In blocks: answers x references x candidates (of every power) at once would take
        # gigabytes.
        for start in range(0, len(candidates), CANDIDATE_BLOCK):
            block = candidates[start : start + CANDIDATE_BLOCK]
            values = transformed(self.features, block)
            values[~self.present] = -1.0
            best = values.max(axis=1)
            for j in range(len(block)):
                found = self.aucs(best[:, j])
                parts[start + j] = [np.mean(found[2 * k : 2 * k + 2]) for k in range(len(DATASETS))]
        return parts


def auc(positives: np.ndarray, negatives: np.ndarray) -> float:
    """ROC AUC with ties counted half (Mann-Whitney)."""
    ordered = np.sort(negatives)
    below = np.searchsorted(ordered, positives, side="left")
    equal = np.searchsorted(ordered, positives, side="right") - below
    return float((below + 0.5 * equal).sum() / (len(positives) * len(negatives)))


@cache
def keeps_docker_order(candidate: Candidate) -> bool:
    """Whether an excellent answer outranks every weaker one on every Docker question and level."""
    with published(candidate):
        for index in range(len(docker.bank())):
            for level in ("expert", "beginner"):
                found = docker.values(index, level)
                if any(found["excellent"] <= found[other] for other in WEAKER):
                    return False
    return True


def docker_partial_margins() -> int:
    """Question-levels where the partial answer leads every weaker one by the test's margin."""
    held = 0
    for index in range(len(docker.bank())):
        for level in ("expert", "beginner"):
            found = docker.values(index, level)
            held += all(
                found["partial"] >= found[o] + docker.MARGIN for o in WEAKER if o != "partial"
            )
    return held


def choose(criteria: np.ndarray, candidates: Sequence[Candidate]) -> Candidate:
    """The candidate with the best criterion that keeps the Docker order (ties: the first)."""
    for index in np.argsort(-criteria, kind="stable"):
        if keeps_docker_order(candidates[index]):
            return candidates[index]
    raise SystemExit("No grid point keeps the Docker bank's excellent answers on top.")


def main(argv: list[str] | None = None) -> int:
    """Search the grid, report training measures and folds, publish the chosen weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mohler",
        type=Path,
        default=Path(os.environ.get("MOHLER_DATA", scoring_quality.DEFAULT_DATA)),
    )
    parser.add_argument(
        "--semeval",
        type=Path,
        default=Path(os.environ.get("SEMEVAL_DATA", scoring_semeval.DEFAULT_DATA)),
    )
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the weights")
    parser.add_argument(
        "--powers", type=float, nargs="+", default=list(POWERS), help="curve powers to try"
    )
    args = parser.parse_args(argv)
    if any(not 0 < power <= 1 for power in args.powers):
        parser.error("each power must be above 0 and at most 1")
    mohler, semeval = Mohler(args.mohler), SemEvalTrain(args.semeval)
    candidates = grid(args.powers)
    print(
        f"Mohler: {len(mohler.rows)} answers; SemEval train: {len(semeval.rows)} answers; "
        f"measures: {', '.join(calibration.FEATURES)}; {len(candidates)} grid points"
    )
    report("published now", calibration.weights(), mohler, semeval)

    mohler_values = transformed(mohler.features, candidates)
    semeval_parts = semeval.criterion_parts(candidates)
    everything = np.ones(len(mohler.rows), bool)

    def criteria(kept: np.ndarray) -> np.ndarray:
        r = mohler.correlations(mohler_values, kept)
        return (r + semeval_parts.sum(axis=1)) / (1 + len(DATASETS))

    overall = criteria(everything)
    if len(args.powers) > 1:
        print("training criterion, best grid point per power (any Docker order):")
        for power in args.powers:
            best = max(overall[i] for i, (_, p) in enumerate(candidates) if p == power)
            print(f"  power {power:g}: {best:.4f}")
    chosen = choose(overall, candidates)
    report("chosen", chosen, mohler, semeval)
    folds = np.zeros(len(mohler.rows))
    for held_out in sorted(set(mohler.assignment)):
        out = mohler.assignment == held_out
        with published(choose(criteria(~out), candidates)):
            folds[out] = [r.value for r in mohler.scores(list(np.flatnonzero(out)))]
    print(
        "Mohler, leave-one-assignment-out (weights chosen without the assignment): "
        f"Pearson r {scoring_quality.pearson(list(folds), list(mohler.gold)):.3f}  "
        f"RMSE {scoring_quality.rmse([v / 20 for v in folds], list(mohler.gold)):.3f} "
        f"(grade = score / 20), {fold_line_rmse(mohler, folds):.3f} (grade from a line fitted "
        "on the other assignments)"
    )
    if not args.dry_run:
        write(chosen)
    return 0


def report(name: str, candidate: Candidate, mohler: Mohler, semeval: SemEvalTrain) -> None:
    """Training measures of one candidate with the real scorer (guards included)."""
    with published(candidate):
        values = np.array([r.value for r in mohler.scores(range(len(mohler.rows)))])
        aucs = semeval.aucs(semeval.values())
        margins = docker_partial_margins()
        ordered = keeps_docker_order(candidate)
    r = scoring_quality.pearson(list(values), list(mohler.gold))
    print(
        f"{name}: weights {list(candidate[0])} power {candidate[1]}\n"
        f"  Mohler r {r:.3f} RMSE {scoring_quality.rmse(list(values / 20), list(mohler.gold)):.3f}"
        "  |  "
        + "  ".join(
            f"{d} train rest {aucs[2 * k]:.3f} contra {aucs[2 * k + 1]:.3f}"
            for k, d in enumerate(DATASETS)
        )
        + f"\n  Docker: excellent on top everywhere: {ordered}; partial leads by "
        f"{docker.MARGIN:g}: {margins}/{2 * len(docker.bank())}"
    )


def fold_line_rmse(mohler: Mohler, values: np.ndarray) -> float:
    """RMSE of the grade from a line (value -> grade) fitted on the other assignments."""
    predicted = np.zeros(len(values))
    for held_out in sorted(set(mohler.assignment)):
        out = mohler.assignment == held_out
        design = np.column_stack([np.ones((~out).sum()), values[~out]])
        line = np.linalg.lstsq(design, mohler.gold[~out], rcond=None)[0]
        predicted[out] = np.clip(line[0] + line[1] * values[out], 0.0, 5.0)
    return float(np.sqrt(((predicted - mohler.gold) ** 2).mean()))


def write(candidate: Candidate) -> None:
    """Publish the weights (and how they were fitted), never any data."""
    weights, power = candidate
    document = {
        "features": list(calibration.FEATURES),
        "weights": list(weights),
        "power": power,
        "value": "100 * sum(weight * curved(measure, power)), curved in calibration.py",
        "fitted_on": "Mohler 2011 and SemEval-2013 Task 7 train (SciEntsBank, Beetle); "
        "kept only if the Docker bank's excellent answers stay on top",
        "command": "python benchmarks/scoring_fit.py",
    }
    calibration.WEIGHTS_PATH.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {calibration.WEIGHTS_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
