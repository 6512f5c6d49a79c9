"""Fixtures of the candidate page tests: a logged-in client and a clock inside the session."""

from datetime import timedelta

import pytest
import time_machine

from tests.interviews.conftest import START


@pytest.fixture
def logged_in(client, candidate):
    client.force_login(candidate)
    return client


@pytest.fixture
def clock():
    """Ten seconds into the session that start_session starts; tests travel further themselves."""
    with time_machine.travel(START + timedelta(seconds=10), tick=False):
        yield
