"""Machine instructions per scored answer, counted by valgrind: a speed figure the host's load does not move.

    python benchmarks/scoring_instructions.py            # needs valgrind; prints instructions/answer

Timed rates on a shared virtual machine swing by 1.5 to 1 between runs of the same code, so a
speed change is judged by its instruction count: valgrind's callgrind runs this script scoring
the speed benchmark's 144 interview-length answers (stored concepts, as `scoring_speed.py`) once
and then three times; the difference over the two extra passes is the cost of scoring alone,
without start-up, imports, extraction or first-call caches. Repeated counts agree within 0.2 %.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def score_passes(passes: int) -> None:
    """Score the speed benchmark's interview-length answers `passes` times."""
    from benchmarks.scoring_speed import interview_cases, split_bank
    from content.scoring import common_stems, extract_concepts, score

    items = split_bank((ROOT / "content" / "sources" / "docker.txt").read_text(encoding="utf-8"))
    common = common_stems(tuple(i["expert"] + "\n" + i["beginner"] for i in items))
    concepts = [
        extract_concepts(
            i["expert"], beginner_answer=i["beginner"], question=i["question"], common=common
        )
        for i in items
    ]
    cases = interview_cases(items, concepts)
    for _ in range(passes):
        for answer, found, level, question, references in cases:
            score(answer, found, level=level, question=question, references=references)


def count(passes: int) -> int:
    """Instructions of one run of this script scoring `passes` times, under callgrind."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--passes",
        str(passes),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = COLLECTED.findall(done.stderr)
    if not found:
        sys.exit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found[-1])


def main(argv: list[str] | None = None) -> int:
    """Score under callgrind once and three times; print instructions per answer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=None, help="score only (run by valgrind)")
    args = parser.parse_args(argv)
    if args.passes is not None:
        score_passes(args.passes)
        return 0
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found: install it (apt-get install valgrind) to count instructions")
    answers = 144
    one, three = count(1), count(3)
    per_answer = (three - one) / (2 * answers)
    print(f"{per_answer / 1e6:.3f} M instructions per answer ({answers} answers, 3 passes - 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
