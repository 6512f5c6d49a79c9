"""Score answers given as JSON lines: one result object per input line, in input order.

The per-line contract of `manage.py score_answers`, kept apart from the command so it is
testable without a subprocess.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from content import scoring
from content.concepts import concepts_score, scoring_concepts
from content.json_input import json_parse
from content.models import Question

LEVELS = ("expert", "beginner")
MAX_LINE_BYTES = 1_000_000
# Extraction time grows faster than the text (about 0.5 s at 20,000 characters), and model
# answers in the bank are under 7,000, so a reference gets the same cap as an answer.
MAX_REFERENCE_CHARS = scoring.MAX_ANSWER_CHARS
CACHE_SIZE = 512
SHOWN_CHARS = 80

ERROR_NOT_UTF8 = "line is not valid UTF-8"
ERROR_LINE_TOO_LONG = f"line is longer than {MAX_LINE_BYTES:,} bytes"
ERROR_NOT_JSON = "invalid JSON: {detail}"
ERROR_NOT_OBJECT = "each line must be a JSON object"
ERROR_NO_ID = 'missing "id"'
ERROR_BAD_ID = '"id" must be a string or a number'
ERROR_NO_ANSWER = 'missing "answer" (a string)'
ERROR_BAD_LEVEL = '"level" must be "expert" or "beginner", not {value}'
ERROR_NEITHER = (
    'give "question" (text, slug or id of a bank question) or "reference" (a model answer)'
)
ERROR_BOTH = 'give "question" or "reference", not both'
ERROR_BAD_REFERENCE = '"reference" must be a non-empty string'
ERROR_REFERENCE_TOO_LONG = f'"reference" is longer than {MAX_REFERENCE_CHARS:,} characters'
ERROR_BAD_QUESTION_TEXT = '"question_text" must be a string'
ERROR_UNKNOWN_QUESTION = "unknown question {value}: give its exact text, slug or id"
ERROR_AMBIGUOUS_QUESTION = "question text {value} matches several questions: give its slug or id"
ERROR_NO_CONCEPTS = "question {value} has no active concepts: run `manage.py extract_concepts`"
ERROR_REFERENCE_NO_CONCEPTS = "no key concepts could be extracted from the reference"


class LineError(ValueError):
    """A problem with one input line; its message goes into that line's error object."""


def read_lines(
    stream: IO[bytes], *, limit: int = MAX_LINE_BYTES
) -> Iterator[tuple[int, str | LineError]]:
    """Number and decode lines one at a time, never holding more than one line in memory."""
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield number, LineError(ERROR_LINE_TOO_LONG)
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, LineError(ERROR_NOT_UTF8)


def score_lines(lines: Iterable[tuple[int, str | LineError]]) -> Iterator[dict[str, Any]]:
    """One result or error object per line, in order; blank lines are skipped."""
    scorer = _Scorer()
    for number, text in lines:
        if isinstance(text, str) and not text.strip():
            continue
        record: Any = None
        try:
            if isinstance(text, LineError):
                raise text
            record = _parse(text)
            yield {"line": number, **scorer.score(record)}
        except LineError as error:
            record_id = record.get("id") if isinstance(record, dict) else None
            if not _valid_id(record_id):
                record_id = None
            yield {"line": number, "id": record_id, "error": str(error)}


def _parse(text: str) -> dict[str, Any]:
    try:
        record = json_parse(text)
    except ValueError as error:
        raise LineError(ERROR_NOT_JSON.format(detail=error)) from None
    if not isinstance(record, dict):
        raise LineError(ERROR_NOT_OBJECT)
    return record


def _valid_id(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)  # 1e400 parses as infinity, which JSON cannot write back
    return isinstance(value, str | int) and not isinstance(value, bool)


def _as_id(value: str | int) -> int | None:
    """A question id from an int or a string of ASCII digits, when it fits a database id."""
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit() and len(value) <= 18):
            return None
        value = int(value)
    return value if 0 < value < 2**63 else None


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class _Bounded(OrderedDict):
    """A small least-recently-used cache, so a huge input cannot grow memory without end."""

    def get_or_make(self, key: Any, make: Callable[[], Any]) -> Any:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make()
        if len(self) > CACHE_SIZE:
            self.popitem(last=False)
        return value


class _Scorer:
    def __init__(self) -> None:
        self.questions = _Bounded()
        self.references = _Bounded()

    def score(self, record: dict[str, Any]) -> dict[str, Any]:
        if "id" not in record:
            raise LineError(ERROR_NO_ID)
        if not _valid_id(record["id"]):
            raise LineError(ERROR_BAD_ID)
        answer = record.get("answer")
        if not isinstance(answer, str):
            raise LineError(ERROR_NO_ANSWER)
        level = record.get("level")
        level = "expert" if level is None else level
        if level not in LEVELS:
            raise LineError(ERROR_BAD_LEVEL.format(value=_shown(level)))
        has_question, has_reference = "question" in record, "reference" in record
        if has_question and has_reference:
            raise LineError(ERROR_BOTH)
        if has_question:
            question_text, concepts, references = self.bank_concepts(record["question"])
            reference = references.get(level) or references.get("expert", "")
            model_answers = tuple(references.values())
        elif has_reference:
            question_text, concepts = self.reference_concepts(
                record["reference"], record.get("question_text", "")
            )
            reference = record["reference"]
            model_answers = (reference,)
        else:
            raise LineError(ERROR_NEITHER)
        try:
            result = concepts_score(
                answer,
                concepts,
                level=level,
                question_text=question_text,
                reference=reference,
                references=model_answers,
            )
        except scoring.AnswerTooLong as error:
            raise LineError(str(error)) from None
        return {
            "id": record["id"],
            "score": round(result.value, 2),
            "matched": list(dict.fromkeys(hit.label for hit in result.matched)),
            "missed": [concept.label for concept in result.missed],
            "spans": [
                {"label": hit.label, "start": hit.start, "end": hit.end} for hit in result.matched
            ],
            "level_estimate": result.level_estimate,
            "feedback": result.feedback,
            "scorer_version": scoring.SCORER_VERSION,
        }

    def bank_concepts(self, value: Any) -> tuple[str, tuple[scoring.Concept, ...], dict[str, str]]:
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise LineError(ERROR_UNKNOWN_QUESTION.format(value=_shown(value)))
        found = self.questions.get_or_make((type(value), value), lambda: _question_find(value))
        if isinstance(found, LineError):
            raise found
        return found

    def reference_concepts(
        self, reference: Any, question_text: Any
    ) -> tuple[str, tuple[scoring.Concept, ...]]:
        if not isinstance(reference, str) or not reference.strip():
            raise LineError(ERROR_BAD_REFERENCE)
        if len(reference) > MAX_REFERENCE_CHARS:
            raise LineError(ERROR_REFERENCE_TOO_LONG)
        if not isinstance(question_text, str):
            raise LineError(ERROR_BAD_QUESTION_TEXT)
        # Keyed by digest, so the cache holds concepts, not up to CACHE_SIZE long texts.
        key = hashlib.blake2b(f"{reference}\x00{question_text}".encode(), digest_size=16).digest()
        concepts = self.references.get_or_make(
            key,
            lambda: scoring.extract_concepts(reference, question=question_text),
        )
        if not concepts:
            raise LineError(ERROR_REFERENCE_NO_CONCEPTS)
        return question_text, concepts


def _question_find(
    value: str | int,
) -> tuple[str, tuple[scoring.Concept, ...], dict[str, str]] | LineError:
    """A bank question's text, concepts and model answers (by level) by id, slug or exact text,
    or the error to report."""
    if isinstance(value, str) and "\x00" in value:  # PostgreSQL refuses NUL in a query
        return LineError(ERROR_UNKNOWN_QUESTION.format(value=_shown(value)))
    questions = Question.objects.prefetch_related("concepts", "model_answers")
    question = None
    if (pk := _as_id(value)) is not None:
        question = questions.filter(pk=pk).first()
    if question is None and isinstance(value, str) and value.strip():
        text = value.strip()
        question = questions.filter(slug=text).first()
        if question is None:
            matches = list(questions.filter(text=text)[:2])
            if len(matches) > 1:
                return LineError(ERROR_AMBIGUOUS_QUESTION.format(value=_shown(value)))
            question = matches[0] if matches else None
    if question is None:
        return LineError(ERROR_UNKNOWN_QUESTION.format(value=_shown(value)))
    concepts = scoring_concepts(question)
    if not concepts:
        return LineError(ERROR_NO_CONCEPTS.format(value=_shown(question.slug)))
    references = {answer.level: answer.text for answer in question.model_answers.all()}
    return question.text, concepts, references
