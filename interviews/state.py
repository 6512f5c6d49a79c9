"""The one state machine of sessions and their items: which status may follow which."""

from __future__ import annotations

from interviews.models import InterviewSession, SessionItem

SessionStatus = InterviewSession.Status
ItemStatus = SessionItem.Status

SESSION_TRANSITIONS: dict[str, frozenset[str]] = {
    SessionStatus.CREATED: frozenset(
        {SessionStatus.IN_PROGRESS, SessionStatus.EXPIRED, SessionStatus.ABANDONED}
    ),
    SessionStatus.IN_PROGRESS: frozenset(
        {SessionStatus.COMPLETED, SessionStatus.EXPIRED, SessionStatus.ABANDONED}
    ),
    SessionStatus.COMPLETED: frozenset(),
    SessionStatus.EXPIRED: frozenset(),
    SessionStatus.ABANDONED: frozenset(),
}

ITEM_TRANSITIONS: dict[str, frozenset[str]] = {
    ItemStatus.PENDING: frozenset({ItemStatus.ACTIVE, ItemStatus.SKIPPED}),
    ItemStatus.ACTIVE: frozenset({ItemStatus.SUBMITTED, ItemStatus.TIMED_OUT, ItemStatus.SKIPPED}),
    ItemStatus.SUBMITTED: frozenset(),
    ItemStatus.TIMED_OUT: frozenset(),
    ItemStatus.SKIPPED: frozenset(),
}


class InvalidTransition(Exception):
    """A status change the state machine does not allow."""

    def __init__(self, kind: str, current: str, target: str) -> None:
        self.kind, self.current, self.target = kind, current, target
        super().__init__(f"A {kind} cannot go from {current!r} to {target!r}.")


def session_can_move(current: str, target: str) -> bool:
    return target in SESSION_TRANSITIONS[current]


def item_can_move(current: str, target: str) -> bool:
    return target in ITEM_TRANSITIONS[current]


def session_move(session: InterviewSession, target: str) -> None:
    """Set the session's status to target, or raise InvalidTransition. The caller saves."""
    if not session_can_move(session.status, target):
        raise InvalidTransition("session", session.status, target)
    session.status = target


def item_move(item: SessionItem, target: str) -> None:
    """Set the item's status to target, or raise InvalidTransition. The caller saves."""
    if not item_can_move(item.status, target):
        raise InvalidTransition("session item", item.status, target)
    item.status = target
