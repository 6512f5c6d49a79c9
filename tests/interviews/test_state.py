"""The allowed-transitions tables, and a clear error for anything else."""

import pytest

from interviews.models import InterviewSession, SessionItem
from interviews.state import (
    ITEM_TRANSITIONS,
    SESSION_TRANSITIONS,
    InvalidTransition,
    item_move,
    session_move,
)

S = InterviewSession.Status
I = SessionItem.Status  # noqa: E741

SESSION_ALLOWED = {
    (S.CREATED, S.IN_PROGRESS),
    (S.CREATED, S.EXPIRED),
    (S.CREATED, S.ABANDONED),
    (S.CREATED, S.ENDED),
    (S.IN_PROGRESS, S.COMPLETED),
    (S.IN_PROGRESS, S.EXPIRED),
    (S.IN_PROGRESS, S.ABANDONED),
    (S.IN_PROGRESS, S.ENDED),
}
ITEM_ALLOWED = {
    (I.PENDING, I.ACTIVE),
    (I.PENDING, I.SKIPPED),
    (I.ACTIVE, I.SUBMITTED),
    (I.ACTIVE, I.TIMED_OUT),
    (I.ACTIVE, I.SKIPPED),
}


def test_tables_cover_every_status():
    assert set(SESSION_TRANSITIONS) == set(S.values)
    assert set(ITEM_TRANSITIONS) == set(I.values)


@pytest.mark.parametrize("current", S.values)
@pytest.mark.parametrize("target", S.values)
def test_session_transitions(current, target):
    session = InterviewSession(status=current)
    if (current, target) in SESSION_ALLOWED:
        session_move(session, target)
        assert session.status == target
    else:
        with pytest.raises(InvalidTransition, match=f"from '{current}' to '{target}'"):
            session_move(session, target)
        assert session.status == current


@pytest.mark.parametrize("current", I.values)
@pytest.mark.parametrize("target", I.values)
def test_item_transitions(current, target):
    item = SessionItem(status=current)
    if (current, target) in ITEM_ALLOWED:
        item_move(item, target)
        assert item.status == target
    else:
        with pytest.raises(InvalidTransition) as raised:
            item_move(item, target)
        assert raised.value.current == current
        assert raised.value.target == target
        assert item.status == current
