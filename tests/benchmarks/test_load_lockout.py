"""The load run's lock-out check, against a live server reached as if through two servers."""

from urllib.parse import urlsplit

import pytest

from benchmarks.load.lockout import LOCKED_STATUS, check_lockout
from tests.benchmarks.event_loop import run_coroutine

PASSWORD = "a-right-passphrase-7"


@pytest.fixture
def two_servers(live_server, django_user_model, settings) -> list[tuple[str, int]]:
    """One live server addressed twice: the browser's requests alternate between the two."""
    settings.AXES_FAILURE_LIMIT = 3
    django_user_model.objects.create_user(username="dana", password=PASSWORD)
    address = urlsplit(live_server.url)
    return [(address.hostname, address.port)] * 2


def test_failures_spread_over_the_servers_lock_at_the_limit(two_servers) -> None:
    result = run_coroutine(check_lockout(two_servers, "dana", PASSWORD, failure_limit=3))

    assert result.locked_after == 3
    assert result.servers_reached == 2
    assert result.right_password_status == LOCKED_STATUS
    assert result.held
    assert result.summary().startswith("Login lock-out held: locked after 3 failed logins")


def test_a_lock_later_than_the_limit_is_a_failure(two_servers) -> None:
    # Servers counting on their own lock only after more failures than the limit they report.
    result = run_coroutine(check_lockout(two_servers, "dana", PASSWORD, failure_limit=2))

    assert result.locked_after == 3
    assert not result.held
    assert "FAILED" in result.summary()


def test_no_lock_at_all_is_a_failure(two_servers, settings, monkeypatch) -> None:
    settings.AXES_ENABLED = False
    monkeypatch.setattr("benchmarks.load.lockout.MAX_ATTEMPTS", 8)

    result = run_coroutine(check_lockout(two_servers, "dana", PASSWORD, failure_limit=3))

    assert result.locked_after is None
    assert result.right_password_status is None
    assert not result.held
    assert result.summary().startswith("Login lock-out FAILED: no lock after")
