"""Plain dataclasses that go in and out of the scoring core."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["expert", "beginner"]
Tier = Literal["core", "advanced"]

MAX_ANSWER_CHARS: int = 20_000
ANSWER_TOO_LONG_MESSAGE = (
    f"This answer is too long to score: please keep it under {MAX_ANSWER_CHARS:,} characters."
)


class AnswerTooLong(ValueError):
    """Raised when an answer is longer than MAX_ANSWER_CHARS."""

    def __init__(self, message: str = ANSWER_TOO_LONG_MESSAGE) -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Concept:
    """One key idea of a model answer, with the surface forms that express it."""

    label: str
    variants: tuple[str, ...] = ()
    weight: float = 1.0
    tier: Tier = "core"
    # True when the model answer states the concept negatively ("X does not need Y").
    negated: bool = False


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """Where an answer expresses a concept: character offsets into the original answer."""

    label: str
    start: int
    end: int
    # 1.0 for a full match, below 1.0 when only some words of a phrase were found.
    credit: float = 1.0
    # Matched in other words: a word of the answer is a neighbour of the concept's, not the same.
    in_other_words: bool = False


@dataclass(frozen=True, slots=True)
class Score:
    """The result of scoring one answer against a question's concepts."""

    value: float
    matched: tuple[ConceptHit, ...]
    missed: tuple[Concept, ...]
    level_estimate: str
    feedback: str
    # Concept labels the answer mentions but negates, so they earned no credit.
    negated: tuple[str, ...] = ()
    # Partial matches (some words of a phrase) that earned less than half credit.
    partial: tuple[ConceptHit, ...] = ()
    # The coverage components of the value, each 0..1, for explanation and calibration.
    concept_coverage: float = 0.0
    word_coverage: float = 0.0
    # On-topic length relative to what the concepts need, 0..1 (part of the value).
    elaboration: float = 0.0
    # Share of the answer's content words (question words left out) that the model answers or
    # the concepts support, 0..1: it scales the elaboration credit.
    support_precision: float = 0.0
    # The support precision of the answer's best-backed sentence, 0..1 (part of the value).
    sentence_precision: float = 0.0
    # Best share of a model answer's content words (question words left out) the answer uses, as
    # written or in other words, 0..1; at least the word coverage.
    reference_recall: float = 0.0
    # How close the answer's words sit to a model answer's in meaning (cosine of summed word
    # vectors, question words left out, above a floor), 0..1; at least the word coverage. A
    # measure of the whole answer: it marks no span.
    reference_similarity: float = 0.0
