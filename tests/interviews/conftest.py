"""Fixtures for the session engine: a started practice session at a known time."""

import datetime as dt

import pytest
import time_machine

# A fixed start just before midnight, so every deadline test also crosses a day boundary.
START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)


@pytest.fixture
def start_session(start_practice):
    """start_session(count=2, per_item_seconds=180, ...) -> (session, first item), started at START."""

    def start(
        count: int = 2, *, per_item_seconds: int | None = 180, at: dt.datetime = START, **options
    ):
        with time_machine.travel(at, tick=False):
            return start_practice(count, per_item_seconds=per_item_seconds, **options)

    return start
