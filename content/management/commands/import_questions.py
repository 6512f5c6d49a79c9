"""`manage.py import_questions PATH [PATH ...]`: import Q&A documents into the question bank."""

from django.core.management.base import BaseCommand, CommandError

from content.importer import ImportReport, Tally, document_read, questions_import
from content.models import Question
from content.parsing import DocumentError

SKIPPED_NOT_EMPTY = "The question bank already has questions: nothing imported (--if-empty)."
NO_CHANGES = "No changes: the question bank already matches the documents."


def _tally(name: str, tally: Tally) -> str:
    deleted = f", {tally.deleted} deleted" if tally.deleted else ""
    return f"{name}: {tally.created} created, {tally.updated} updated, {tally.unchanged} unchanged{deleted}"


class Command(BaseCommand):
    help = "Import Q&A documents (topic, description, questions with expert and beginner answers)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="Q&A document files (UTF-8 text)."
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
        try:
            documents = [(path, document_read(path)) for path in paths]
            report = questions_import(documents=documents, progress=self.stdout.write)
        except DocumentError as error:
            raise CommandError(f"{error}. Nothing was imported.") from None
        self._summary(report)

    def _summary(self, report: ImportReport) -> None:
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        self.stdout.write(_tally("Questions", report.questions))
        self.stdout.write(_tally("Model answers", report.answers))
        if report.concepts_refreshed:
            self.stdout.write(f"Concepts extracted for {report.concepts_refreshed} question(s).")
        if report.changed:
            self.stdout.write(self.style.SUCCESS("Import done."))
        else:
            self.stdout.write(NO_CHANGES)
