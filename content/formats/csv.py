"""CSV: one row per question under a header row: question, expert_answer, beginner_answer, id.

The topic is not in the file: it comes from the command's `--topic`, the upload form, or the file
name (an export is named after its topic's slug). A cell may hold several lines; blank lines inside
a cell are dropped as in the other formats. Answers carry no date: a stored date is kept.

A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
is written with a leading apostrophe, so opening an export shows text; reading drops that one
apostrophe again. Text that itself starts with apostrophes before such a character gets one more.
"""

import csv
import io
import re

from content.parsing import (
    DocumentError,
    ParsedAnswer,
    ParsedDocument,
    ParsedQuestion,
    length_problem,
    parse_uid,
    question_line,
)

EXTENSIONS = (".csv",)
COLUMNS = ("question", "expert_answer", "beginner_answer", "id")
REQUIRED = COLUMNS[:3]
LEVELS = ("expert", "beginner")

NO_HEADER = "row 1: expected a header row naming the columns {columns}, found {found}"
UNKNOWN_COLUMN = "row 1: expected only the columns {columns}, found '{found}'"
MISSING_COLUMN = "row 1: expected a '{column}' column"
BAD_ROW_LENGTH = "row {row} (line {line}): expected {expected} cells, found {found}"
EMPTY_QUESTION = "row {row} (line {line}): expected the question in the 'question' column"
NO_ANSWER = "row {row} (line {line}): expected an expert or a beginner answer"
TOO_LONG = "row {row} (line {line}): {problem}"
DUPLICATE_QUESTION = "row {row} (line {line}): expected each question once, it repeats row {first}"
DUPLICATE_ID = "row {row} (line {line}): expected each id once, it repeats row {first}"
NOT_CSV = "line {line}: expected CSV, {problem}"
NO_ROWS = "expected at least one question row after the header"
ONE_ANSWER_WARNING = "{source}, row {row}: question has no {missing} answer: {question}"
# Apostrophes, then what makes a spreadsheet read the cell as a formula (CSV injection).
FORMULA_RE = re.compile(r"'*[=+\-@\t\r]")


def _header_name(cell: str) -> str:
    return cell.strip().casefold().replace(" ", "_")


def _cell(text: str) -> str:
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    text = "\n".join(line for line in lines if line.strip()).strip()
    return text[1:] if text.startswith("'") and FORMULA_RE.match(text, 1) else text


def _spreadsheet_safe(text: str) -> str:
    return "'" + text if FORMULA_RE.match(text) else text


def _rows(text: str, *, source: str):
    """(row number, first line, cells) of each non-empty record."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row = 0
    line = 1
    try:
        for cells in reader:
            row += 1
            if any(cell.strip() for cell in cells):
                yield row, line, cells
            line = reader.line_num + 1
    except csv.Error as error:
        problem = NOT_CSV.format(line=reader.line_num, problem=error)
        raise DocumentError(source, None, problem) from None


def _columns(cells: list[str], *, source: str) -> dict[str, int]:
    names = [_header_name(cell) for cell in cells]
    if not set(names) & set(REQUIRED):
        found = ",".join(cells)[:60]
        raise DocumentError(
            source, None, NO_HEADER.format(columns=", ".join(COLUMNS), found=repr(found))
        )
    for name, cell in zip(names, cells, strict=True):
        if name not in COLUMNS:
            raise DocumentError(
                source, None, UNKNOWN_COLUMN.format(columns=", ".join(COLUMNS), found=cell)
            )
    for column in REQUIRED:
        if column not in names:
            raise DocumentError(source, None, MISSING_COLUMN.format(column=column))
    return {name: index for index, name in enumerate(names)}


def _too_long(values: dict[str, str]) -> str | None:
    """What of a row is longer than the question editor saves, or None."""
    problems = [length_problem(values["question"])]
    problems += [length_problem(values[f"{level}_answer"], level=level) for level in LEVELS]
    return next((problem for problem in problems if problem), None)


def read(text: str, *, source: str = "<csv>", topic_name: str) -> ParsedDocument:
    """Parse a CSV bank; raise DocumentError naming the row and line when a row does not fit."""
    text = text.removeprefix("\ufeff")
    rows = _rows(text, source=source)
    header = next(rows, None)
    if header is None:
        raise DocumentError(source, None, NO_HEADER.format(columns=", ".join(COLUMNS), found="''"))
    columns = _columns(header[2], source=source)
    questions: list[ParsedQuestion] = []
    warnings: list[str] = []
    seen: dict[object, int] = {}
    for row, line, cells in rows:
        where = {"row": row, "line": line}
        if len(cells) != len(columns):
            problem = BAD_ROW_LENGTH.format(expected=len(columns), found=len(cells), **where)
            raise DocumentError(source, None, problem)
        values = {name: _cell(cells[index]) for name, index in columns.items()}
        values["question"] = question_line(values["question"])
        if not values["question"]:
            raise DocumentError(source, None, EMPTY_QUESTION.format(**where))
        if not values["expert_answer"] and not values["beginner_answer"]:
            raise DocumentError(source, None, NO_ANSWER.format(**where))
        if problem := _too_long(values):
            raise DocumentError(source, None, TOO_LONG.format(problem=problem, **where))
        if (first := seen.setdefault(values["question"], row)) != row:
            raise DocumentError(source, None, DUPLICATE_QUESTION.format(first=first, **where))
        uid = None
        if values.get("id"):
            uid = parse_uid(values["id"], source=f"{source}, row {row}", line=line)
            if (first := seen.setdefault(uid, row)) != row:
                raise DocumentError(source, None, DUPLICATE_ID.format(first=first, **where))
        answers = {}
        for level in ("expert", "beginner"):
            if body := values[f"{level}_answer"]:
                answers[level] = ParsedAnswer(body, None, line)
            else:
                warnings.append(
                    ONE_ANSWER_WARNING.format(
                        source=source, row=row, missing=level, question=values["question"]
                    )
                )
        questions.append(
            ParsedQuestion(
                values["question"], line, answers.get("expert"), answers.get("beginner"), uid
            )
        )
    if not questions:
        raise DocumentError(source, None, NO_ROWS)
    return ParsedDocument(topic_name, None, tuple(questions), tuple(warnings))


def write(document: ParsedDocument) -> str:
    """The questions as CSV with a header row; reading it back gives the same questions."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for question in document.questions:
        texts = [
            question.text,
            question.expert.text if question.expert else "",
            question.beginner.text if question.beginner else "",
        ]
        writer.writerow([*map(_spreadsheet_safe, texts), str(question.uid) if question.uid else ""])
    return out.getvalue()
