"""Login lock-out across servers: failures counted by one server lock the account on all of them.

Behind a load balancer, each failed login of one browser may reach another server. The count
lives in the shared database (django-axes' database handler), so the account locks after exactly
AXES_FAILURE_LIMIT failures wherever they landed, and the right password is then refused by every
server. Had each server counted on its own, the lock would come only after about N times the limit
failures: so the check asks for the lock at the limit, not merely for a lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from benchmarks.load.client import RoundRobin
from benchmarks.load.server import Server

LOGIN_PATH = "/accounts/login/"
LOCKED_STATUS = 429
# Far more than any configured limit times the number of servers: the check ends, locked or not.
MAX_ATTEMPTS = 100

# Run in the servers' environment: a user with a known password, and the failure limit they use.
CREATE_USER = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
username, password = sys.argv[1], sys.argv[2]
get_user_model().objects.create_user(username=username, password=password)
print(json.dumps({"failure_limit": settings.AXES_FAILURE_LIMIT}))
"""


@dataclass
class LockoutResult:
    """How many failed logins locked the account, spread over how many servers, and whether the
    right password was then refused."""

    failure_limit: int
    servers: int
    servers_reached: int
    locked_after: int | None
    right_password_status: int | None

    @property
    def held(self) -> bool:
        return (
            self.locked_after == self.failure_limit
            and self.right_password_status == LOCKED_STATUS
            and self.servers_reached == min(self.servers, self.failure_limit)
        )

    def summary(self) -> str:
        if self.locked_after is None:
            return (
                f"Login lock-out FAILED: no lock after {MAX_ATTEMPTS} failed logins "
                f"over {self.servers_reached} servers (limit {self.failure_limit})."
            )
        verdict = "held" if self.held else "FAILED"
        where = "the next server" if self.servers > 1 else "the server"
        return (
            f"Login lock-out {verdict}: locked after {self.locked_after} failed logins "
            f"(limit {self.failure_limit}) spread over {self.servers_reached} of "
            f"{self.servers} servers; the right password on {where} then got "
            f"HTTP {self.right_password_status}."
        )

    def as_dict(self) -> dict:
        return {**asdict(self), "held": self.held}


async def check_lockout(
    addresses: Sequence[tuple[str, int]], username: str, password: str, failure_limit: int
) -> LockoutResult:
    """Fail to log in as `username` with each request to the next server until one answers with
    the lock-out, then send the right password to the server after it."""
    browser = RoundRobin(addresses)
    reached: set[int] = set()  # which servers the failures went to, by position
    locked_after = right_status = None
    try:
        await browser.request("GET", LOGIN_PATH)  # the CSRF cookie, as a browser gets it
        for attempt in range(1, MAX_ATTEMPTS + 1):
            connection = browser.next_connection()
            reached.add(browser.connections.index(connection))
            wrong = {"username": username, "password": f"not-the-password-{attempt}"}
            if (await connection.request("POST", LOGIN_PATH, wrong)).status == LOCKED_STATUS:
                locked_after = attempt
                break
        if locked_after is not None:
            right = {"username": username, "password": password}
            right_status = (await browser.request("POST", LOGIN_PATH, right)).status
    finally:
        await browser.close()
    return LockoutResult(
        failure_limit=failure_limit,
        servers=len(addresses),
        servers_reached=len(reached),
        locked_after=locked_after,
        right_password_status=right_status,
    )


async def check_servers(servers: Sequence[Server]) -> LockoutResult:
    """The lock-out check against running servers, for a user it creates in their database."""
    username, password = "lockout-check", "a-right-passphrase-7"
    limit = servers[0].run_script(CREATE_USER, username, password)["failure_limit"]
    addresses = [("127.0.0.1", server.port) for server in servers]
    return await check_lockout(addresses, username, password, limit)
