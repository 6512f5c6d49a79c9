"""What the candidate's review schedule says today: how many questions are due, which, and when next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from interviews import state
from interviews.access import questions_held_for_interview
from interviews.models import InterviewSession, ReviewCard, SessionItem, day_end

DUE_SHOWN = 50


@dataclass(frozen=True, slots=True)
class DueSummary:
    due_count: int
    next_due_at: datetime | None  # the first question due after today


def due_summary(candidate, *, now: datetime) -> DueSummary:
    """How many questions are due today, and when the next one after today is due (one query)."""
    end = day_end(now)
    held = questions_held_for_interview(candidate)
    totals = (
        ReviewCard.objects.for_candidate(candidate)
        .in_published_banks()
        .exclude(question_id__in=held)
        .aggregate(
            due_count=Count("id", filter=Q(due_at__lt=end)),
            next_due_at=Min("due_at", filter=Q(due_at__gte=end)),
        )
    )
    return DueSummary(due_count=totals["due_count"], next_due_at=totals["next_due_at"])


def due_cards(candidate, *, now: datetime, limit: int = DUE_SHOWN) -> list[ReviewCard]:
    """The first `limit` cards due today, most overdue first, with their questions and topics.

    Each has answer_count: the candidate's practice answers to the question. Not review_count,
    which also counts a question skipped after it was shown, and, on cards older than that rule,
    the times it was skipped without ever being reached.
    """
    held = questions_held_for_interview(candidate)
    answers = (
        SessionItem.objects.filter(
            question_id=OuterRef("question_id"),
            session__candidate=candidate,
            session__kind=InterviewSession.Kind.PRACTICE,
            status__in=state.ITEM_ANSWERED,
        )
        .order_by()
        .values("question_id")
        .annotate(count=Count("id"))
        .values("count")
    )
    return list(
        ReviewCard.objects.for_candidate(candidate)
        .in_published_banks()
        .due(now)
        .exclude(question_id__in=held)
        .annotate(answer_count=Coalesce(Subquery(answers), 0))
        .select_related("question__topic")[:limit]
    )
