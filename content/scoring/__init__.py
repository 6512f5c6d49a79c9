"""Concept extraction and concept-coverage scoring of free-text answers. Pure Python, no Django."""

from .extraction import extract_concepts
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

__all__ = [
    "ANSWER_TOO_LONG_MESSAGE",
    "MAX_ANSWER_CHARS",
    "AnswerTooLong",
    "Concept",
    "ConceptHit",
    "Level",
    "Score",
    "Tier",
    "extract_concepts",
    "score",
]
