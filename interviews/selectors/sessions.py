"""Lists of sessions and the session score, as the candidate's and the interviewer's pages read them.

Every score a page or an export shows comes from InterviewSessionQuerySet.with_scores(), the one
definition: the mean over all items of each final score, an item without a score counting 0.
"""

from __future__ import annotations

from django.db.models import Q
from django.db.models.functions import Coalesce

from content.models import Level
from interviews.access import sessions_invited
from interviews.models import InterviewSession, InterviewSessionQuerySet


def session_score(session: InterviewSession) -> float | None:
    """The session's score (0-100), or None for a session without items."""
    return (
        InterviewSession.objects.filter(pk=session.pk)
        .with_scores()
        .values_list("average_score", flat=True)
        .get()
    )


def sessions_of_candidate(user) -> InterviewSessionQuerySet:
    """The candidate's own sessions, the last taken first (InterviewSession.taken_at), with
    their scores."""
    taken_at = Coalesce("started_at", "created_at")
    return (
        InterviewSession.objects.for_candidate(user).with_scores().order_by(taken_at.desc(), "-id")
    )


def last_practice_level(candidate) -> str:
    """The level of the candidate's latest practice session (expert before any): what a practice
    set-up starts from, so that a review is judged at the level the candidate practises at."""
    level = (
        InterviewSession.objects.filter(candidate=candidate, kind=InterviewSession.Kind.PRACTICE)
        .order_by("-created_at", "-id")
        .values_list("level", flat=True)
        .first()
    )
    return level or Level.EXPERT


def sessions_of_interviewer(
    user, *, filters: dict | None = None, order=None
) -> InterviewSessionQuerySet:
    """The invited sessions an interviewer may see, with scores, narrowed by the list's filters."""
    sessions = sessions_invited(user).select_related("candidate").with_scores()
    if filters:
        sessions = _sessions_filter(sessions, filters)
    # Newest first unless `order` says otherwise, and always spelt out: with_scores() groups
    # rows, and a grouped query ignores the model's default ordering.
    return sessions.order_by(*([order] if order is not None else []), "-created_at", "-id")


def sessions_running_of_interviewer(user) -> InterviewSessionQuerySet:
    """The interviewer's invited sessions that have not ended yet (the live view), newest first."""
    # Spelt out: the live view adds with_scores(), and a grouped query ignores the default order.
    return (
        sessions_invited(user).running().select_related("candidate").order_by("-created_at", "-id")
    )


def _sessions_filter(sessions: InterviewSessionQuerySet, data: dict) -> InterviewSessionQuerySet:
    if data.get("status"):
        sessions = sessions.filter(status=data["status"])
    if text := data.get("candidate"):
        sessions = sessions.filter(
            Q(candidate_name__icontains=text)
            | Q(candidate_email__icontains=text)
            | Q(guest_name__icontains=text)
            | Q(candidate__username__icontains=text)
        )
    if data.get("date_from"):
        sessions = sessions.filter(created_at__date__gte=data["date_from"])
    if data.get("date_to"):
        sessions = sessions.filter(created_at__date__lte=data["date_to"])
    if data.get("score_min") is not None:
        sessions = sessions.filter(average_score__gte=data["score_min"])
    if data.get("score_max") is not None:
        sessions = sessions.filter(average_score__lte=data["score_max"])
    return sessions
