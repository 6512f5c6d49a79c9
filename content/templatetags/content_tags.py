"""Template filters for the question bank."""

from django import template
from django.utils.safestring import SafeString

from content.rendering import render_answer as render_answer_html

register = template.Library()


@register.filter
def render_answer(body: str) -> SafeString:
    """`{{ answer.text|render_answer }}`: the model-answer body as readable, escaped HTML."""
    return render_answer_html(body or "")
