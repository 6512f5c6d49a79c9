"""JSON: the whole bank, with each question's id, both answers with their dates, and its concepts.

    {"format": "mock-interview-bank", "version": 1,
     "topic": {"name": "...", "description": "..."},
     "questions": [{"id": "<uuid>", "text": "...",
                    "expert": {"text": "...", "posted_on": "2025-03-26"}, "beginner": null,
                    "concepts": [{"label": "...", "variants": [], "weight": 1.0, "tier": "core",
                                  "negated": false, "origin": "extracted", "is_active": true,
                                  "rank": 0}]}]}

A question without "concepts" gets them extracted; with a list, the list is its concepts exactly
(the same fields as `manage.py export_concepts`). Errors name the line for broken JSON, and the
path (`questions[3].expert.text`) for a value that is wrong.
"""

import json
from datetime import date
from typing import Any

from content.concept_files import concepts_validated
from content.json_input import json_parse
from content.parsing import (
    DocumentError,
    ParsedAnswer,
    ParsedDocument,
    ParsedQuestion,
    length_problem,
    parse_uid,
    question_line,
)

EXTENSIONS = (".json",)
FORMAT_NAME = "mock-interview-bank"
FORMAT_VERSION = 1
MAX_ERRORS_SHOWN = 20

NOT_JSON = "expected JSON, {problem} (column {column})"
NOT_A_BANK = (
    f'expected an object with "format": "{FORMAT_NAME}", "version": {FORMAT_VERSION}, '
    '"topic" and "questions"'
)
PROBLEMS = "expected a bank in the documented layout:\n  {problems}"
NOT_JSON_VALUE = "expected JSON, {problem}"
NUL_IN_STRING = "{where}: expected text, found a NUL character (\\u0000)"


def _string(data: dict, key: str, where: str, errors: list[str], *, required: bool = True) -> str:
    value = data.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        errors.append(f"{where}.{key}: expected {'a non-empty' if required else 'a'} string")
        return ""
    return value.strip()


def _answer(data: Any, where: str, errors: list[str], *, level: str) -> ParsedAnswer | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        errors.append(f"{where}: expected an object with text and posted_on, or null")
        return None
    text = _string(data, "text", where, errors)
    if problem := length_problem(text, level=level):
        errors.append(f"{where}.text: {problem}")
    posted_on = data.get("posted_on")
    if posted_on is not None:
        try:
            posted_on = date.fromisoformat(posted_on)
        except (TypeError, ValueError):
            errors.append(f"{where}.posted_on: expected a date like 2025-03-26, or null")
            posted_on = None
    return ParsedAnswer(text, posted_on, 0)


def _question(data: Any, index: int, errors: list[str], source: str) -> ParsedQuestion | None:
    where = f"questions[{index}]"
    if not isinstance(data, dict):
        errors.append(f"{where}: expected an object with text and answers")
        return None
    text = question_line(_string(data, "text", where, errors))
    if problem := length_problem(text):
        errors.append(f"{where}.text: {problem}")
    uid = None
    if data.get("id") is not None:
        try:
            uid = parse_uid(str(data["id"]), source=source, line=0)
        except DocumentError:
            errors.append(f"{where}.id: expected a UUID, found {data['id']!r}")
    expert = _answer(data.get("expert"), f"{where}.expert", errors, level="expert")
    beginner = _answer(data.get("beginner"), f"{where}.beginner", errors, level="beginner")
    if expert is None and beginner is None:
        errors.append(f"{where}: expected an expert or a beginner answer")
    concepts = None
    if "concepts" in data:
        if isinstance(data["concepts"], list):
            concepts = concepts_validated(
                data["concepts"], where=where, errors=errors, keep_origin=True
            )
        else:
            errors.append(f"{where}.concepts: expected a list")
    return ParsedQuestion(text, index + 1, expert, beginner, uid, concepts)


def _nul_paths(data: Any) -> list[str]:
    """Where a string holds NUL (written as \\u0000): PostgreSQL cannot store it."""
    found, stack = [], [(data, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str) and "\x00" in value:
            found.append(NUL_IN_STRING.format(where=where or "the file"))
        elif isinstance(value, dict):
            stack += [(item, f"{where}.{key}" if where else key) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [(item, f"{where}[{index}]") for index, item in enumerate(value)]
    return sorted(found)


def read(text: str, *, source: str = "<json>") -> ParsedDocument:
    """Parse a JSON bank; every problem found is listed, nothing is read from a broken file."""
    try:
        data = json_parse(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        problem = NOT_JSON.format(problem=error.msg, column=error.colno)
        raise DocumentError(source, error.lineno, problem) from None
    except ValueError as error:  # nested too deep, NaN, a number of thousands of digits
        raise DocumentError(source, None, NOT_JSON_VALUE.format(problem=error)) from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT_NAME
        or data.get("version") != FORMAT_VERSION
        or not isinstance(data.get("topic"), dict)
        or not isinstance(data.get("questions"), list)
    ):
        raise DocumentError(source, None, NOT_A_BANK)
    errors: list[str] = _nul_paths(data)
    name = _string(data["topic"], "name", "topic", errors)
    description = _string(data["topic"], "description", "topic", errors, required=False)
    questions = [_question(item, i, errors, source) for i, item in enumerate(data["questions"])]
    seen: dict[object, int] = {}
    for index, question in enumerate(questions):
        for key in (question.text, question.uid) if question else ():
            if key and (first := seen.setdefault(key, index)) != index:
                errors.append(f"questions[{index}]: expected each question once, repeats [{first}]")
    if not questions:
        errors.append("questions: expected at least one question")
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        more = f"\n  ... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise DocumentError(source, None, PROBLEMS.format(problems="\n  ".join(shown)) + more)
    return ParsedDocument(name, description, tuple(q for q in questions if q))


def _answer_data(answer: ParsedAnswer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    posted_on = answer.posted_on.isoformat() if answer.posted_on else None
    return {"text": answer.text, "posted_on": posted_on}


def write(document: ParsedDocument) -> str:
    """The bank as stable, diff-friendly JSON; reading it back gives the same bank."""
    questions = []
    for question in document.questions:
        data: dict[str, Any] = {
            "id": str(question.uid) if question.uid else None,
            "text": question.text,
            "expert": _answer_data(question.expert),
            "beginner": _answer_data(question.beginner),
        }
        if question.concepts is not None:
            data["concepts"] = [
                {"label": label, **fields} for label, fields in question.concepts.items()
            ]
        questions.append(data)
    bank = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "topic": {"name": document.topic_name, "description": document.description or ""},
        "questions": questions,
    }
    return json.dumps(bank, indent=2, ensure_ascii=False) + "\n"
