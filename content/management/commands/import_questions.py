"""`manage.py import_questions PATH [PATH ...]`: import question banks (seed, Markdown, CSV, JSON)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from content.formats import FORMATS, document_parse, format_guess
from content.importer import ImportReport, Tally, file_text, questions_import
from content.models import Question
from content.parsing import DocumentError

SKIPPED_NOT_EMPTY = "The question bank already has questions: nothing imported (--if-empty)."
NO_CHANGES = "No changes: the question bank already matches the documents."


def _tally(name: str, tally: Tally) -> str:
    deleted = f", {tally.deleted} deleted" if tally.deleted else ""
    return f"{name}: {tally.created} created, {tally.updated} updated, {tally.unchanged} unchanged{deleted}"


class Command(BaseCommand):
    help = (
        "Import question banks: seed documents (.txt), Markdown (.md), CSV (.csv) or JSON (.json). "
        "See docs/question-bank.md for each layout."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Bank files (UTF-8 text).")
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            help="Read every file in this format instead of guessing it from the extension.",
        )
        parser.add_argument(
            "--topic",
            help="Topic name for CSV files, which have none (default: the file name without .csv).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Import only when the database has no questions yet (what `make run` does).",
        )

    def handle(self, *args, paths: list[str], if_empty: bool, **options) -> None:
        if if_empty and Question.objects.exists():
            self.stdout.write(SKIPPED_NOT_EMPTY)
            return
        started = time.perf_counter()
        try:
            documents = [
                (
                    path,
                    document_parse(
                        file_text(path),
                        source=path,
                        format_name=options["format"] or format_guess(path),
                        topic_name=options["topic"],
                    ),
                )
                for path in paths
            ]
            report = questions_import(documents=documents, progress=self.stdout.write)
        except DocumentError as error:
            raise CommandError(f"{error}. Nothing was imported.") from None
        self._summary(report, seconds=time.perf_counter() - started)

    def _summary(self, report: ImportReport, *, seconds: float) -> None:
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        self.stdout.write(_tally("Questions", report.questions))
        self.stdout.write(_tally("Model answers", report.answers))
        if report.concepts_refreshed:
            count = report.concepts_refreshed
            self.stdout.write(f"Concepts extracted for {count} question{pluralize(count)}.")
        if report.changed:
            self.stdout.write(self.style.SUCCESS(f"Import done in {seconds:.1f} s."))
        else:
            self.stdout.write(NO_CHANGES)
