"""Write concepts as JSON, so curation can be versioned and reviewed."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from content.concept_files import concepts_dumps, concepts_export
from content.models import Topic


class Command(BaseCommand):
    help = (
        "Export every question's concepts (label, variants, weight, tier, origin, negated, "
        "is_active, rank) as JSON. `import_concepts` reads the file back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--topic", metavar="SLUG", help="Only the questions of this topic.")
        parser.add_argument(
            "-o",
            "--output",
            default="-",
            metavar="FILE",
            help='Where to write ("-", the default, is standard output).',
        )

    def handle(self, *args, topic, output, **options):
        found = None
        if topic is not None:
            found = Topic.objects.filter(slug=topic).first()
            if found is None:
                raise CommandError(f"No topic with slug {topic!r}.")
        data = concepts_export(topic=found)
        text = concepts_dumps(data)
        if output == "-":
            self.stdout.write(text, ending="")
            return
        try:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        count = sum(len(q["concepts"]) for q in data["questions"])
        questions = len(data["questions"])
        self.stderr.write(
            f"Wrote {count} concept{pluralize(count)} of {questions} question"
            f"{pluralize(questions)} to {output}."
        )
