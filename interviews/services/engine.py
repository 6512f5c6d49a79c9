"""The locked core of the session engine: start a question, finish it, end the session.

Each function here takes the row lock it needs (or, on SQLite, runs inside the IMMEDIATE
transaction), so callers may repeat them and race them safely. The orchestration in
services/sessions.py is built on these and nothing here calls back into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from content.scoring import MAX_ANSWER_CHARS
from interviews import state
from interviews.models import InterviewSession, SessionItem
from interviews.models.sessions import REVISION_MAX
from interviews.services.errors import ANSWER_TOO_LONG_MESSAGE, AnswerRefused
from interviews.services.item_scoring import item_score_apply
from interviews.services.schedule import schedules_record
from interviews.timing import is_past_grace, item_deadline

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
        items = list(session.items.filter(status__in=state.ITEM_OPEN).order_by("position"))
        active = next((item for item in items if item.status == Item.ACTIVE), None)
        if active is not None or not items:
            return active
        if session.deadline_at is not None and now >= session.deadline_at:
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
    text: str | None = None,
    revision: int | None = None,
    now: datetime | None = None,
) -> FinishResult:
    """Finish an active item once, score it, and close the session after its last item.

    Shared by the submit button, the browser's timer and the sweeper. The row lock (or, on
    SQLite, the IMMEDIATE transaction) serialises callers; every caller after the first finds the
    item finished and gets it back unchanged, so repeats are harmless. Text longer than the
    scorer takes is refused with AnswerRefused before anything is locked or changed.
    """
    if text is not None and len(text) > MAX_ANSWER_CHARS:
        raise AnswerRefused(ANSWER_TOO_LONG_MESSAGE)
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
            # A submit without a revision counts one up, never past what the column holds.
            item.autosave_revision = (
                revision if revision is not None else min(item.autosave_revision + 1, REVISION_MAX)
            )
            item.autosaved_at = now
        # The server's clock decides, never what the request says (the browser's timer, a sweep).
        timed_out = item.deadline_at is not None and now >= item.deadline_at
        state.item_move(item, Item.TIMED_OUT if timed_out else Item.SUBMITTED)
        item.finished_at = min(now, item.deadline_at) if item.deadline_at else now
        item_score_apply(item=item, level=item.session.level)
        item.save()
        schedules_record(session=item.session, items=[item], now=now)
        session_advance(session=item.session, now=now)
        return FinishResult(item=item, finished_now=True, text_refused=text_refused)


def session_advance(*, session: InterviewSession, now: datetime) -> None:
    """Close the session when nothing is left to answer or its own deadline has passed.

    Runs inside the caller's transaction, after an item finished.
    """
    session = InterviewSession.objects.select_for_update().get(pk=session.pk)
    if not session.is_running:
        return
    if not session.items.filter(status__in=state.ITEM_OPEN).exists():
        # It ended when its last answer did: at that deadline when the sweeper came by later.
        last = session.items.aggregate(last=Max("finished_at"))["last"]
        session_finish(session=session, status=Session.COMPLETED, now=min(now, last or now))
    elif session.deadline_at is not None and now >= session.deadline_at:
        session_finish(session=session, status=Session.EXPIRED, now=now)


def session_finish(*, session: InterviewSession, status: str, now: datetime | None = None) -> None:
    """End the session: unreached questions are skipped; an expired one ends at its deadline.

    A skipped question was never shown, so it feeds no review schedule: the candidate did not
    fail to recall it (docs/learning.md).

    The caller holds the session's row lock and has finished any active item first, or finishes
    it right after in the same transaction so that the status set here stands (session_close).
    """
    now = now or timezone.now()
    with transaction.atomic():
        state.session_move(session, status)
        session.items.filter(status=Item.PENDING).update(status=Item.SKIPPED)
        if status == Session.EXPIRED and session.deadline_at is not None:
            session.finished_at = min(now, session.deadline_at)
        else:
            session.finished_at = now
        session.save(update_fields=["status", "finished_at"])
