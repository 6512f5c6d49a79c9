"""Read concepts written by export_concepts (and edited by people) back into the bank."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from content.concept_files import ConceptFileError, concepts_import, concepts_loads


class Command(BaseCommand):
    help = (
        "Import a concepts JSON file. For each question it lists, the question's concepts become "
        "exactly those of the file, all marked curated so re-extraction keeps them; concepts "
        "missing from the file are deleted (mark one is_active false to keep it from coming "
        "back). The whole file is checked first: any bad entry means nothing is written. "
        "Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help='A JSON file from export_concepts, or "-" for standard input.'
        )

    def handle(self, *args, file, **options):
        try:
            if file == "-":
                text = sys.stdin.buffer.read().decode("utf-8")
            else:
                with open(file, encoding="utf-8") as handle:
                    text = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text.") from None
        try:
            result = concepts_import(data=concepts_loads(text))
        except ConceptFileError as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(
            f"Imported concepts of {result.questions} question{pluralize(result.questions)}: "
            f"{result.created} created, "
            f"{result.updated} updated, {result.deleted} deleted."
        )
