"""Re-score stored answers that an older scorer version scored, in batches, resumably."""

import argparse

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from content.scoring import SCORER_VERSION
from interviews.services.rescoring import (
    items_due_rescore,
    items_kept_earlier_wording,
    items_rescore_batch,
)

DEFAULT_BATCH_SIZE = 200
EXIT_INTERRUPTED = 130


def batch_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return value


class Command(BaseCommand):
    help = (
        f"Re-score every finished answer whose automatic score another scorer version set (this "
        f"is scorer {SCORER_VERSION}), against the question's stored concepts; answers to a "
        "wording their question no longer has keep their score. Each batch "
        "commits on its own: an interrupted run continues where it stopped when run again, and "
        "a second run finds nothing to do. Score overrides and concept verdicts people made are "
        "kept and still win; a changed score keeps the old one beside it for the transcripts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=batch_size,
            default=DEFAULT_BATCH_SIZE,
            help=f"Answers per transaction (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the answers due and how many scores would change; write nothing.",
        )

    def handle(self, *args, batch_size: int, dry_run: bool, **options) -> None:
        total = items_due_rescore().count()
        progress = _Progress(self.stderr, total=total, dry_run=dry_run)
        done = changed = failed = 0
        after_pk = 0
        try:
            while True:
                batch = items_rescore_batch(after_pk=after_pk, size=batch_size, dry_run=dry_run)
                if batch.last_pk is None:
                    break
                after_pk = batch.last_pk
                done += batch.rescored + batch.failed
                changed += batch.changed
                failed += batch.failed
                progress.show(done)
        except KeyboardInterrupt:
            progress.end()
            raise CommandError(
                f"Interrupted after {done:,} answer{pluralize(done)}; every finished batch is saved. "
                "Run the command again to continue.",
                returncode=EXIT_INTERRUPTED,
            ) from None
        progress.end()
        kept = items_kept_earlier_wording().count()
        self.stdout.write(_summary(done - failed, changed, failed, kept, dry_run=dry_run))


def _summary(rescored: int, changed: int, failed: int, kept: int, *, dry_run: bool) -> str:
    if dry_run:
        text = (
            f"Dry run: {rescored:,} answer{pluralize(rescored)} {pluralize(rescored, 'is,are')} "
            f"due a re-score (scored by another scorer version than {SCORER_VERSION}); re-scoring "
            f"would change {changed:,} score{pluralize(changed)}. Nothing was written."
        )
    else:
        text = (
            f"Re-scored {rescored:,} answer{pluralize(rescored)} with scorer {SCORER_VERSION}: "
            f"{changed:,} score{pluralize(changed)} changed, {rescored - changed:,} stayed the "
            "same. Overrides were left as they are."
        )
    if failed:
        text += (
            f" {failed:,} answer{pluralize(failed)} could not be scored (longer than the scorer "
            "accepts)."
        )
    if kept:
        left = "would be left" if dry_run else "was left" if kept == 1 else "were left"
        text += (
            f" 1 answer to an earlier wording of its question {left} as scored: the question "
            "has been reworded since, and its concepts describe the new wording."
            if kept == 1
            else f" {kept:,} answers to an earlier wording of their question {left} as scored: "
            "the questions have been reworded since, and their concepts describe the new wording."
        )
    return text


class _Progress:
    """A progress line on stderr: redrawn in place on a terminal, a line per tenth otherwise."""

    def __init__(self, stream, *, total: int, dry_run: bool) -> None:
        self.stream, self.total = stream, total
        self.verb = "Checking" if dry_run else "Re-scoring"
        self.tty = stream.isatty()
        self.tenths_shown = 0

    def show(self, done: int) -> None:
        # Items finished during the run may join the count; the total is never shown below it.
        total = max(self.total, done)
        percent = 100 * done // total if total else 100
        line = f"{self.verb}: {done:,}/{total:,} answer{pluralize(total)} ({percent}%)"
        if self.tty:
            self.stream.write(f"\r{line}", ending="")
            self.stream.flush()
        elif percent // 10 > self.tenths_shown or done == total:
            self.tenths_shown = percent // 10
            self.stream.write(line)

    def end(self) -> None:
        if self.tty:
            self.stream.write("")
