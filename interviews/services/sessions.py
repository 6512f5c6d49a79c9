"""Whole sessions, orchestrated on the locked engine core: create, start, stop, catch up, sweep.

Stopping comes two ways: the candidate abandons (session_abandon), or the interviewer closes a
session the candidate left running (session_close).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from content.models import Topic
from interviews import state
from interviews.models import (
    InterviewSession,
    InterviewSessionQuerySet,
    ReviewChange,
    SessionInvite,
    SessionItem,
)
from interviews.services.draw import questions_draw
from interviews.services.engine import (
    FinishResult,
    item_activate,
    item_finish,
    session_finish,
)
from interviews.timing import grace_seconds

logger = logging.getLogger(__name__)

Item = SessionItem.Status
Session = InterviewSession.Status


def practice_session_create(
    *,
    candidate,
    topics: Sequence[Topic],
    count: int,
    level: str,
    per_item_seconds: int | None,
    total_seconds: int | None,
    feedback_mode: str,
    rng: random.Random | None = None,
) -> InterviewSession:
    """Draw `count` questions for the candidate and store a session that has not started yet."""
    questions = questions_draw(topics=topics, count=count, candidate=candidate, rng=rng)
    with transaction.atomic():
        session = InterviewSession.objects.create(
            kind=InterviewSession.Kind.PRACTICE,
            candidate=candidate,
            created_by=candidate,
            title="Practice: " + ", ".join(topic.name for topic in topics),
            level=level,
            per_item_seconds=per_item_seconds,
            total_seconds=total_seconds,
            feedback_mode=feedback_mode,
        )
        SessionItem.objects.bulk_create(
            SessionItem(
                session=session, question=question, position=position, asked_text=question.text
            )
            for position, question in enumerate(questions, start=1)
        )
    return session


def session_start(*, session: InterviewSession, now: datetime | None = None) -> SessionItem | None:
    """Start the clock and the first question; starting twice changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        if locked.status == Session.CREATED:
            state.session_move(locked, Session.IN_PROGRESS)
            locked.started_at = now
            if locked.total_seconds:
                locked.deadline_at = now + timedelta(seconds=locked.total_seconds)
            locked.save(update_fields=["status", "started_at", "deadline_at"])
        item = item_activate(session=locked, now=now)
    session.refresh_from_db()
    return item


def session_abandon(
    *,
    session: InterviewSession,
    position: int | None = None,
    text: str | None = None,
    revision: int | None = None,
    now: datetime | None = None,
) -> FinishResult | None:
    """The candidate stops early: the running answer is submitted as it is, the rest skipped.

    `text` is the answer the page showed for question `position`: it is kept as a submit keeps
    it, and only for that question while it runs (a stale tab's text never lands on another).
    Returns how the running question finished (None: none was running).
    """
    now = now or timezone.now()
    finished = None
    active = session.items.filter(status=Item.ACTIVE).values_list("pk", "position").first()
    if active is not None:
        item_id, active_position = active
        if position != active_position:
            text = revision = None
        finished = item_finish(item_id=item_id, text=text, revision=revision, now=now)
    # Another tab may have started the next question meanwhile: it ends too, as last saved.
    _session_end(session_id=session.pk, status=Session.ABANDONED, now=now)
    session.refresh_from_db()
    return finished


def session_close(*, session: InterviewSession, by, now: datetime | None = None) -> bool:
    """The interviewer ends a running session: the running answer is finished with its last
    autosaved text, unreached questions are skipped, and the review log records who and when.

    Deadlines that had already passed apply first, so a session whose time ran out reads Expired.
    True when this call ended the session; False when it had ended already, so a repeat, or a race
    with the candidate's last submit or with the sweeper, changes nothing.
    """
    now = now or timezone.now()
    session_catch_up(session=session, now=now)
    ended = _session_end(session_id=session.pk, status=Session.ENDED, now=now, by=by)
    session.refresh_from_db()
    return ended


def _session_end(*, session_id: int, status: str, now: datetime, by=None) -> bool:
    """End a running session as `status`, finishing the question running with its last autosaved
    text; with `by` (the interviewer), the review log records it. False when it had ended already."""
    ended = None
    while ended is None:
        with transaction.atomic():
            ended = _session_end_locked(session_id=session_id, status=status, now=now, by=by)
    return ended


def _session_end_locked(*, session_id: int, status: str, now: datetime, by) -> bool | None:
    # The engine's lock order, the running question first and then the session, so a submit, a
    # save or the sweeper on that question waits for this instead of deadlocking with it.
    active = (
        SessionItem.objects.select_for_update()
        .filter(session_id=session_id, status=Item.ACTIVE)
        .values_list("pk", flat=True)
        .first()
    )
    session = InterviewSession.objects.select_for_update().get(pk=session_id)
    if not session.is_running:
        return False
    if session.items.filter(status=Item.ACTIVE).exclude(pk=active).exists():
        # A question started between the two locks: let both go and lock it first. Each retry
        # means one more question was reached, so this ends.
        return None
    previous = session.status
    session_finish(session=session, status=status, now=now)
    if active is not None:
        # After the status moved, so finishing the last question cannot close it as Completed.
        item_finish(item_id=active, now=now)
    if by is None:
        return True
    ReviewChange.objects.create(
        session=session,
        changed_by=by,
        changed_at=now,
        field=ReviewChange.Field.STATUS,
        old_value=previous,
        new_value=status,
    )
    # An invite nobody opened would lead to a finished session: the link is withdrawn with it.
    SessionInvite.objects.filter(
        session_id=session_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    return True


def session_catch_up(*, session: InterviewSession, now: datetime | None = None) -> None:
    """Apply the deadlines that passed while nobody was looking (called on the next request)."""
    now = now or timezone.now()
    if not session.is_running:
        return
    cutoff = now - timedelta(seconds=grace_seconds())
    for item_id in session.items.past_deadline(cutoff).values_list("pk", flat=True):
        item_finish(item_id=item_id, now=now)
    if session.deadline_at is not None and session.deadline_at < cutoff:
        _session_expire(session_id=session.pk, now=now)
    session.refresh_from_db()


def sessions_catch_up(*, sessions: InterviewSessionQuerySet, now: datetime | None = None) -> None:
    """session_catch_up for those of `sessions` with a deadline passed, found in one query, so a
    page polling many sessions pays per session only when there is something to apply."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=grace_seconds())
    late_items = SessionItem.objects.past_deadline(cutoff).values("session_id")
    late = sessions.running().filter(Q(pk__in=late_items) | Q(deadline_at__lt=cutoff))
    for session in late:
        try:
            session_catch_up(session=session, now=now)
        except Exception:
            # As in the sweeper: one broken item (a scorer bug) must not take the page down for
            # every other session; this one stays running until it can be finished.
            logger.exception("Page could not catch up session %s", session.pk)


def expired_sweep(*, now: datetime | None = None) -> tuple[int, int]:
    """Finish every item and session whose deadline plus grace has passed: (items, sessions)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=grace_seconds())
    items = 0
    touched: set[int] = set()
    for item_id, session_id in SessionItem.objects.past_deadline(cutoff).values_list(
        "pk", "session_id"
    ):
        try:
            items += item_finish(item_id=item_id, now=now).finished_now
        except Exception:
            # One broken item (say, a scorer bug) must not keep every other session open.
            logger.exception("Sweeper could not finish session item %s", item_id)
            continue
        touched.add(session_id)
    for session_id in InterviewSession.objects.past_deadline(cutoff).values_list("pk", flat=True):
        try:
            _session_expire(session_id=session_id, now=now)
        except Exception:
            # Its running question is the broken item above, met again: the others still expire.
            logger.exception("Sweeper could not expire session %s", session_id)
            continue
        touched.add(session_id)
    # Finishing a session's last item also closes the session, so count what is closed now.
    sessions = InterviewSession.objects.filter(pk__in=touched).exclude(
        status__in=state.SESSION_RUNNING
    )
    return items, sessions.count()


def _session_expire(*, session_id: int, now: datetime) -> bool:
    active = (
        SessionItem.objects.filter(session_id=session_id, status=Item.ACTIVE)
        .values_list("pk", flat=True)
        .first()
    )
    if active is not None:
        item_finish(item_id=active, now=now)
    with transaction.atomic():
        session = InterviewSession.objects.select_for_update().get(pk=session_id)
        if not session.is_running:
            return False
        session_finish(session=session, status=Session.EXPIRED, now=now)
        return True
