"""Starting and finishing one question: the locked, repeat-safe heart of the session engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.db import transaction
from django.utils import timezone

from interviews import state
from interviews.models import InterviewSession, SessionItem
from interviews.services.scoring import item_score_apply
from interviews.services.timing import is_past_grace, item_deadline

FinishReason = Literal["submit", "timer", "sweep"]

Item = SessionItem.Status
Session = InterviewSession.Status


@dataclass(frozen=True, slots=True)
class FinishResult:
    """What item_finish did: the item as stored, and whether this call was the one that finished it."""

    item: SessionItem
    finished_now: bool
    text_refused: bool = False


def item_activate(*, session: InterviewSession, now: datetime | None = None) -> SessionItem | None:
    """Start the next question (or return the one already running); None when none is left."""
    now = now or timezone.now()
    with transaction.atomic():
        session = InterviewSession.objects.select_for_update().get(pk=session.pk)
        if session.status != Session.IN_PROGRESS:
            return None
        items = list(
            session.items.filter(status__in=[Item.ACTIVE, Item.PENDING]).order_by("position")
        )
        active = next((item for item in items if item.status == Item.ACTIVE), None)
        if active is not None or not items:
            return active
        if session.deadline_at is not None and now >= session.deadline_at:
            from interviews.services.sessions import session_finish

            session_finish(session=session, status=Session.EXPIRED, now=now)
            return None
        item = items[0]
        state.item_move(item, Item.ACTIVE)
        item.started_at = now
        item.deadline_at = item_deadline(
            started_at=now,
            per_item_seconds=session.per_item_seconds,
            session_deadline=session.deadline_at,
        )
        item.save(update_fields=["status", "started_at", "deadline_at"])
        return item


def item_finish(
    *,
    item_id: int,
    reason: FinishReason = "submit",
    text: str | None = None,
    revision: int | None = None,
    now: datetime | None = None,
) -> FinishResult:
    """Finish an active item once, score it, and close the session after its last item.

    Shared by the submit button, the browser's timer and the sweeper. The row lock (or, on
    SQLite, the IMMEDIATE transaction) serialises callers; every caller after the first finds the
    item finished and gets it back unchanged, so repeats are harmless.
    """
    now = now or timezone.now()
    with transaction.atomic():
        item = (
            SessionItem.objects.select_for_update(of=("self",))
            .select_related("session", "question")
            .get(pk=item_id)
        )
        if item.status != Item.ACTIVE:
            return FinishResult(item=item, finished_now=False)
        late = is_past_grace(item.deadline_at, now=now)
        text_refused = text is not None and late
        newer = revision is None or revision > item.autosave_revision
        if text is not None and not late and newer:
            item.answer_text = text
            item.autosave_revision = (
                revision if revision is not None else item.autosave_revision + 1
            )
            item.autosaved_at = now
        timed_out = reason != "submit" or (item.deadline_at is not None and now >= item.deadline_at)
        state.item_move(item, Item.TIMED_OUT if timed_out else Item.SUBMITTED)
        item.finished_at = min(now, item.deadline_at) if item.deadline_at else now
        item_score_apply(item=item, level=item.session.level)
        item.save()
        _session_advance(session=item.session, now=now)
        return FinishResult(item=item, finished_now=True, text_refused=text_refused)


def _session_advance(*, session: InterviewSession, now: datetime) -> None:
    """Close the session when nothing is left to answer or its own deadline has passed."""
    from interviews.services.sessions import session_finish

    session = InterviewSession.objects.select_for_update().get(pk=session.pk)
    if not session.is_running:
        return
    if not session.items.filter(status__in=[Item.PENDING, Item.ACTIVE]).exists():
        session_finish(session=session, status=Session.COMPLETED, now=now)
    elif session.deadline_at is not None and now >= session.deadline_at:
        session_finish(session=session, status=Session.EXPIRED, now=now)
