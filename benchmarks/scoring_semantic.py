"""Agreement with human grades of the optional semantic layer, on Mohler et al. (2011).

Needs the semantic extra (`make install-semantic`). Every answer goes through the reference path,
as in scoring_quality.py: concepts from the desired answer, the lexical score against them, and
the answer's sentence-embedding similarity to the desired answer.

    python benchmarks/scoring_semantic.py [--data PATH] [--choose-blend]

Prints Pearson r (and RMSE on the 0-5 grade) for the similarity alone, the default lexical score,
the fixed blend the product uses (content/scoring/semantic.py), and fitted maps evaluated with
leave-one-assignment-out cross-validation; and the encoder's speed on one core. --choose-blend
also reruns the grid search that picked the blend's share and ceiling, with nested LOAO CV.
"""

from __future__ import annotations

import os

# One core, as the issue measures speed: numpy's BLAS would otherwise use every core.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse  # noqa: E402
import itertools  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]
from scoring_quality import (  # noqa: E402
    DEFAULT_DATA,
    features,
    fixed_grade,
    load_rows,
    loao,
    pearson,
    rmse,
)

from content.scoring import (  # noqa: E402
    Score,
    extract_concepts,
    score,
    semantic,  # noqa: E402
)

Row = dict[str, str]


def blend_with(
    results: Sequence[Score], similarities: Sequence[float], novelties: Sequence[float], **constants
) -> list[float]:
    """The product's blended values with some of its constants replaced."""
    saved = {name: getattr(semantic, name) for name in constants}
    try:
        for name, value in constants.items():
            setattr(semantic, name, value)
        return [
            semantic.blended_value(result, similarity, novelty=novelty)
            for result, similarity, novelty in zip(results, similarities, novelties, strict=True)
        ]
    finally:
        for name, value in saved.items():
            setattr(semantic, name, value)


def report(name: str, predicted: Sequence[float], gold: Sequence[float], *, grade: bool) -> None:
    line = f"{name}: Pearson r = {pearson(predicted, gold):.3f}"
    if grade:
        line += f"  RMSE = {rmse(predicted, gold):.3f}"
    print(line)


def choose_blend(
    rows: Sequence[Row],
    gold: Sequence[float],
    values: Callable[..., list[float]],
) -> None:
    """Grid search of share, floor and ceiling, the choice also made inside each LOAO fold."""
    grid = list(itertools.product((0.3, 0.4, 0.5, 0.6, 0.7), (0.1, 0.2, 0.3), (0.5, 0.6, 0.7, 0.8)))
    by_point = {
        point: values(SEMANTIC_SHARE=point[0], COVERAGE_FLOOR=point[1], COVERAGE_CEILING=point[2])
        for point in grid
    }
    whole = {point: pearson(v, gold) for point, v in by_point.items()}
    best = max(grid, key=whole.get)
    print(f"grid (share, floor, ceiling), r on all answers; best {best}: r = {whole[best]:.3f}")
    for point in sorted(grid, key=whole.get, reverse=True)[:5]:
        print(f"  {point}: r = {whole[point]:.4f}")
    nested = [0.0] * len(rows)
    chosen = []
    for held_out in sorted({row["assignment"] for row in rows}):
        train = [i for i, row in enumerate(rows) if row["assignment"] != held_out]
        point = max(
            grid, key=lambda p: pearson([by_point[p][i] for i in train], [gold[i] for i in train])
        )
        chosen.append(point)
        for i, row in enumerate(rows):
            if row["assignment"] == held_out:
                nested[i] = by_point[point][i]
    print(f"  chosen per fold: {chosen}")
    report("  blend chosen inside each LOAO fold (unfitted values)", nested, gold, grade=False)


def report_latency(encoder: semantic.SentenceEncoder, rows: Sequence[Row]) -> None:
    """CPU time of scoring one new answer semantically (its reference already encoded)."""
    concepts = extract_concepts(rows[0]["desired_answer"], question=rows[0]["question"])
    long_answer = " ".join(row["student_answer"] for row in rows[:40])[:1200]
    for name, answers in (
        ("Mohler answers", [row["student_answer"] for row in rows[:: len(rows) // 100]][:100]),
        ("1200-character answers", [f"{long_answer} ({n})" for n in range(10)]),
    ):
        timings = []
        for answer in answers:
            fresh = semantic.SentenceEncoder(cache_size=1)
            fresh.encode([rows[0]["desired_answer"]])
            started = time.process_time()
            semantic.score_semantic(
                answer,
                concepts,
                question=rows[0]["question"],
                reference=rows[0]["desired_answer"],
                encoder=fresh,
            )
            timings.append(time.process_time() - started)
        timings.sort()
        p50, p99 = (
            timings[len(timings) // 2],
            timings[min(len(timings) - 1, len(timings) * 99 // 100)],
        )
        print(f"score_semantic, {name}: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms CPU")


def main(argv: list[str] | None = None) -> int:
    """Score every Mohler answer lexically and semantically and print the agreement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("MOHLER_DATA", DEFAULT_DATA))
    )
    parser.add_argument("--choose-blend", action="store_true", help="rerun the blend's search")
    args = parser.parse_args(argv)
    if not semantic.semantic_available():
        sys.exit(semantic.SEMANTIC_UNAVAILABLE_MESSAGE)
    rows = load_rows(args.data)
    gold = [float(row["score_avg"]) for row in rows]

    concepts = {}
    for row in rows:
        if row["question_id"] not in concepts:
            concepts[row["question_id"]] = extract_concepts(
                row["desired_answer"], question=row["question"]
            )
    results = [
        score(row["student_answer"], concepts[row["question_id"]], question=row["question"])
        for row in rows
    ]

    encoder = semantic.SentenceEncoder(cache_size=len(rows) * 2)
    started = time.perf_counter()
    encoder.encode(["warm up"])
    load_seconds = time.perf_counter() - started
    texts = list(
        dict.fromkeys([r["desired_answer"] for r in rows] + [r["student_answer"] for r in rows])
    )
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    encoder.encode(texts)
    cpu, wall = time.process_time() - cpu_started, time.perf_counter() - wall_started
    tokens = [
        sum(encoding.attention_mask) for encoding in encoder._loaded().tokenizer.encode_batch(texts)
    ]
    print(
        f"answers: {len(rows)}  distinct texts encoded: {len(texts)} "
        f"(median {sorted(tokens)[len(tokens) // 2]} word pieces)  model load: {load_seconds:.1f} s"
    )
    print(
        f"encoder speed, one thread: {len(texts) / cpu:.1f} texts/s CPU time "
        f"({len(texts) / wall:.1f}/s wall clock, {wall:.0f} s)"
    )

    report_latency(encoder, rows)

    similarities = [
        semantic.semantic_similarity(r["student_answer"], r["desired_answer"], encoder=encoder)
        for r in rows
    ]
    coverages = [
        semantic.reference_coverage(r["student_answer"], r["desired_answer"], encoder=encoder)
        for r in rows
    ]
    novelties = [semantic.answer_novelty(r["student_answer"], r["question"]) for r in rows]
    blended = blend_with(results, coverages, novelties)
    lexical = [result.value for result in results]

    print("\nunfitted (nothing learnt from the grades):")
    report("  sentence similarity alone (cosine)", similarities, gold, grade=False)
    report("  reference coverage alone (word-piece alignment)", coverages, gold, grade=False)
    report("  default lexical score, grade = score / 20", lexical, gold, grade=False)
    print(f"    RMSE = {rmse([fixed_grade(v) for v in lexical], gold):.3f}")
    report("  blended value (product), grade = value / 20", blended, gold, grade=False)
    print(f"    RMSE = {rmse([fixed_grade(v) for v in blended], gold):.3f}")
    unguarded = blend_with([replace(r, negated=()) for r in results], coverages, novelties)
    report("  blended value without the negation guard", unguarded, gold, grade=False)
    flagged = [g for g, r in zip(gold, results, strict=True) if r.negated]
    print(
        f"    ({len(flagged)} answers have a concept the lexical scorer reads as negated; "
        f"their mean grade is {sum(flagged) / max(1, len(flagged)):.2f} of 5)"
    )

    folds = len({row["assignment"] for row in rows})
    print(f"\nfitted to the 0-5 grade, leave-one-assignment-out CV ({folds} folds):")
    lexical_inputs = [
        features(r, row["student_answer"]) for r, row in zip(results, rows, strict=True)
    ]
    fits = {
        "lexical components (as scoring_quality.py --cv)": lexical_inputs,
        "lexical components + sentence similarity": [
            x + [s] for x, s in zip(lexical_inputs, similarities, strict=True)
        ],
        "lexical components + reference coverage": [
            x + [c] for x, c in zip(lexical_inputs, coverages, strict=True)
        ],
        "lexical components + similarity + coverage": [
            x + [s, c] for x, s, c in zip(lexical_inputs, similarities, coverages, strict=True)
        ],
        "lexical components + similarity + coverage + similarity x score": [
            x + [s, c, s * r.value / 100]
            for x, s, c, r in zip(lexical_inputs, similarities, coverages, results, strict=True)
        ],
        "calibrated blended value (1, v, sqrt v)": [
            [1.0, v / 100, math.sqrt(v / 100)] for v in blended
        ],
    }
    for name, inputs in fits.items():
        report(f"  {name}", loao(rows, inputs, gold), gold, grade=True)

    if args.choose_blend:
        print()
        choose_blend(rows, gold, lambda **c: blend_with(results, coverages, novelties, **c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
