"""The reader's time zone: the one the browser reports (static/js/site.js keeps it in a cookie),
else the site's default (DJANGO_TIME_ZONE). Times are stored in UTC either way; this only decides
how pages show them and which calendar day is "today" for the reader."""

import functools
import logging
import time
import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

TIME_ZONE_COOKIE = "tz"
# The longest IANA name is about 30 characters; a longer cookie is not worth looking up.
ZONE_NAME_MAX_LENGTH = 64


@functools.cache
def known_zones() -> frozenset[str]:
    """Every IANA zone name this machine's tz database has (read once per process)."""
    return frozenset(zoneinfo.available_timezones())


def zone_named(name: str) -> zoneinfo.ZoneInfo | None:
    """The zone of an IANA name such as "Europe/Berlin"; None for anything else.

    Checked against the list of zones, not by trying ZoneInfo(name): the cookie is the browser's
    to write, and ZoneInfo would also open paths ("../..") or folders ("Europe").
    """
    if len(name) > ZONE_NAME_MAX_LENGTH or name not in known_zones():
        return None
    return zoneinfo.ZoneInfo(name)


def zone_label() -> str:
    """The active zone as pages name it: its IANA name with spaces, "America/Los Angeles".

    interview.js writes the same label from the browser's zone beside the times it formats.
    """
    return timezone.get_current_timezone_name().replace("_", " ")


class BrowserTimeZoneMiddleware:
    """Activate the zone of the reader's cookie for the request; a missing or unknown one leaves
    the site's default. The first page a browser opens, or one without JavaScript, has no cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = zone_named(request.COOKIES.get(TIME_ZONE_COOKIE, ""))
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()  # a thread serves other readers next


def time_zone_label(request: HttpRequest) -> dict[str, str]:
    """Context processor: {{ time_zone_label }}, the zone every time on the page is shown in."""
    return {"time_zone_label": zone_label()}


class UTCLogFormatter(logging.Formatter):
    """Log times in UTC: Django sets the process's zone to DJANGO_TIME_ZONE, and log lines from
    servers in several places must still line up."""

    converter = time.gmtime
