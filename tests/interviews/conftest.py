"""Fixtures for the session engine: a started practice session at a known time."""

import datetime as dt

import pytest
import time_machine

from interviews.services import practice_session_create, session_start

# A fixed start just before midnight, so every deadline test also crosses a day boundary.
START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)


@pytest.fixture
def start_session(candidate, make_question):
    """start_session(count=2, per_item_seconds=180, ...) -> (session, first item), started at START."""

    def start(
        count: int = 2,
        *,
        per_item_seconds: int | None = 180,
        total_seconds: int | None = None,
        feedback_mode: str = "after_each",
        at: dt.datetime = START,
        user=None,
    ):
        questions = [make_question("docker", number) for number in range(1, count + 1)]
        with time_machine.travel(at, tick=False):
            session = practice_session_create(
                candidate=user or candidate,
                topics=[questions[0].topic],
                count=count,
                level="expert",
                per_item_seconds=per_item_seconds,
                total_seconds=total_seconds,
                feedback_mode=feedback_mode,
            )
            item = session_start(session=session)
        return session, item

    return start
