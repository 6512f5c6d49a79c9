"""Re-score stored answers that another scorer version scored, one transaction per batch.

Each batch commits on its own and only items still carrying another version are picked, so an
interrupted run loses at most the batch in flight and the next run continues where it stopped.
A person's score override and concept verdicts are never changed: they keep winning over the
automatic score, which is re-scored underneath them (with the reviewed score derived from it).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from content.concepts import answer_score
from content.scoring import SCORER_VERSION, AnswerTooLong
from interviews.models import ConceptVerdict, ReviewChange, SessionItem
from interviews.services.item_scoring import SCORE_FIELDS, item_score_apply
from interviews.services.review import item_reviewed_score_refresh

RESCORE_REASON = "Re-scored by scorer {new} (was scorer {old})."


@dataclass(frozen=True, slots=True)
class BatchRescored:
    """What one batch did; the next batch starts after last_pk."""

    last_pk: int | None
    rescored: int = 0
    changed: int = 0
    failed: int = 0


def items_due_rescore():
    """Finished items whose automatic score another scorer version set."""
    return SessionItem.objects.scored_by_other_version(SCORER_VERSION)


def items_rescore_batch(*, after_pk: int, size: int, dry_run: bool = False) -> BatchRescored:
    """Re-score up to `size` due items with pk above after_pk; a dry run only counts changes."""
    if dry_run:
        # No transaction: on SQLite it would hold the write lock while nothing is written.
        return _batch_run(_batch_load(after_pk, size, lock=False), dry_run=True)
    with transaction.atomic():
        return _batch_run(_batch_load(after_pk, size, lock=True), dry_run=False)


def _batch_load(after_pk: int, size: int, *, lock: bool) -> list[SessionItem]:
    due = items_due_rescore().filter(pk__gt=after_pk).order_by("pk")
    if lock:
        # Locked and re-checked, so two runs at once (or a curation re-score) never redo an
        # item that is already current.
        due = due.select_for_update(of=("self",))
    return list(
        due.select_related("session", "question").prefetch_related(
            "question__concepts", "question__model_answers", "concept_verdicts"
        )[:size]
    )


def _batch_run(items: list[SessionItem], *, dry_run: bool) -> BatchRescored:
    if not items:
        return BatchRescored(last_pk=None)
    rescored, changed, failed = [], [], 0
    for item in items:
        before, before_version = item.score, item.scorer_version
        try:
            if dry_run:
                level = item.session.level
                after = answer_score(
                    question=item.question, answer=item.answer_text, level=level
                ).value
            else:
                item_score_apply(item=item, level=item.session.level)
                after = item.score
        except AnswerTooLong:
            failed += 1  # kept as it is, and picked again by the next run
            continue
        rescored.append(item)
        if after != before:
            changed.append((item, before, before_version))
    if not dry_run:
        SessionItem.objects.bulk_update(rescored, SCORE_FIELDS)
        _verdicts_follow(rescored)
        for item in rescored:
            if item.concept_verdicts.all():
                # The reviewed score is the automatic one moved by the verdicts: it moves too.
                item_reviewed_score_refresh(item)
        _changes_log(changed)
    return BatchRescored(
        last_pk=items[-1].pk, rescored=len(rescored), changed=len(changed), failed=failed
    )


def _changes_log(changed: list[tuple[SessionItem, float | None, str]]) -> None:
    """One review-log entry per changed score, by nobody: the scorer, not a person, moved it."""
    ReviewChange.objects.bulk_create(
        ReviewChange(
            session=item.session,
            item=item,
            field=ReviewChange.Field.RESCORE,
            old_value=before,
            new_value=item.score,
            reason=RESCORE_REASON.format(new=SCORER_VERSION, old=before_version),
        )
        for item, before, before_version in changed
    )


def _verdicts_follow(items: list[SessionItem]) -> None:
    """A verdict keeps what the person decided; only its record of the scorer's view moves."""
    stale = []
    for item in items:
        matched = set(item.matched_labels)
        for verdict in item.concept_verdicts.all():
            if verdict.auto_present != (verdict.concept_label in matched):
                verdict.auto_present = not verdict.auto_present
                stale.append(verdict)
    if stale:
        ConceptVerdict.objects.bulk_update(stale, ["auto_present"])
