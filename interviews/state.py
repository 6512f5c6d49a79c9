"""The statuses of sessions and items, their groups, and which status may follow which.

Everything that asks "is it running?", "was it answered?" or "is it finished?" uses the groups
below, so the answer cannot drift between a page, a query and an export. The module imports no
model: the models take their choices from here.
"""

from __future__ import annotations

from typing import Protocol

from django.db import models


class SessionStatus(models.TextChoices):
    CREATED = "created", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    EXPIRED = "expired", "Expired"
    ABANDONED = "abandoned", "Abandoned"
    # The interviewer ended it, say after the candidate walked away: not the candidate's doing.
    ENDED = "ended", "Ended by the interviewer"


class ItemStatus(models.TextChoices):
    PENDING = "pending", "Not reached"
    ACTIVE = "active", "Being answered"
    SUBMITTED = "submitted", "Submitted"
    TIMED_OUT = "timed_out", "Time ran out"
    SKIPPED = "skipped", "Skipped"


# A session that may still change: not started, or started and not ended.
SESSION_RUNNING: tuple[str, ...] = (SessionStatus.CREATED, SessionStatus.IN_PROGRESS)
# An item the candidate has not left yet: still to come, or on screen now.
ITEM_OPEN: tuple[str, ...] = (ItemStatus.PENDING, ItemStatus.ACTIVE)
# An item that holds an answer and a score (a timed-out item keeps what was saved in time).
ITEM_ANSWERED: tuple[str, ...] = (ItemStatus.SUBMITTED, ItemStatus.TIMED_OUT)
# An item the candidate has seen: on screen now, or answered.
ITEM_SHOWN: tuple[str, ...] = (ItemStatus.ACTIVE, *ITEM_ANSWERED)
# An item that will not change any more: answered, or skipped when the session ended.
ITEM_FINISHED: tuple[str, ...] = (*ITEM_ANSWERED, ItemStatus.SKIPPED)

SESSION_TRANSITIONS: dict[str, frozenset[str]] = {
    SessionStatus.CREATED: frozenset(
        {
            SessionStatus.IN_PROGRESS,
            SessionStatus.EXPIRED,
            SessionStatus.ABANDONED,
            SessionStatus.ENDED,
        }
    ),
    SessionStatus.IN_PROGRESS: frozenset(
        {
            SessionStatus.COMPLETED,
            SessionStatus.EXPIRED,
            SessionStatus.ABANDONED,
            SessionStatus.ENDED,
        }
    ),
    SessionStatus.COMPLETED: frozenset(),
    SessionStatus.EXPIRED: frozenset(),
    SessionStatus.ABANDONED: frozenset(),
    SessionStatus.ENDED: frozenset(),
}

ITEM_TRANSITIONS: dict[str, frozenset[str]] = {
    ItemStatus.PENDING: frozenset({ItemStatus.ACTIVE, ItemStatus.SKIPPED}),
    ItemStatus.ACTIVE: frozenset({ItemStatus.SUBMITTED, ItemStatus.TIMED_OUT, ItemStatus.SKIPPED}),
    ItemStatus.SUBMITTED: frozenset(),
    ItemStatus.TIMED_OUT: frozenset(),
    ItemStatus.SKIPPED: frozenset(),
}


class HasStatus(Protocol):
    status: str


class InvalidTransition(Exception):
    """A status change the state machine does not allow."""

    def __init__(self, kind: str, current: str, target: str) -> None:
        self.kind, self.current, self.target = kind, current, target
        super().__init__(f"A {kind} cannot go from {current!r} to {target!r}.")


def session_can_move(current: str, target: str) -> bool:
    return target in SESSION_TRANSITIONS[current]


def item_can_move(current: str, target: str) -> bool:
    return target in ITEM_TRANSITIONS[current]


def session_move(session: HasStatus, target: str) -> None:
    """Set the session's status to target, or raise InvalidTransition. The caller saves."""
    if not session_can_move(session.status, target):
        raise InvalidTransition("session", session.status, target)
    session.status = target


def item_move(item: HasStatus, target: str) -> None:
    """Set the item's status to target, or raise InvalidTransition. The caller saves."""
    if not item_can_move(item.status, target):
        raise InvalidTransition("session item", item.status, target)
    item.status = target
