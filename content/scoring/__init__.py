"""Concept extraction and concept-coverage scoring of free-text answers. Pure Python, no Django."""

from .extraction import common_stems, extract_concepts
from .language import reads_as_english
from .scoring import score
from .types import (
    ANSWER_TOO_LONG_MESSAGE,
    MAX_ANSWER_CHARS,
    AnswerTooLong,
    Concept,
    ConceptHit,
    Level,
    Score,
    Tier,
)
from .version import SCORER_VERSION

__all__ = [
    "ANSWER_TOO_LONG_MESSAGE",
    "MAX_ANSWER_CHARS",
    "SCORER_VERSION",
    "AnswerTooLong",
    "Concept",
    "ConceptHit",
    "Level",
    "Score",
    "Tier",
    "common_stems",
    "extract_concepts",
    "reads_as_english",
    "score",
]
