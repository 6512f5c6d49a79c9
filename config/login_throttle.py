"""Login throttling: django-axes per username and address, and a higher limit per address alone."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class AddressLimitedHandler(AxesDatabaseHandler):
    """Axes' database handler with a second limit: one address's failures over every username.

    AXES_LOCKOUT_PARAMETERS counts failures per username and address, so nobody can lock a known
    user out from elsewhere; alone, it lets one address try a password against any number of
    usernames (password spraying). Axes compares each parameter's count with the one
    AXES_FAILURE_LIMIT, so adding "ip_address" to the parameters would pause a whole office behind
    one address after five typos; and with AXES_RESET_ON_SUCCESS a login from the address, such as
    the attacker's own account, would clear its count. So the address gets its own, higher
    LOGIN_ADDRESS_FAILURE_LIMIT, counted over the same rows (still in the shared database), of
    which a success clears only the username's own.
    """

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """The username-and-address count; while the address is over its own limit, at least the
        failure limit, which axes reads as locked.

        Axes asks this before it refuses a login, so the request keeps which limit applies
        (`axes_address_paused`): the lock-out page then says whether the whole address is paused
        or only this username from it."""
        failures = super().get_failures(request, credentials)
        request.axes_address_paused = (
            address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
        )
        if request.axes_address_paused:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def address_failures(request: HttpRequest) -> int:
    """Failed logins from the request's address within the cool-off, whatever the username."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
