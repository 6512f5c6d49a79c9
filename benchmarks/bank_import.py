"""Speed of importing a large bank: N distinct questions of Docker-sized answers, into a fresh database.

    python benchmarks/bank_import.py [--questions 1000] [--format markdown] [--short]

The bank is made from the bundled Docker bank: question i takes the answers of Docker question
i mod 24 with their lines rotated by i div 24, so every answer is a different text of real length
(--short keeps the first three lines of each). The import runs `manage.py import_questions` in a
temporary SQLite database, with its progress lines, and prints the wall and CPU time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bank_make(questions: int, *, short: bool):
    from content.parsing import ParsedAnswer, ParsedDocument, ParsedQuestion, parse_document

    docker = parse_document((ROOT / "content" / "sources" / "docker.txt").read_text("utf-8"))

    def varied(answer: ParsedAnswer, turn: int) -> ParsedAnswer:
        lines = answer.text.split("\n")
        turn %= len(lines)
        lines = lines[turn:] + lines[:turn]
        return ParsedAnswer("\n".join(lines[:3] if short else lines), answer.posted_on, 0)

    made = []
    for index in range(questions):
        base = docker.questions[index % len(docker.questions)]
        turn = index // len(docker.questions)
        made.append(
            ParsedQuestion(
                f"{base.text} (variant {index + 1})",
                0,
                varied(base.expert, turn),
                varied(base.beginner, turn),
            )
        )
    return ParsedDocument("Large bank", "Generated for the import benchmark.", tuple(made))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--format", default="markdown", choices=["seed", "markdown", "csv", "json"])
    parser.add_argument("--short", action="store_true", help="three lines per answer")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bank-import-") as folder:
        run(options, Path(folder))


def run(options: argparse.Namespace, folder: Path) -> None:
    """Write the bank into `folder`, import it twice into a SQLite database there, print times."""
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from content.formats import FORMATS, export_name

    call_command("migrate", verbosity=0)
    path = folder / export_name("large-bank", options.format)
    document = bank_make(options.questions, short=options.short)
    path.write_text(FORMATS[options.format].write(document), encoding="utf-8")
    size = path.stat().st_size
    print(f"{options.questions} questions, {options.format}, {size / 1e6:.1f} MB: {path}")
    wall, cpu = time.perf_counter(), time.process_time()
    call_command("import_questions", str(path))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"import: {wall:.1f} s wall, {cpu:.1f} s CPU")
    wall = time.perf_counter()
    call_command("import_questions", str(path))
    print(f"second import (no changes): {time.perf_counter() - wall:.1f} s wall")
    connections.close_all()  # before the folder, and the database file in it, goes


if __name__ == "__main__":
    main()
