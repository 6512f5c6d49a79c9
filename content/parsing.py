"""Parse a Q&A document (topic, description, questions with expert and beginner answers). No ORM.

The format, one item per line (blank lines and trailing spaces are ignored, CRLF and a BOM too):

    <topic name>
    <topic description>                      (its first line; "(no description)" for none)
      <more lines of the description ...>    (optional: each indented, a continuation line)
    Questions
    <question>
    Id: <uuid>                               (optional: the question's stable id)
    Expert Answer
    Posted on <Mon D, YYYY><first line of the answer>
    <more lines of the answer ...>
    Beginner Answer
    Posted on <Mon D, YYYY><first line of the answer>
    ...
    <next question>
    Expert Answer
    ...

A question is the line right before an answer marker, except that a `Beginner Answer` following an
`Expert Answer` belongs to the same question. So a question may have only one of its answers (it
imports with a warning); the one case the format cannot tell apart is an expert-only question followed
by a beginner-only one, which reads as a single question with both answers. A `Posted on` line
anywhere but right after a marker is an error, so a missing marker line never merges two questions.

An `Id: <uuid>` line between a question and its first answer marker names the question for good:
re-importing matches it by that id even after its wording changed. Exports always write it.

A description of several lines continues on indented lines, so a document of the older, one-line
header reads as before, and a missing 'Questions' line is still an error at the line where it was
expected. Each line of a description is stripped and blank ones are left out (description_lines).
"""

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

QUESTIONS_MARKER = "Questions"
EXPERT_MARKER = "Expert Answer"
BEGINNER_MARKER = "Beginner Answer"
# The description line of a topic that has none: the line itself is required, so a missing topic
# or description line stays an error instead of shifting the header.
NO_DESCRIPTION = "(no description)"
ANSWER_MARKERS = (EXPERT_MARKER, BEGINNER_MARKER)
# How an export indents a description's continuation lines (any indentation reads as one).
CONTINUATION_INDENT = "  "

ID_RE = re.compile(r"Id: (?P<uid>\S+)")
POSTED_ON_RE = re.compile(r"Posted on (?P<date>[A-Z][a-z]{2} \d{1,2}, \d{4})(?P<rest>.*)")

MISSING_TOPIC = "expected the topic name on the first line, found an empty document"
MISSING_DESCRIPTION = "expected the topic description, found {found}"
MISSING_QUESTIONS_LINE = "expected the line 'Questions', found {found}"
MISSING_QUESTION = "expected at least one question after 'Questions', found the end of the document"
MISSING_ANSWER = (
    "expected 'Expert Answer' or 'Beginner Answer' after a question, found the end of the document"
)
STRAY_LINE = "expected a question followed by 'Expert Answer' or 'Beginner Answer', found {found}"
MARKER_WITHOUT_QUESTION = "expected a question line before '{marker}', found {found}"
MISSING_POSTED_ON = "expected 'Posted on <Mon D, YYYY>' to start the {level} answer, found {found}"
EMPTY_ANSWER = "expected the {level} answer after 'Posted on {date}', found none"
BAD_DATE = "expected a real date in 'Posted on <Mon D, YYYY>' (like 'Mar 26, 2025'), found {found}"
DUPLICATE_QUESTION = "expected each question once, but this repeats the question on line {first}"
BAD_ID = "expected a UUID after 'Id: ' (like '{example}'), found {found}"
ID_MISPLACED = (
    "expected the 'Id:' line between a question and its 'Expert Answer' or 'Beginner Answer'"
)
DUPLICATE_ID = "expected each id once, but this repeats the id of the question on line {first}"
ONE_ANSWER_WARNING = "{source}, line {line}: question has no {missing} answer: {question}"
POSTED_ON_WITHOUT_MARKER = "a 'Posted on' body must follow an 'Expert Answer' or 'Beginner Answer' line, found it after {found}"
NUL_CHARACTER = "expected text, found a NUL character (\\x00) at column {column}"
# The longest question and model answer the question editor saves (content.forms reads these):
# every format refuses longer ones, so an imported question can always be saved in the editor.
# Lengths count the text as stored, a line break as one character.
QUESTION_MAX_LENGTH = 2_000
ANSWER_MAX_LENGTH = 50_000
QUESTION_TOO_LONG = (
    "expected a question of at most {limit:,} characters (the question editor's limit), "
    "found {length:,}"
)
ANSWER_TOO_LONG = (
    "expected the {level} answer to hold at most {limit:,} characters (the question editor's "
    "limit), found {length:,}"
)


class DocumentError(ValueError):
    """Input that does not follow the format; the message names the file, the line and what was expected."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        self.source, self.line, self.problem = source, line, problem
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


# The in-memory bank every format reads into and writes from (content/formats/).


@dataclass(frozen=True, slots=True)
class ParsedAnswer:
    text: str
    posted_on: date | None  # None: the format has no dates (CSV, Markdown); keep the stored one
    line: int  # of the "Posted on" line, or where the answer starts


@dataclass(frozen=True, slots=True)
class ParsedQuestion:
    text: str
    line: int
    expert: ParsedAnswer | None
    beginner: ParsedAnswer | None
    uid: uuid.UUID | None = None
    # Concepts as validated by content.concept_files (label -> fields); None: extract them.
    concepts: dict[str, dict[str, Any]] | None = None


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    topic_name: str
    description: str | None  # None: the format has no description (CSV); keep the stored one
    questions: tuple[ParsedQuestion, ...]
    warnings: tuple[str, ...] = ()
    topic_line: int = 1


def _shown(line: tuple[int, str] | None) -> str:
    if line is None:
        return "the end of the document"
    text = line[1] if len(line[1]) <= 60 else line[1][:57] + "..."
    return f"'{text}'"


def structure_line(line: str) -> bool:
    """Whether a line of a question or an answer would read as the format's own structure.

    An answer marker, a 'Posted on <date>' line or an 'Id: ...' line inside an answer would split
    it or, as the last line before a marker, read as a (malformed) id when its export is read back.
    """
    line = line.strip()
    return (
        line in ANSWER_MARKERS
        or POSTED_ON_RE.match(line) is not None
        or ID_RE.fullmatch(line) is not None
    )


def description_lines(description: str) -> list[str]:
    """A topic description's lines as the document formats keep them: stripped, no blank ones."""
    text = description.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def length_problem(text: str, *, level: str | None = None) -> str | None:
    """Why a question (level None) or a level's answer is too long for the editor, or None."""
    limit = QUESTION_MAX_LENGTH if level is None else ANSWER_MAX_LENGTH
    if len(text) <= limit:
        return None
    if level is None:
        return QUESTION_TOO_LONG.format(limit=limit, length=len(text))
    return ANSWER_TOO_LONG.format(level=level, limit=limit, length=len(text))


def question_line(text: str) -> str:
    """A question as every format can write it: on one line (its lines joined by spaces).

    The seed format reads the line before an answer marker as the question, so a wording of two
    lines would give its first line to the answer above it.
    """
    return " ".join(description_lines(text))


def _content_lines(text: str) -> list[tuple[int, str]]:
    """Number the lines (1-based, as an editor shows them) and drop the blank ones."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    numbered = ((number, line.rstrip()) for number, line in enumerate(text.split("\n"), start=1))
    return [(number, line) for number, line in numbered if line.strip()]


def _answer_parse(
    body: list[tuple[int, str]],
    *,
    after: tuple[int, str] | None,
    marker_line: int,
    level: str,
    source: str,
) -> ParsedAnswer:
    """Split the posting date from the answer text; `after` is the line that follows the body."""
    first = body[0] if body else after
    match = POSTED_ON_RE.match(body[0][1].strip()) if body else None
    if match is None:
        line = first[0] if first else marker_line + 1
        raise DocumentError(
            source, line, MISSING_POSTED_ON.format(level=level, found=_shown(first))
        )
    try:
        posted_on = datetime.strptime(match["date"], "%b %d, %Y").date()
    except ValueError:
        raise DocumentError(source, first[0], BAD_DATE.format(found=_shown(first))) from None
    lines = [match["rest"].strip(), *(line for _, line in body[1:])]
    text = "\n".join(line for line in lines if line)
    if not text:
        # As the other formats and the editor refuse one: a bank holding an empty answer could not
        # be exported to them and read back.
        problem = EMPTY_ANSWER.format(level=level, date=match["date"])
        raise DocumentError(source, first[0], problem)
    if problem := length_problem(text, level=level):
        raise DocumentError(source, first[0], problem)
    return ParsedAnswer(text=text, posted_on=posted_on, line=first[0])


def _posted_on_check(rest: list[tuple[int, str]], *, source: str) -> None:
    """Every 'Posted on' line opens a body right after its marker.

    Without this, a question whose marker line went missing would be read as the end of the answer
    before it, and the last line of its own body would become a question: a silent merge and rename.
    """
    for index, (number, line) in enumerate(rest):
        if POSTED_ON_RE.match(line.strip()) and (
            index == 0 or rest[index - 1][1].strip() not in ANSWER_MARKERS
        ):
            found = _shown(rest[index - 1]) if index else "'Questions'"
            raise DocumentError(source, number, POSTED_ON_WITHOUT_MARKER.format(found=found))


def _ids_take(
    rest: list[tuple[int, str]], *, source: str
) -> tuple[list[tuple[int, str]], dict[int, tuple[uuid.UUID, int]]]:
    """Remove the `Id:` lines; return the other lines, and (id, its line) by the line before it."""
    kept: list[tuple[int, str]] = []
    uids: dict[int, tuple[uuid.UUID, int]] = {}
    first_line: dict[uuid.UUID, int] = {}
    for index, (number, line) in enumerate(rest):
        match = ID_RE.fullmatch(line.strip())
        next_line = rest[index + 1][1].strip() if index + 1 < len(rest) else None
        if match is None or (
            next_line not in ANSWER_MARKERS and not _looks_like_uuid(match["uid"])
        ):
            kept.append((number, line))  # an answer line that happens to start with "Id: "
            continue
        if next_line not in ANSWER_MARKERS or not kept or kept[-1][1].strip() in ANSWER_MARKERS:
            raise DocumentError(source, number, ID_MISPLACED)
        uid = parse_uid(match["uid"], source=source, line=number)
        if uid in first_line:
            raise DocumentError(source, number, DUPLICATE_ID.format(first=first_line[uid]))
        first_line[uid] = kept[-1][0]
        uids[kept[-1][0]] = (uid, number)
    return kept, uids


def parse_uid(text: str, *, source: str, line: int) -> uuid.UUID:
    """The UUID of an `Id:` line, or a DocumentError saying what was expected."""
    try:
        return uuid.UUID(text)
    except ValueError:
        found = _shown((line, text))
        raise DocumentError(
            source, line, BAD_ID.format(example=uuid.UUID(int=0), found=found)
        ) from None


def _looks_like_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def parse_document(text: str, *, source: str = "<document>") -> ParsedDocument:
    """Parse one Q&A document; raise DocumentError naming the line when it does not follow the format."""
    lines = _content_lines(text)
    _nul_check(lines, source=source)
    topic_name, description, questions_index = _header_parse(lines, source=source)
    rest, uids = _ids_take(lines[questions_index + 1 :], source=source)
    if not rest:
        raise DocumentError(source, lines[questions_index][0] + 1, MISSING_QUESTION)
    blocks = _blocks_find(rest, source=source)
    questions, warnings = _questions_parse(rest, blocks, uids, source=source)
    return ParsedDocument(
        topic_name, description, tuple(questions), tuple(warnings), topic_line=lines[0][0]
    )


def _nul_check(lines: list[tuple[int, str]], *, source: str) -> None:
    for number, line in lines:
        if "\x00" in line:
            raise DocumentError(source, number, NUL_CHARACTER.format(column=line.index("\x00") + 1))


def _header_parse(lines: list[tuple[int, str]], *, source: str) -> tuple[str, str, int]:
    """The topic name, the description and the index of the 'Questions' line that follows them.

    The description is the second line and the indented (continuation) lines after it.
    """
    if not lines:
        raise DocumentError(source, 1, MISSING_TOPIC)
    if len(lines) < 2 or lines[1][1].strip() in (QUESTIONS_MARKER, *ANSWER_MARKERS):
        line = lines[1] if len(lines) > 1 else None
        raise DocumentError(
            source,
            line[0] if line else lines[0][0] + 1,
            MISSING_DESCRIPTION.format(found=_shown(line)),
        )
    end = 2
    while (
        end < len(lines)
        and lines[end][1][:1].isspace()
        and lines[end][1].strip() != QUESTIONS_MARKER
    ):
        end += 1
    if end >= len(lines) or lines[end][1].strip() != QUESTIONS_MARKER:
        line = lines[end] if end < len(lines) else None
        number = line[0] if line else lines[end - 1][0] + 1
        raise DocumentError(source, number, MISSING_QUESTIONS_LINE.format(found=_shown(line)))
    description = "\n".join(line.strip() for _, line in lines[1:end])
    return lines[0][1].strip(), "" if description == NO_DESCRIPTION else description, end


def _blocks_find(rest: list[tuple[int, str]], *, source: str) -> list[tuple[int, list[int]]]:
    """Group the answer markers by question: (index of the question line, its marker indexes).

    Indexes are into `rest`; each marker opens a body that runs to the next marker or question.
    """
    markers = [i for i, (_, line) in enumerate(rest) if line.strip() in ANSWER_MARKERS]
    if not markers:
        raise DocumentError(source, rest[-1][0] + 1, MISSING_ANSWER)
    _posted_on_check(rest, source=source)
    _first_question_check(rest, first_marker=markers[0], source=source)
    # A marker starts a new question (the line before it) unless it is the Beginner Answer
    # right after a question's Expert Answer.
    blocks: list[tuple[int, list[int]]] = []
    for index in markers:
        kind = rest[index][1].strip()
        if blocks:
            last_markers = blocks[-1][1]
            previous_kind = rest[last_markers[-1]][1].strip()
            if (
                kind == BEGINNER_MARKER
                and previous_kind == EXPERT_MARKER
                and len(last_markers) == 1
            ):
                last_markers.append(index)
                continue
            if index - 1 == last_markers[-1] or POSTED_ON_RE.match(rest[index - 1][1].strip()):
                raise DocumentError(
                    source,
                    rest[index][0],
                    MARKER_WITHOUT_QUESTION.format(marker=kind, found=_shown(rest[index - 1])),
                )
        blocks.append((index - 1, [index]))
    return blocks


def _first_question_check(rest: list[tuple[int, str]], *, first_marker: int, source: str) -> None:
    """The first line after 'Questions' is a question, and the line after it an answer marker."""
    if first_marker == 1:
        return
    number, line = rest[0]
    if first_marker == 0:
        problem = MARKER_WITHOUT_QUESTION.format(marker=line.strip(), found="'Questions'")
    else:
        problem = STRAY_LINE.format(found=_shown(rest[0]))
    raise DocumentError(source, number, problem)


def _questions_parse(
    rest: list[tuple[int, str]],
    blocks: list[tuple[int, list[int]]],
    uids: dict[int, tuple[uuid.UUID, int]],
    *,
    source: str,
) -> tuple[list[ParsedQuestion], list[str]]:
    """One ParsedQuestion per block, and a warning for each answer a question lacks."""
    questions: list[ParsedQuestion] = []
    warnings: list[str] = []
    first_line_of: dict[str, int] = {}
    ends = [question_index for question_index, _ in blocks[1:]] + [len(rest)]
    for (question_index, marker_indexes), end in zip(blocks, ends, strict=True):
        number, question_text = rest[question_index]
        question_text = question_text.strip()
        if question_text in first_line_of:
            first = first_line_of[question_text]
            raise DocumentError(source, number, DUPLICATE_QUESTION.format(first=first))
        first_line_of[question_text] = number
        if problem := length_problem(question_text):
            raise DocumentError(source, number, problem)
        answers = _answer_bodies_parse(rest, marker_indexes, end=end, source=source)
        warnings += (
            ONE_ANSWER_WARNING.format(
                source=source, line=number, missing=missing, question=question_text
            )
            for missing in ("expert", "beginner")
            if missing not in answers
        )
        expert, beginner = answers.get("expert"), answers.get("beginner")
        uid = uids.pop(number, (None, 0))[0]
        questions.append(ParsedQuestion(question_text, number, expert, beginner, uid=uid))
    if uids:  # an id whose line before it turned out to be part of an answer, not a question
        raise DocumentError(source, min(line for _, line in uids.values()), ID_MISPLACED)
    return questions, warnings


def _answer_bodies_parse(
    rest: list[tuple[int, str]], marker_indexes: list[int], *, end: int, source: str
) -> dict[str, ParsedAnswer]:
    """A question's answers by level; each body runs to the next marker, or to `end`."""
    answers: dict[str, ParsedAnswer] = {}
    body_ends = [*marker_indexes[1:], end]
    for marker_index, body_end in zip(marker_indexes, body_ends, strict=True):
        level = "expert" if rest[marker_index][1].strip() == EXPERT_MARKER else "beginner"
        answers[level] = _answer_parse(
            rest[marker_index + 1 : body_end],
            after=rest[body_end] if body_end < len(rest) else None,
            marker_line=rest[marker_index][0],
            level=level,
            source=source,
        )
    return answers
