"""Finish questions and sessions whose time ran out while nobody was looking (run every minute)."""

from django.core.management.base import BaseCommand

from interviews.services import expired_sweep


class Command(BaseCommand):
    help = (
        "Finish every question whose deadline (plus the grace period) has passed, with its last "
        "autosaved text, and expire sessions past their own deadline. Safe to run at any time."
    )

    def handle(self, *args, **options) -> None:
        items, sessions = expired_sweep()
        self.stdout.write(
            f"Closed {items} question{'s' if items != 1 else ''} and "
            f"{sessions} session{'s' if sessions != 1 else ''}."
        )
