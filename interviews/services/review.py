"""Reviewing a finished session: concept verdicts, score overrides, notes, and the change log."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from interviews.models import ConceptVerdict, InterviewSession, ReviewChange, SessionItem

OVERRIDE_REASON_MISSING_MESSAGE = "Give a reason for overriding the automatic score."
OVERRIDE_OUT_OF_RANGE_MESSAGE = "A score must be a number from 0 to 100."
CONCEPT_UNKNOWN_MESSAGE = "That concept was not part of this question's scoring."
ITEM_NOT_FINISHED_MESSAGE = "Only a finished answer can be reviewed."
RECOMMENDATION_UNKNOWN_MESSAGE = "Choose one of the listed recommendations."

Field = ReviewChange.Field


class ReviewRefused(ValueError):
    """A review change that cannot be stored; the message is for the interviewer."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def item_concept_labels(item: SessionItem) -> list[str]:
    """Every concept the item was judged against: matched ones first, then missed, no repeats."""
    return list(dict.fromkeys(item.matched_labels + list(item.missed)))


def reviewed_score(
    *,
    automatic: float,
    weights: Mapping[str, float],
    auto_present: Collection[str],
    present: Collection[str],
) -> float | None:
    """The automatic score moved by each corrected concept's share of the weights, 0-100.

    A concept ticked by hand adds its weight's share of 100 points, one unticked takes it away.
    None when the ticks agree with the scorer, so an unreviewed item keeps its automatic score.
    """
    if set(present) == set(auto_present):
        return None
    total = sum(weights.values())
    if not total:
        return automatic
    gained = sum(weights.get(label, 0.0) for label in set(present) - set(auto_present))
    lost = sum(weights.get(label, 0.0) for label in set(auto_present) - set(present))
    return round(min(100.0, max(0.0, automatic + 100.0 * (gained - lost) / total)), 1)


def item_reviewed_score_refresh(item: SessionItem) -> None:
    """Recompute item.score_reviewed from its verdicts and the question's weights, and save it."""
    labels = item_concept_labels(item)
    auto_present = set(item.matched_labels)
    present = set(auto_present)
    for verdict in item.concept_verdicts.all():
        (present.add if verdict.present else present.discard)(verdict.concept_label)
    # A concept ticked present that the latest scoring no longer judged (a new extraction dropped
    # it before a re-score) is still a person's judgement: it counts as one more concept the
    # answer was judged against. One ticked missing there moves nothing: no credit is left to take.
    labels += sorted(present - set(labels))
    stored = {concept.label: concept.weight for concept in item.question.concepts.all()}
    # A concept renamed or removed since scoring still counts, at the default weight.
    weights = {label: stored.get(label, 1.0) for label in labels}
    item.score_reviewed = (
        None
        if item.score is None
        else reviewed_score(
            automatic=item.score, weights=weights, auto_present=auto_present, present=present
        )
    )
    item.save(update_fields=["score_reviewed"])


def concept_verdict_set(
    *, item: SessionItem, label: str, present: bool, by, now: datetime | None = None
) -> ConceptVerdict | None:
    """Record that `label` is (or is not) in the answer; agreeing with the scorer clears the verdict.

    `label` is a concept the answer was judged against, or one a verdict already names: a person
    may change or withdraw a tick on a concept that a later re-score no longer judged.
    """
    if not item.is_finished:
        raise ReviewRefused(ITEM_NOT_FINISHED_MESSAGE)
    now = now or timezone.now()
    auto_present = label in item.matched_labels
    with transaction.atomic():
        verdict = (
            ConceptVerdict.objects.select_for_update()
            .filter(item=item, concept_label=label)
            .first()
        )
        if verdict is None and label not in item_concept_labels(item):
            raise ReviewRefused(CONCEPT_UNKNOWN_MESSAGE)
        old = verdict.present if verdict else auto_present
        if old == present:
            return verdict
        if present == auto_present:
            verdict.delete()
            verdict = None
        elif verdict is not None:
            # A re-score made the scorer agree with this verdict, and the person turns it round.
            verdict.present, verdict.auto_present = present, auto_present
            verdict.decided_by, verdict.decided_at = by, now
            verdict.save(update_fields=["present", "auto_present", "decided_by", "decided_at"])
        else:
            verdict = ConceptVerdict.objects.create(
                item=item,
                concept_label=label,
                present=present,
                auto_present=auto_present,
                decided_by=by,
                decided_at=now,
            )
        ReviewChange.objects.create(
            session_id=item.session_id,
            item=item,
            changed_by=by,
            changed_at=now,
            field=Field.CONCEPT,
            concept_label=label,
            old_value=old,
            new_value=present,
        )
        item_reviewed_score_refresh(item)
    return verdict


def score_override_set(
    *, item: SessionItem, score: float | None, reason: str, by, now: datetime | None = None
) -> None:
    """Set (or, with score None, clear) the human score of an item; the automatic one stays."""
    if not item.is_finished:
        raise ReviewRefused(ITEM_NOT_FINISHED_MESSAGE)
    reason = reason.strip()
    if score is not None:
        if not 0 <= score <= 100:
            raise ReviewRefused(OVERRIDE_OUT_OF_RANGE_MESSAGE)
        if not reason:
            raise ReviewRefused(OVERRIDE_REASON_MISSING_MESSAGE)
    now = now or timezone.now()
    with transaction.atomic():
        item = SessionItem.objects.select_for_update().get(pk=item.pk)
        old = item.score_override
        if old == score and (score is None or reason == item.override_reason):
            return
        item.score_override = score
        item.override_reason = reason if score is not None else ""
        item.save(update_fields=["score_override", "override_reason"])
        ReviewChange.objects.create(
            session_id=item.session_id,
            item=item,
            changed_by=by,
            changed_at=now,
            field=Field.SCORE_OVERRIDE,
            old_value=old,
            new_value=score,
            reason=reason,
        )


def session_review_update(
    *,
    session: InterviewSession,
    notes: str,
    recommendation: str,
    by,
    now: datetime | None = None,
) -> list[str]:
    """Store the interviewer's notes and recommendation, logging each field that changed."""
    if recommendation not in InterviewSession.Recommendation.values:
        raise ReviewRefused(RECOMMENDATION_UNKNOWN_MESSAGE)
    now = now or timezone.now()
    changed = []
    with transaction.atomic():
        session = InterviewSession.objects.select_for_update().get(pk=session.pk)
        for field, new in ((Field.NOTES, notes), (Field.RECOMMENDATION, recommendation)):
            old = getattr(session, field)
            if old == new:
                continue
            setattr(session, field, new)
            changed.append(str(field))
            ReviewChange.objects.create(
                session=session,
                changed_by=by,
                changed_at=now,
                field=field,
                old_value=old,
                new_value=new,
            )
        if changed:
            session.save(update_fields=changed)
    return changed
