"""Mark the spans of an answer where the scorer found a concept, escaping everything else."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from content.scoring import ConceptHit


def highlight_concepts(text: str, hits: Iterable[ConceptHit]) -> SafeString:
    """Escape text and wrap each matched span in <mark class="concept-hit">; overlaps merge away."""
    spans = sorted(hits, key=lambda hit: (hit.start, -hit.end))
    parts: list[str] = []
    position = 0
    for hit in spans:
        start, end = max(hit.start, position), min(hit.end, len(text))
        if start >= end:
            continue
        parts.append(escape(text[position:start]))
        parts.append(
            format_html(
                '<mark class="concept-hit" title="{}">{}</mark>', hit.label, text[start:end]
            )
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece above is escaped
