"""Give candidates review cards for the questions they practised before review cards existed."""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from content.scoring import SCORER_VERSION
from interviews.services.schedule import CardsBackfilled, cards_backfill


class Command(BaseCommand):
    help = (
        "Create a review card for every question a candidate practised but has no card for, "
        "rating its past practice answers in the order they finished, as finishing them does "
        "now. Existing cards are left as they are, so it is safe to run while the site serves "
        "and a second run creates nothing. Run it after `rescore`: a question with an answer "
        f"scored by another scorer version than {SCORER_VERSION} waits for it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the cards that would be created; write nothing.",
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        self.stdout.write(_summary(cards_backfill(dry_run=dry_run), dry_run=dry_run))


def _summary(done: CardsBackfilled, *, dry_run: bool) -> str:
    what = (
        f"{done.cards:,} review card{pluralize(done.cards)} for {done.candidates:,} "
        f"candidate{pluralize(done.candidates)} from {done.answers:,} practice "
        f"answer{pluralize(done.answers)}."
    )
    text = f"Dry run: would create {what} Nothing was written." if dry_run else f"Created {what}"
    if done.waiting:
        text += (
            f" {done.waiting:,} question{pluralize(done.waiting)} "
            f"{pluralize(done.waiting, 'was,were')} left without a card: an answer to "
            f"{pluralize(done.waiting, 'it,each')} was scored by another scorer version than "
            f"{SCORER_VERSION}, whose scores the ratings do not read. Run `manage.py rescore`, then "
            "this command again. (An answer to a wording its question no longer has keeps its "
            "score: such a question gets its card when the candidate practises it again.)"
        )
    return text
