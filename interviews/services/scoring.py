"""Score a finished item through the content bridge and store the result on the row."""

from __future__ import annotations

from interviews import scoring
from interviews.models import SessionItem


def _answer_score(*, item: SessionItem, level: str) -> scoring.Score:
    from content import concepts as bridge

    if hasattr(bridge, "answer_score"):
        return bridge.answer_score(question=item.question, answer=item.answer_text, level=level)
    # The bridge function is being written; until then build the scorer's input from the rows.
    rows = item.question.concepts.filter(is_active=True)
    judged = [
        scoring.Concept(
            label=row.label, variants=tuple(row.variants), weight=row.weight, tier=row.tier
        )
        for row in rows
    ]
    return scoring.score(item.answer_text, judged, level=level, question=item.question.text)


def item_score_apply(*, item: SessionItem, level: str) -> None:
    """Set the automatic score fields of item from its answer text (the caller saves)."""
    result = _answer_score(item=item, level=level)
    item.score = result.value
    item.matched = [
        {"label": hit.label, "start": hit.start, "end": hit.end} for hit in result.matched
    ]
    item.missed = [concept.label for concept in result.missed]
    item.level_estimate = result.level_estimate
    item.feedback = result.feedback
