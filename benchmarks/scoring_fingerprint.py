"""Fingerprint of everything the scorer returns, to prove a speed change leaves every score as it was.

    python benchmarks/scoring_fingerprint.py [--dump FILE] [--sets mohler,semeval,docker,speed,cross]

Scores every Mohler answer, every SemEval train answer against each reference, the Docker
ordering answers and the speed benchmark's answers at both levels, and some less travelled paths
(`cross`), and prints one SHA-256 per set over the full repr of each Score (value, spans,
credits, missed concepts, feedback, level estimate, every component). Run it before and after a
change: equal digests mean equal outputs.
--dump writes the reprs line by line, so `diff` shows the first answer that changed.

Data is read from ../shared/benchmarks as the other benchmarks do (MOHLER_DATA, SEMEVAL_DATA);
a set whose data is missing is reported as skipped, not failed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import docker_ordering, scoring_quality, scoring_semeval, scoring_speed  # noqa: E402
from content.scoring import common_stems, extract_concepts, score  # noqa: E402

SETS = ("mohler", "semeval", "docker", "speed", "cross")


def mohler() -> Iterator[str]:
    """Every Mohler answer against its question's model answer."""
    path = Path(os.environ.get("MOHLER_DATA", scoring_quality.DEFAULT_DATA))
    rows = scoring_quality.load_rows(path)
    concepts: dict[str, tuple] = {}
    for row in rows:
        key = row["question_id"]
        if key not in concepts:
            concepts[key] = extract_concepts(row["desired_answer"], question=row["question"])
        yield repr(
            score(
                row["student_answer"],
                concepts[key],
                question=row["question"],
                references=(row["desired_answer"],),
            )
        )


def semeval() -> Iterator[str]:
    """Every SemEval train answer against each reference answer of its question."""
    path = Path(os.environ.get("SEMEVAL_DATA", scoring_semeval.DEFAULT_DATA))
    rows, table = scoring_semeval.load(path)
    concepts: dict[tuple[str, str, str], list] = {}
    for row in rows:
        if row["split"] != "train":
            continue
        key = (row["dataset"], row["split"], row["question_id"])
        question = table[key]
        texts = scoring_semeval.references(question)
        if key not in concepts:
            concepts[key] = [extract_concepts(t, question=question["question"]) for t in texts]
        for text, found in zip(texts, concepts[key], strict=True):
            yield repr(
                score(
                    row["student_answer"], found, question=question["question"], references=(text,)
                )
            )


def docker() -> Iterator[str]:
    """The Docker ordering answers (partial, wrong, keywords, ...) at both levels."""
    for index in range(len(docker_ordering.ANSWERS)):
        for level in docker_ordering.LEVELS:
            _, found = docker_ordering.results(index, level)
            for kind in sorted(found):
                yield f"{index} {level} {kind} {found[kind]!r}"


def speed() -> Iterator[str]:
    """The speed benchmark's answers, full length and cut to 200 characters, at both levels."""
    items = scoring_speed.split_bank((ROOT / "content" / "sources" / "docker.txt").read_text())
    common = common_stems(tuple(i["expert"] + "\n" + i["beginner"] for i in items))
    for item in items:
        found = extract_concepts(
            item["expert"],
            beginner_answer=item["beginner"],
            question=item["question"],
            common=common,
        )
        yield repr(found)
        references = (item["expert"], item["beginner"])
        for answer in (item["beginner"], item["beginner"][:600], item["expert"][:1200]):
            for text in (answer, answer[:200]):
                for level in ("expert", "beginner"):
                    yield repr(
                        score(
                            text,
                            found,
                            level=level,
                            question=item["question"],
                            references=references,
                        )
                    )


def cross() -> Iterator[str]:
    """Paths the other sets miss: the Docker answers against the next question's concepts (with
    and without model answers), and Mohler answers with neither question nor model answer."""
    bank = docker_ordering.docker.bank()
    for index, answers in enumerate(docker_ordering.ANSWERS):
        question, concepts, references = bank[(index + 1) % len(bank)]
        for kind in sorted(answers):
            for given in ((), references):
                yield repr(score(answers[kind], concepts, question=question, references=given))
    path = Path(os.environ.get("MOHLER_DATA", scoring_quality.DEFAULT_DATA))
    concepts_by_id: dict[str, tuple] = {}
    for row in scoring_quality.load_rows(path):
        key = row["question_id"]
        if key not in concepts_by_id:
            concepts_by_id[key] = extract_concepts(row["desired_answer"])
        yield repr(score(row["student_answer"], concepts_by_id[key]))


def main(argv: list[str] | None = None) -> int:
    """Print one digest per set (and the count of outputs behind it)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS)
    )
    parser.add_argument("--dump", type=Path, default=None, help="write every output, one a line")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}; choose from {', '.join(SETS)}")
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name in chosen:
        digest, count = hashlib.sha256(), 0
        try:
            for line in globals()[name]():
                digest.update(line.encode("utf-8") + b"\n")
                count += 1
                if dump:
                    dump.write(f"{name}\t{line}\n")
        except SystemExit as missing:  # the loaders exit with a clear message when data is absent
            print(f"{name}: skipped ({str(missing).splitlines()[0]})")
            continue
        print(f"{name}: {count} outputs, sha256 {digest.hexdigest()}")
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
