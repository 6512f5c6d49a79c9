"""The candidate ends a session early: whatever another tab does meanwhile, nothing stays running."""

import pytest

from interviews.models import InterviewSession, SessionItem
from interviews.services import item_activate, session_abandon
from interviews.services import sessions as sessions_module

pytestmark = pytest.mark.django_db

S = InterviewSession.Status
I = SessionItem.Status  # noqa: E741


def statuses(session):
    return list(session.items.order_by("position").values_list("status", flat=True))


def test_a_question_another_tab_starts_while_ending_is_finished_too(start_practice, monkeypatch):
    """Tab A ends the session while tab B, on the same session, presses Next question."""
    session, first = start_practice(3)
    real_finish = sessions_module.item_finish

    def finish_then_the_other_tab_moves_on(**kwargs):
        result = real_finish(**kwargs)
        item_activate(session=session)
        return result

    monkeypatch.setattr(sessions_module, "item_finish", finish_then_the_other_tab_moves_on)
    session_abandon(session=session, position=1, text="An image.", revision=1)
    assert session.status == S.ABANDONED
    # Left active, it would go on taking saves and a submit in a session that has ended.
    assert statuses(session) == [I.SUBMITTED, I.SUBMITTED, I.SKIPPED]
