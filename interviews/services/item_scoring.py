"""Score a finished item against its question's concepts and store the result on the row."""

from __future__ import annotations

from content.concepts import answer_score
from interviews.models import SessionItem


def item_score_apply(*, item: SessionItem, level: str) -> None:
    """Set the automatic score fields of item from its answer text (the caller saves)."""
    result = answer_score(question=item.question, answer=item.answer_text, level=level)
    item.score = result.value
    item.matched_store(result.matched)
    item.missed = [concept.label for concept in result.missed]
    item.level_estimate = result.level_estimate
    item.feedback = result.feedback
