"""Score a finished item against its question's concepts and store the result on the row."""

from __future__ import annotations

from content.concepts import answer_score, answer_scored_semantically
from content.scoring import SCORER_VERSION
from interviews.models import SessionItem

# Every field item_score_apply sets, for save(update_fields=...) and bulk_update.
SCORE_FIELDS = [
    "score",
    "scorer_version",
    "semantic_scoring",
    "previous_score",
    "previous_scorer_version",
    "matched",
    "missed",
    "level_estimate",
    "feedback",
]


def item_score_apply(*, item: SessionItem, level: str) -> None:
    """Set the automatic score fields of item from its answer text (the caller saves).

    When another scorer version had set a different score, that score and its version stay
    beside the new one, so a transcript can show both.
    """
    result = answer_score(question=item.question, answer=item.answer_text, level=level)
    older = item.scorer_version and item.scorer_version != SCORER_VERSION
    if older and item.score is not None and item.score != result.value:
        item.previous_score = item.score
        item.previous_scorer_version = item.scorer_version
    item.score = result.value
    item.scorer_version = SCORER_VERSION
    # The layer is not part of the version: a deployment may switch it on or off.
    item.semantic_scoring = answer_scored_semantically(question=item.question, level=level)
    item.matched_store(result.matched)
    item.missed = [concept.label for concept in result.missed]
    item.level_estimate = result.level_estimate
    item.feedback = result.feedback
