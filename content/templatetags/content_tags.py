"""Template filters for stored text: model-answer bodies and answers with their matched concepts."""

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString

from content.rendering import highlight_concepts
from content.rendering import render_answer as render_answer_html
from content.scoring import ConceptHit

register = template.Library()


@register.filter
def render_answer(body: str, heading_level: int = 3) -> SafeString:
    """`{{ answer.text|render_answer }}`: the model-answer body as readable, escaped HTML.
    `render_answer:4` when the page names the answer with an h3: its headings nest under it."""
    return render_answer_html(body or "", heading_level=int(heading_level))


@register.filter
def highlighted(text: str, hits: Iterable[ConceptHit] | None) -> SafeString:
    """`{{ item.answer_text|highlighted:item.matched_hits }}`: the answer with its concepts marked."""
    return highlight_concepts(text or "", hits or ())
