"""(Re)extract key concepts for questions already in the bank, keeping curated ones."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from content.concepts import ConceptsRefreshed, concepts_refresh
from content.models import Question, Topic


class Command(BaseCommand):
    help = (
        "Re-extract key concepts from the model answers of every question, or of one topic or "
        "question. Curated concepts (edited, added or removed by a person) are left as they are; "
        "unchanged questions are not written to."
    )

    def add_arguments(self, parser):
        parser.add_argument("--topic", metavar="SLUG", help="Only the questions of this topic.")
        parser.add_argument("--question", metavar="SLUG", help="Only this question.")

    def handle(self, *args, topic, question, **options):
        questions = Question.objects.prefetch_related("model_answers").order_by("pk")
        if topic is not None:
            if not Topic.objects.filter(slug=topic).exists():
                raise CommandError(f"No topic with slug {topic!r}.")
            questions = questions.filter(topic__slug=topic)
        if question is not None:
            questions = questions.filter(slug=question)
            if not questions.exists():
                where = f" in topic {topic!r}" if topic else ""
                raise CommandError(f"No question with slug {question!r}{where}.")
        count, totals = 0, ConceptsRefreshed()
        for item in questions:
            result = concepts_refresh(question=item)
            count += 1
            totals = ConceptsRefreshed(*(a + b for a, b in zip(totals, result, strict=True)))
        self.stdout.write(
            f"Extracted concepts for {count} question{pluralize(count)}: {totals.created} created, "
            f"{totals.updated} updated, {totals.deleted} deleted."
        )
