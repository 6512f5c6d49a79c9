"""One address trying a password against many usernames is paused too, at a higher limit."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

LOCKED_TEXT = "Too many failed log-in attempts"
ACCOUNT_TEXT = "To protect this account"
ADDRESS_TEXT = "Too many log-ins failed from your network, across several accounts"
SPRAYER = "203.0.113.9"
NEIGHBOUR = "198.51.100.7"
START = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.25  # hours
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 5
    return 5


def log_in(username: str, password: str, *, address: str = SPRAYER):
    return Client(REMOTE_ADDR=address).post(
        reverse("login"), {"username": username, "password": password}
    )


def spray(usernames) -> list[int]:
    """One guessed password against each username, from one address: the status codes."""
    return [log_in(username, "Summer2026!").status_code for username in usernames]


def test_one_address_spraying_many_usernames_is_paused_and_only_that_address(
    candidate, other_user, limits
):
    with time_machine.travel(START, tick=False):
        # Never two failures on one username: the username-and-address limit of 3 never trips.
        assert spray(f"user{n}" for n in range(limits - 1)) == [200] * (limits - 1)
        # The attacker's own account logs in; that clears no other username's failures.
        assert log_in("olive", "a-long-passphrase-2").status_code == 302
        paused = log_in("someone-else", "Summer2026!")
        assert paused.status_code == 429 and LOCKED_TEXT in paused.content.decode()
        assert "paused for 15 minutes" in paused.content.decode()
        # While paused, even a right password from that address is refused; elsewhere it is not.
        assert log_in("casey", "a-long-passphrase-1").status_code == 429
        assert log_in("casey", "a-long-passphrase-1", address=NEIGHBOUR).status_code == 302
    # Every refused attempt counts, so the pause ends 15 minutes after the last one.
    with time_machine.travel(START + dt.timedelta(minutes=15, seconds=1), tick=False):
        assert log_in("casey", "a-long-passphrase-1").status_code == 302


def test_a_username_still_locks_at_its_own_lower_limit(candidate, limits, settings):
    with time_machine.travel(START, tick=False):
        assert spray(["casey"] * (settings.AXES_FAILURE_LIMIT - 1)) == [200, 200]
        assert log_in("casey", "wrong").status_code == 429
        # The address has failed 3 times of its 5: another username may still try from it.
        assert log_in("olive-not-yet", "wrong").status_code == 200


def test_the_lockout_page_says_a_whole_address_is_paused(candidate, limits):
    with time_machine.travel(START, tick=False):
        spray(f"user{n}" for n in range(limits))
        page = log_in("casey", "a-long-passphrase-1").content.decode()
    assert ADDRESS_TEXT in page
    assert "paused for 15 minutes, whichever account you use" in page
    assert ACCOUNT_TEXT not in page


def test_the_lockout_page_of_one_username_speaks_of_that_account(candidate, limits, settings):
    with time_machine.travel(START, tick=False):
        page = ""
        for _ in range(settings.AXES_FAILURE_LIMIT):
            page = log_in("casey", "wrong").content.decode()
    assert ACCOUNT_TEXT in page and "paused for 15 minutes" in page
    assert ADDRESS_TEXT not in page
