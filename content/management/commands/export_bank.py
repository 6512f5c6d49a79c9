"""`manage.py export_bank TOPIC --format FORMAT`: write one topic's questions in an import format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from config.downloads import CSV_ENCODING
from content.banks import BankAmbiguous, export_bank_find
from content.formats import FORMATS, export_name
from content.formats.bank import bank_document
from content.models import Topic

NO_TOPIC = "No topic with the slug or name {topic!r}. Topics: {known}."
CANNOT_WRITE = "{path}: cannot write the file ({reason}). Nothing was exported."


class Command(BaseCommand):
    help = "Export a topic's questions, answers and ids (JSON: with concepts) to a file or stdout."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "topic",
            metavar="TOPIC",
            help="The bank's slug (its address), else its exact name when one bank has it.",
        )
        parser.add_argument("--format", choices=sorted(FORMATS), default="seed")
        parser.add_argument(
            "--output",
            "-o",
            help="File to write, '-' for stdout (default: <topic slug>.<extension> here).",
        )

    def handle(self, *args, topic: str, format: str, output: str | None, **options) -> None:
        try:
            found = export_bank_find(topic)
        except BankAmbiguous as error:
            raise CommandError(error.message) from None
        if found is None:
            known = ", ".join(Topic.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(NO_TOPIC.format(topic=topic, known=known))
        document = bank_document(found, with_concepts=format == "json")
        text = FORMATS[format].write(document)
        if output == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(output or export_name(found.slug, format))
        # A file gets the byte-order mark spreadsheets need; standard output, often a pipe, does not.
        encoding = CSV_ENCODING if format == "csv" else "utf-8"
        try:
            path.write_text(text, encoding=encoding)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CommandError(CANNOT_WRITE.format(path=path, reason=reason)) from None
        count = len(document.questions)
        self.stdout.write(f"Wrote {count} question{pluralize(count)} of {found.name} to {path}.")
