"""Score answers from a JSON-lines file or standard input; one JSON line out per line in."""

import argparse
import json
import sys
import textwrap

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.template.defaultfilters import pluralize

from content.batch_scoring import MAX_LINE_BYTES, read_lines, score_lines
from content.scoring import MAX_ANSWER_CHARS

EXIT_LINES_FAILED = 1
EXIT_UNREADABLE = 2


class Command(BaseCommand):
    help = textwrap.dedent(f"""\
        Score free-text answers given as JSON lines, writing one JSON line per input line to
        standard output, in input order.

        Input fields: "id" (string or number, echoed back); "answer" (string); and either
        "question" (exact text, slug or numeric id of a bank question, scored against its
        stored concepts) or "reference" (a model answer whose concepts are extracted on the
        fly, with optional "question_text" so words of the question earn nothing); optional
        "level" ("expert" or "beginner", default "expert").

        Output fields: "line" (1-based input line number), "id", "score" (0-100), "matched"
        and "missed" (concept labels), "spans" ([{{"label", "start", "end"}}], offsets in
        Unicode characters of the answer), "level_estimate", "feedback",
        "scorer_version" (which scorer gave the score).

        A bad line (invalid JSON or UTF-8, not an object, missing or bad fields, unknown
        question, answer or reference over {MAX_ANSWER_CHARS:,} characters, line over
        {MAX_LINE_BYTES:,} bytes) gives {{"line", "id", "error"}} instead, and processing goes
        on. Blank lines are skipped and give no output; use "line" to align.

        Exit status: 0 when every line scored, {EXIT_LINES_FAILED} when any line failed,
        {EXIT_UNREADABLE} when the input cannot be opened or the question bank cannot be read
        (output then stops early).""")

    # A scoring pipe needs only the models; skipping the URL and admin checks starts it faster.
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the paragraphs
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", help='A .jsonl file, or "-" for standard input.')

    def handle(self, *args, file, **options):
        try:
            stream = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
        except OSError as error:
            raise CommandError(
                f"Cannot read {file}: {error.strerror}.", returncode=EXIT_UNREADABLE
            ) from None
        failed = total = 0
        try:
            for result in score_lines(read_lines(stream)):
                total += 1
                failed += "error" in result
                self.stdout.write(json.dumps(result))
                self.stdout.flush()  # a caller may feed one line and wait for its answer
        except DatabaseError as error:
            raise CommandError(
                f"The question bank is not readable after {total} line{pluralize(total)} ({error}); "
                "run `manage.py migrate` and check DATABASE_URL.",
                returncode=EXIT_UNREADABLE,
            ) from None
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        if failed:
            raise CommandError(
                f"{failed} of {total} line{pluralize(total)} failed; see their error objects.",
                returncode=EXIT_LINES_FAILED,
            )
