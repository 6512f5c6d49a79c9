"""The one vocabulary for time limits, shared by the practice form and the interviewer's build form.

The values name the session fields they fill: `per_item` sets per_item_seconds, `total` sets
total_seconds.
"""

from __future__ import annotations

from django.db import models


class TimeMode(models.TextChoices):
    PER_ITEM = "per_item", "A time limit for each question"
    TOTAL = "total", "One time limit for the whole session"
    NONE = "none", "No time limit"


def time_limits(
    mode: str, *, per_item_minutes: int | None, total_minutes: int | None
) -> tuple[int | None, int | None]:
    """(per_item_seconds, total_seconds) for the chosen mode; the other limit stays None."""
    if mode == TimeMode.PER_ITEM and per_item_minutes:
        return per_item_minutes * 60, None
    if mode == TimeMode.TOTAL and total_minutes:
        return None, total_minutes * 60
    return None, None
