"""Mark the spans of an answer where the scorer found a concept, escaping everything else."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _span(hit: Mapping | object) -> tuple[int, int, str]:
    if isinstance(hit, Mapping):
        return int(hit["start"]), int(hit["end"]), str(hit["label"])
    return hit.start, hit.end, hit.label  # a scoring.ConceptHit


def highlight_concepts(text: str, hits: Iterable[Mapping | object]) -> SafeString:
    """Escape text and wrap each matched span in <mark class="concept-hit">; overlaps merge away."""
    spans = sorted((_span(hit) for hit in hits), key=lambda span: (span[0], -span[1]))
    parts: list[str] = []
    position = 0
    for start, end, label in spans:
        start, end = max(start, position), min(end, len(text))
        if start >= end:
            continue
        parts.append(escape(text[position:start]))
        parts.append(
            format_html('<mark class="concept-hit" title="{}">{}</mark>', label, text[start:end])
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece above is escaped
