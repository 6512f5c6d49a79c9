"""Curating a question's concepts by hand, previewing the effect, and re-scoring old answers."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from content.models import Concept, Question
from interviews.models import ReviewChange, SessionItem
from interviews.services.item_scoring import SCORE_FIELDS, item_score_apply
from interviews.services.rescore_log import rescore_changes, scoring_shown
from interviews.services.review import item_reviewed_score_refresh

LABEL_MISSING_MESSAGE = "A concept needs a label."
LABEL_TAKEN_MESSAGE = "This question already has a concept with that label."
WEIGHT_INVALID_MESSAGE = "A weight must be a number from 0 to 10."
MAX_WEIGHT = 10.0
CURATED_RESCORE_REASON = "Concepts of the question were curated."


class CurationRefused(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _weight_check(weight: float) -> float:
    if not 0 <= weight <= MAX_WEIGHT:
        raise CurationRefused(WEIGHT_INVALID_MESSAGE)
    return weight


def concept_update(
    *,
    concept: Concept,
    label: str,
    variants: list[str],
    weight: float,
    tier: str,
    is_active: bool,
) -> bool:
    """Save a person's edit of a concept (it becomes curated); False when nothing changed."""
    label = label.strip()
    if not label:
        raise CurationRefused(LABEL_MISSING_MESSAGE)
    new = {
        "label": label,
        "variants": variants,
        "weight": _weight_check(weight),
        "tier": tier,
        "is_active": is_active,
    }
    if all(getattr(concept, name) == value for name, value in new.items()):
        return False
    for name, value in new.items():
        setattr(concept, name, value)
    concept.origin = Concept.Origin.CURATED
    try:
        with transaction.atomic():
            concept.save()
    except IntegrityError as error:
        raise CurationRefused(LABEL_TAKEN_MESSAGE) from error
    return True


def concept_add(
    *, question: Question, label: str, variants: list[str], weight: float, tier: str
) -> Concept:
    label = label.strip()
    if not label:
        raise CurationRefused(LABEL_MISSING_MESSAGE)
    rank = (question.concepts.aggregate(top=Max("rank"))["top"] or 0) + 1
    try:
        with transaction.atomic():
            return Concept.objects.create(
                question=question,
                label=label,
                variants=variants,
                weight=_weight_check(weight),
                tier=tier,
                origin=Concept.Origin.CURATED,
                rank=rank,
            )
    except IntegrityError as error:
        raise CurationRefused(LABEL_TAKEN_MESSAGE) from error


@dataclass(frozen=True, slots=True)
class Rescored:
    item: SessionItem
    before: float | None
    after: float | None
    # The review-log entries of what the re-score moved (none when it moved nothing).
    changes: tuple[ReviewChange, ...] = ()

    @property
    def ticks_moved(self) -> list[ReviewChange]:
        return [change for change in self.changes if change.concept_label]

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


def answers_to_earlier_wordings(*, question: Question, sessions):
    """Answers to `question` in `sessions` that were asked another wording of it.

    The owner may reword a question into another one; its current concepts say nothing of an
    answer to the wording the candidate read, so re-scoring leaves such answers as scored.
    """
    return (
        SessionItem.objects.answered()
        .asked_earlier_wording()
        .filter(question=question, session__in=sessions)
        .select_related("session__candidate")
        .order_by("pk")
    )


def transcripts_rescore(*, question: Question, sessions, by) -> list[Rescored]:
    """Re-score every answer to `question`'s current wording in `sessions` with the current
    concepts (answers_to_earlier_wordings are left alone, and a question skipped unanswered has
    nothing to score).

    The concepts and model answers are read once, as they stand when the re-score starts; each
    answer is then locked, scored and written in a transaction of its own, with review-log
    entries by `by` for each score and tick the re-score moved.
    """
    results = []
    scored = Question.objects.prefetch_related("concepts", "model_answers").get(pk=question.pk)
    item_ids = (
        SessionItem.objects.answered()
        .asked_current_wording()
        .filter(question=question, session__in=sessions)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for item_id in item_ids:
        with transaction.atomic():
            item = (
                SessionItem.objects.select_for_update(of=("self", "session", "question"))
                .select_related("session__candidate", "question")
                .get(pk=item_id)
            )
            item.question = scored
            before = scoring_shown(item)
            item_score_apply(item=item, level=item.session.level)
            item.save(update_fields=SCORE_FIELDS)
            _verdicts_reconcile(item)
            item_reviewed_score_refresh(item)
            changes = ReviewChange.objects.bulk_create(
                rescore_changes(
                    item=item,
                    before=before,
                    reason=CURATED_RESCORE_REASON,
                    now=timezone.now(),
                    by=by,
                )
            )
        results.append(Rescored(item, before.score, item.score, tuple(changes)))
    return results


def _verdicts_reconcile(item: SessionItem) -> None:
    """After a re-score, a human verdict the scorer now agrees with is no longer a correction."""
    matched = set(item.matched_labels)
    labels = matched | set(item.missed)
    for verdict in item.concept_verdicts.all():
        auto_present = verdict.concept_label in matched
        if verdict.concept_label not in labels or verdict.present == auto_present:
            verdict.delete()
        elif verdict.auto_present != auto_present:
            verdict.auto_present = auto_present
            verdict.save(update_fields=["auto_present"])
