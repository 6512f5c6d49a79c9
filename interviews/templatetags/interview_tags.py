"""Template filters for interview pages: durations and time spans in words."""

from __future__ import annotations

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def duration(seconds: int | None) -> str:
    """90 -> "1:30"; None -> "no limit"."""
    if seconds is None:
        return "no limit"
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@register.filter
def in_words(span: timedelta | None) -> str:
    """timedelta(minutes=15) -> "15 minutes"; timedelta(hours=2) -> "2 hours"."""
    if not span:
        return ""
    minutes = max(1, round(span.total_seconds() / 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
