"""The seed document format (`content/sources/*.txt`): read by content.parsing, written here."""

from content.parsing import (
    BEGINNER_MARKER,
    CONTINUATION_INDENT,
    EXPERT_MARKER,
    NO_DESCRIPTION,
    QUESTIONS_MARKER,
    ParsedAnswer,
    ParsedDocument,
    description_lines,
    parse_document,
)

EXTENSIONS = (".txt",)
read = parse_document


def _answer_lines(marker: str, answer: ParsedAnswer) -> list[str]:
    posted_on = answer.posted_on
    # The format needs a date; answers from formats without one got theirs when created.
    date = f"{posted_on:%b} {posted_on.day}, {posted_on.year}" if posted_on else ""
    first, *rest = answer.text.split("\n")
    return [marker, f"Posted on {date}{first}", *rest]


def write(document: ParsedDocument) -> str:
    """The document as seed text; parsing it gives the same document back."""
    # A description of several lines continues on indented lines.
    first, *more = description_lines(document.description or "") or [NO_DESCRIPTION]
    lines = [document.topic_name, first, *(CONTINUATION_INDENT + line for line in more)]
    lines.append(QUESTIONS_MARKER)
    for question in document.questions:
        lines.append(question.text)
        if question.uid is not None:
            lines.append(f"Id: {question.uid}")
        if question.expert is not None:
            lines.extend(_answer_lines(EXPERT_MARKER, question.expert))
        if question.beginner is not None:
            lines.extend(_answer_lines(BEGINNER_MARKER, question.beginner))
    return "\n".join(lines) + "\n"
