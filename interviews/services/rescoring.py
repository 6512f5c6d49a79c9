"""Re-score stored answers that another scorer version scored, one transaction per batch.

Each batch commits on its own and only items still carrying another version are picked, so an
interrupted run loses at most the batch in flight and the next run continues where it stopped.
Answers to a wording their question no longer has are left as scored, as the concept page's
re-score leaves them. A person's score override and concept verdicts are never changed: they keep winning over the
automatic score, which is re-scored underneath them (with the reviewed score derived from it).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from content.concepts import answer_score
from content.scoring import SCORER_VERSION, AnswerTooLong
from interviews.models import ConceptVerdict, ReviewChange, SessionItem
from interviews.services.item_scoring import SCORE_FIELDS, item_score_apply
from interviews.services.rescore_log import ScoringShown, rescore_changes, ticks_shown
from interviews.services.review import item_reviewed_score_refresh

RESCORE_REASON = "Re-scored by scorer {new} (was scorer {old})."
# Who the review log names for the changes this module makes.
RESCORE_COMMAND = "manage.py rescore"


@dataclass(frozen=True, slots=True)
class BatchRescored:
    """What one batch did; the next batch starts after last_pk."""

    last_pk: int | None
    rescored: int = 0
    changed: int = 0
    failed: int = 0


@dataclass(slots=True)
class _Outcome:
    """One item re-scored in memory, and what it held before."""

    item: SessionItem
    before: float | None
    before_version: str
    before_matched: list[str]
    before_missed: list[str]
    changed: bool


def items_due_rescore():
    """Finished items whose automatic score another scorer version set, asked the wording
    their question has now (the one its concepts describe)."""
    return SessionItem.objects.scored_by_other_version(SCORER_VERSION).asked_current_wording()


def items_kept_earlier_wording():
    """Items another scorer version scored that stay so: their question has been reworded into
    another one since, so its current concepts would judge an answer to a question not asked."""
    return SessionItem.objects.scored_by_other_version(SCORER_VERSION).asked_earlier_wording()


def items_rescore_batch(*, after_pk: int, size: int, dry_run: bool = False) -> BatchRescored:
    """Re-score up to `size` due items with pk above after_pk; a dry run only counts changes.

    Scoring happens before the transaction, which then only writes: on SQLite the write lock
    is held for the UPDATEs, not for the scoring, so candidates' autosaves barely wait.
    """
    items = _batch_load(after_pk, size)
    if not items:
        return BatchRescored(last_pk=None)
    rescored: list[_Outcome] = []
    failed = 0
    for item in items:
        before, before_version = item.score, item.scorer_version
        before_matched, before_missed = item.matched_labels, list(item.missed)
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
        rescored.append(
            _Outcome(
                item, before, before_version, before_matched, before_missed, changed=after != before
            )
        )
    if not dry_run:
        rescored = _batch_write(rescored)
    return BatchRescored(
        last_pk=items[-1].pk,
        rescored=len(rescored),
        changed=sum(outcome.changed for outcome in rescored),
        failed=failed,
    )


def _batch_load(after_pk: int, size: int) -> list[SessionItem]:
    due = items_due_rescore().filter(pk__gt=after_pk).order_by("pk")
    return list(
        due.select_related("session", "question").prefetch_related(
            "question__concepts", "question__model_answers"
        )[:size]
    )


def _batch_write(rescored: list[_Outcome]) -> list[_Outcome]:
    """Save the new scores of the items still due, under their row locks; returns those."""
    with transaction.atomic():
        # Locked and re-checked: an item another run (or a curation re-score) made current
        # since it was loaded is left as that run wrote it.
        still_due = dict(
            items_due_rescore()
            .select_for_update(of=("self",))
            .filter(pk__in=[outcome.item.pk for outcome in rescored])
            .values_list("pk", "score_reviewed")
        )
        rescored = [outcome for outcome in rescored if outcome.item.pk in still_due]
        items = [outcome.item for outcome in rescored]
        # One plain UPDATE per row: bulk_update's CASE expressions cost more than they save here.
        for item in items:
            item.save(update_fields=SCORE_FIELDS)
        prefetch_related_objects(items, "concept_verdicts")  # read under the lock
        _verdicts_follow(items)
        for item in items:
            # As stored under the lock: a person's tick since the load may have moved it.
            item.score_reviewed = still_due[item.pk]
        befores = [_before_shown(outcome) for outcome in rescored]
        for item in items:
            if item.concept_verdicts.all():
                # The reviewed score is the automatic one moved by the verdicts: it moves too.
                item_reviewed_score_refresh(item)
        _changes_log(rescored, befores)
    return rescored


def _before_shown(outcome: _Outcome) -> ScoringShown:
    """The item's scoring as its transcript showed it before the re-score (the verdicts stay)."""
    item = outcome.item
    return ScoringShown(
        score=outcome.before,
        reviewed=item.score_reviewed,
        ticks=ticks_shown(
            outcome.before_matched, outcome.before_missed, item.concept_verdicts.all()
        ),
    )


def _changes_log(rescored: list[_Outcome], befores: list[ScoringShown]) -> None:
    """The review-log entries of what each re-score moved, by the command: no person moved it."""
    now = timezone.now()
    ReviewChange.objects.bulk_create(
        entry
        for outcome, before in zip(rescored, befores, strict=True)
        for entry in rescore_changes(
            item=outcome.item,
            before=before,
            reason=RESCORE_REASON.format(new=SCORER_VERSION, old=outcome.before_version),
            now=now,
            command=RESCORE_COMMAND,
        )
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
