"""Server time rules: deadlines are absolute timestamps, the browser only ever gets seconds left."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.conf import settings


def grace_seconds() -> int:
    """How long after a deadline a final save is still accepted (network latency, a slow tab)."""
    return int(getattr(settings, "INTERVIEW_GRACE_SECONDS", 5))


def item_deadline(
    *, started_at: datetime, per_item_seconds: int | None, session_deadline: datetime | None
) -> datetime | None:
    """The earlier of start + per-item limit and the session deadline; None when neither is set."""
    candidates = [session_deadline] if session_deadline else []
    if per_item_seconds:
        candidates.append(started_at + timedelta(seconds=per_item_seconds))
    return min(candidates) if candidates else None


def remaining_seconds(deadline: datetime | None, *, now: datetime) -> int | None:
    """Whole seconds left before deadline (never negative); None when there is no deadline."""
    if deadline is None:
        return None
    return max(0, math.ceil((deadline - now).total_seconds()))


def is_past_grace(deadline: datetime | None, *, now: datetime) -> bool:
    """True once text arriving now must be refused: strictly later than deadline + grace."""
    return deadline is not None and now > deadline + timedelta(seconds=grace_seconds())
