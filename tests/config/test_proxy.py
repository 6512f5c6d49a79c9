"""Login lock-out counts per client address: X-Forwarded-For only behind the load balancer."""

import pytest
from django.test import Client
from django.urls import reverse

from config.proxy import client_ip

PASSWORD = "a-long-passphrase-1"
BALANCER = "10.0.0.2"


@pytest.fixture
def axes_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def _login(address: str, password: str):
    # Every request arrives from the balancer; the balancer appends the address it saw.
    client = Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {address}")
    return client.post(reverse("login"), {"username": "casey", "password": password})


def _attacker_locks_out_casey(limit: int) -> None:
    for _ in range(limit):
        _login("203.0.113.9", "wrong")


def test_behind_the_balancer_one_clients_failures_do_not_lock_out_another(
    settings, candidate, axes_limit
):
    settings.BEHIND_PROXY = True
    _attacker_locks_out_casey(axes_limit)

    assert _login("203.0.113.9", PASSWORD).status_code == 429
    assert _login("198.51.100.7", PASSWORD).status_code == 302


def test_without_the_setting_the_header_is_ignored_and_cannot_dodge_the_lock(
    settings, candidate, axes_limit
):
    settings.BEHIND_PROXY = False
    _attacker_locks_out_casey(axes_limit)

    # Same REMOTE_ADDR: a forged header gives no fresh address to try from.
    assert _login("198.51.100.7", PASSWORD).status_code == 429


@pytest.mark.parametrize(
    ("behind", "forwarded", "expected"),
    [
        (False, "198.51.100.7", BALANCER),
        (True, "198.51.100.7", "198.51.100.7"),
        (True, "1.1.1.1, 198.51.100.7", "198.51.100.7"),
        (True, "2001:db8::1", "2001:db8::1"),
        (True, "not an address", BALANCER),
        (True, "", BALANCER),
    ],
)
def test_client_ip_takes_the_balancers_entry_only_when_told(
    settings, rf, behind, forwarded, expected
):
    settings.BEHIND_PROXY = behind
    request = rf.get("/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
