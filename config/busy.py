"""A database that is locked or full for a moment answers 503 with Retry-After, not a 500.

SQLite gives up after its busy timeout with "database is locked", and a full disk refuses writes;
both pass, and the interview page sends the text again by itself. Any other OperationalError
(a missing table, a lost connection to a misconfigured server) is a real fault and still raises.
"""

import functools
import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

DATABASE_BUSY_MESSAGE = (
    "The server is busy; your answer is kept in this page and will be saved again."
)
RETRY_AFTER_SECONDS = 5

# SQLite's words, and PostgreSQL's for a lock timeout and a full disk.
_BUSY_WORDS = (
    "database is locked",
    "database table is locked",
    "database or disk is full",
    "lock timeout",
    "no space left on device",
)


def is_database_busy(error: OperationalError) -> bool:
    """Whether the error is the passing kind: locked or full, not broken."""
    message = str(error).lower()
    return any(words in message for words in _BUSY_WORDS)


def retry_when_database_busy(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer 503 with Retry-After when the view meets a locked or full database."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except OperationalError as error:
            if not is_database_busy(error):
                raise
            logger.warning(
                "Database busy, answered 503: %s on %s (user %s): %s",
                request.method,
                request.resolver_match.view_name if request.resolver_match else request.path,
                request.user.pk,
                error,
            )
            response = HttpResponse(
                DATABASE_BUSY_MESSAGE, status=503, content_type="text/plain; charset=utf-8"
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response

    return wrapped
