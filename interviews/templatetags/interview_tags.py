"""Template filters for interview pages: highlighted answers, model answers, durations."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import SafeString

from interviews.highlight import highlight_concepts

register = template.Library()


@register.filter
def highlighted(text: str, hits) -> SafeString:
    """{{ item.answer_text|highlighted:item.matched }}"""
    return highlight_concepts(text or "", hits or ())


@register.filter
def model_answer(text: str) -> SafeString:
    """A model answer as the question bank shows it (the importer's renderer when present)."""
    try:
        from content.templatetags.content_tags import render_answer
    except ImportError:
        return linebreaks_filter(text, autoescape=True)
    return render_answer(text)


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
