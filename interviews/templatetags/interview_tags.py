"""Template filters for interview pages: durations, time spans in words, limits, level wording,
how a matched concept was credited."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils.html import format_html

from interviews.models.matched import MatchedConcept

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


# The scorer's estimate is about the answer, not the level the candidate picked for the session.
LEVEL_SHOWN = {
    "expert": "Your answer reads at expert level",
    "between": "Your answer reads between beginner and expert level",
    "beginner": "Your answer reads at beginner level",
    "below beginner": "Your answer reads below beginner level",
}


@register.filter
def level_shown(level_estimate: str) -> str:
    """The scorer's estimate in words: "between" -> "Your answer reads between beginner and expert..."."""
    return LEVEL_SHOWN.get(level_estimate, f"Your answer reads at {level_estimate} level")


@register.filter
def limit_text(seconds: int | None) -> str:
    """A limit as the interviewer set it: 120 -> "2 min", 90 -> "1 min 30 s", None -> "no limit"."""
    if seconds is None:
        return "no limit"
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


@register.filter
def time_limits(plan) -> str:
    """A session's or template's limits: "2 min per question", "30 min in total", both joined
    ("2 min per question, 30 min in total"), or "no time limit"."""
    limits = []
    if plan.per_item_seconds:
        limits.append(f"{limit_text(plan.per_item_seconds)} per question")
    if plan.total_seconds:
        limits.append(f"{limit_text(plan.total_seconds)} in total")
    return ", ".join(limits) or "no time limit"


@register.filter
def item_limit(item) -> str:
    """The limit one question had, as set, whether or not it was reached: never a computed span.
    With both limits: "2 min (30 min for the session)"."""
    session = item.session
    whole = f"{limit_text(session.total_seconds)} for the session" if session.total_seconds else ""
    if session.per_item_seconds:
        own = limit_text(session.per_item_seconds)
        return f"{own} ({whole})" if whole else own
    return whole or "no limit"


@register.filter
def concept_note(concept: MatchedConcept | None) -> str:
    """What follows a matched concept's label wherever the concepts of an answer are listed:
    " (in other words: “separate”; partly credited, 27%)", escaped; "" for a concept said as
    written and credited in full, or one the scorer did not match (None)."""
    if concept is None or not concept.note:
        return ""
    return format_html(' <span class="concept-note">({})</span>', concept.note)
