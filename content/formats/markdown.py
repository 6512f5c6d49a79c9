"""Markdown: `#` topic, its description, `##` per question, `### Expert answer` / `### Beginner answer`.

markdown-it-py finds the headings (so a `#` inside a fenced code block is not one); the text between
them is taken line by line as written, so answers keep their plain format. Answer lines that Markdown
would read as a heading, a fence or HTML are written with a leading backslash, which reading removes.
"""

import re

from markdown_it import MarkdownIt

from content.parsing import (
    ID_RE,
    DocumentError,
    ParsedAnswer,
    ParsedDocument,
    ParsedQuestion,
    description_lines,
    length_problem,
    parse_uid,
)

EXTENSIONS = (".md", ".markdown")
LEVEL_HEADINGS = {"expert answer": "expert", "beginner answer": "beginner"}

NOTHING_BEFORE_TOPIC = "expected '# <topic name>' first, found {found}"
ONE_TOPIC = "expected one '# <topic name>' heading, found a second one"
NO_QUESTIONS = "expected at least one '## <question>' heading"
BAD_SUBHEADING = "expected '### Expert answer' or '### Beginner answer', found '### {found}'"
ANSWER_OUTSIDE_QUESTION = "expected '## <question>' before '### {found}'"
LEVEL_TWICE = "expected one '### {heading}' per question, found a second one"
STRAY_TEXT = "expected 'Id: <uuid>' or '### Expert answer' after a question, found {found}"
EMPTY_QUESTION = "expected the question's text after '##', found none"
EMPTY_ANSWER = "expected the answer text under '### {heading}', found none"
NO_ANSWER = "expected '### Expert answer' or '### Beginner answer' under the question"
DUPLICATE_QUESTION = "expected each question once, but this repeats the question on line {first}"
ONE_ANSWER_WARNING = "{source}, line {line}: question has no {missing} answer: {question}"

_SETEXT_UNDERLINE = re.compile(r"[=-]+\s*")
# Only the block structure is read: a heading's text is its line as the block parser took it, so
# the inline pass (emphasis, links: a third of the parsing time of a large bank) is left out.
_md = MarkdownIt("commonmark").disable("inline")


def _shown(text: str) -> str:
    return f"'{text}'" if len(text) <= 60 else f"'{text[:57]}...'"


def _escaped(line: str) -> str:
    bare = line.lstrip()
    if bare.startswith(("#", "\\", "```", "~~~", "<")) or _SETEXT_UNDERLINE.fullmatch(bare):
        return "\\" + line
    return line


def _unescaped(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


# The block parser reads every answer line of a bank, most of which cannot change which lines are
# headings. It is given a copy where those lines are blank (same line numbers), which finds the
# same headings several times faster. A line starting `#` at the left margin is an ATX heading
# that ends whatever came before it (a paragraph, a list, a quote, indented code), except a fenced
# code block, an HTML block, or a parse past markdown-it's nesting limit (which drops the rest of
# the document). So: a document with a line that could open a fence or an HTML block, or could
# nest containers deeply, is parsed as it is; otherwise each stretch from one such heading to the
# next is blanked after its heading line unless one of its lines could itself be a heading (a `#`
# after indentation or a setext underline of `=` or `-`), in which case it is kept as written.
_ATX_LINE_RE = re.compile(r"#{1,6}(?:[ \t]|$)")
_MAYBE_HEADING_RE = re.compile(r"[^\S\n]*(?:#|[=-][=\- \t]*$)")
# A fence opens with three backticks or tildes; a line starting with `inline code` is no fence.
_FENCE_OR_HTML_RE = re.compile(r"^[^\S\n]*(?:```|~~~|<)", re.MULTILINE)
# Ten nested lists or twenty quotes reach the limit of 20; that takes over 16 columns of markers
# and indentation (a tab counted as 4) on the line where the innermost one opens.
_CONTAINER_PREFIX_RE = re.compile(r"^[ \t>*+\-0-9.)]{5,}", re.MULTILINE)
_NESTING_COLUMNS = 16


def _skeleton(text: str) -> str | None:
    """The text with the lines that cannot affect the headings blanked; None when unsure."""
    if _FENCE_OR_HTML_RE.search(text) or any(
        len(match.group().replace("\t", "    ")) >= _NESTING_COLUMNS
        for match in _CONTAINER_PREFIX_RE.finditer(text)
    ):
        return None
    out: list[str] = []
    chunk: list[str] = []
    kept = True  # what comes before the first heading is kept as it is

    def chunk_end() -> None:
        out.extend(chunk if kept else (chunk[0], *[""] * (len(chunk) - 1)))

    for line in text.split("\n"):
        if line[:1] == "#" and _ATX_LINE_RE.match(line):
            chunk_end()
            chunk, kept = [line], False
        else:
            chunk.append(line)
            if not kept and line and _MAYBE_HEADING_RE.match(line):
                kept = True
    chunk_end()
    return "\n".join(out)


def _headings(text: str) -> list[tuple[int, int, int, str]]:
    """(level, first line index, index after the heading, text) of each top-level #, ##, ###."""
    skeleton = _skeleton(text) if "\r" not in text else None
    return _parsed_headings(text if skeleton is None else skeleton)


def _parsed_headings(text: str) -> list[tuple[int, int, int, str]]:
    tokens = _md.parse(text)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.tag in ("h1", "h2", "h3"):
            content = " ".join(line.strip() for line in tokens[index + 1].content.split("\n"))
            found.append((int(token.tag[1]), token.map[0], token.map[1], content.strip()))
    return found


def _sections(text: str, *, source: str):
    lines = text.split("\n")
    headings = _headings(text)
    first_heading = headings[0][1] if headings else len(lines)
    for number, line in enumerate(lines[:first_heading], start=1):
        if line.strip():
            raise DocumentError(source, number, NOTHING_BEFORE_TOPIC.format(found=_shown(line)))
    for index, (level, start, end, title) in enumerate(headings):
        stop = headings[index + 1][1] if index + 1 < len(headings) else len(lines)
        body = [(number, line.rstrip()) for number, line in enumerate(lines[end:stop], end + 1)]
        yield level, start + 1, title, [(n, line) for n, line in body if line.strip()]


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.questions: list[dict] = []
        self.warnings: list[str] = []

    def question(self, line: int, title: str, body: list[tuple[int, str]]) -> None:
        if not title:
            raise DocumentError(self.source, line, EMPTY_QUESTION)
        if problem := length_problem(title):
            raise DocumentError(self.source, line, problem)
        uid = None
        for number, text in body:
            match = ID_RE.fullmatch(text.strip())
            if match is None or uid is not None:
                raise DocumentError(self.source, number, STRAY_TEXT.format(found=_shown(text)))
            uid = parse_uid(match["uid"], source=self.source, line=number)
        self.questions.append({"text": title, "line": line, "uid": uid})

    def answer(self, line: int, title: str, body: list[tuple[int, str]]) -> None:
        level = LEVEL_HEADINGS.get(title.casefold().rstrip(":"))
        if level is None:
            raise DocumentError(self.source, line, BAD_SUBHEADING.format(found=title))
        if not self.questions:
            raise DocumentError(self.source, line, ANSWER_OUTSIDE_QUESTION.format(found=title))
        question = self.questions[-1]
        if level in question:
            raise DocumentError(self.source, line, LEVEL_TWICE.format(heading=title))
        if not body:
            raise DocumentError(self.source, line, EMPTY_ANSWER.format(heading=title))
        text = "\n".join(_unescaped(text) for _, text in body)
        if problem := length_problem(text, level=level):
            raise DocumentError(self.source, line, problem)
        question[level] = ParsedAnswer(text, None, body[0][0])

    def parsed(self) -> tuple[ParsedQuestion, ...]:
        seen: dict[str, int] = {}
        parsed = []
        for question in self.questions:
            text, line = question["text"], question["line"]
            if "expert" not in question and "beginner" not in question:
                raise DocumentError(self.source, line, NO_ANSWER)
            if text in seen:
                raise DocumentError(self.source, line, DUPLICATE_QUESTION.format(first=seen[text]))
            seen[text] = line
            for missing in ("expert", "beginner"):
                if missing not in question:
                    self.warnings.append(
                        ONE_ANSWER_WARNING.format(
                            source=self.source, line=line, missing=missing, question=text
                        )
                    )
            parsed.append(
                ParsedQuestion(
                    text, line, question.get("expert"), question.get("beginner"), question["uid"]
                )
            )
        return tuple(parsed)


def read(text: str, *, source: str = "<markdown>") -> ParsedDocument:
    """Parse a Markdown bank; raise DocumentError naming the line when it does not fit the layout."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    topic: tuple[str, str] | None = None
    builder = _Builder(source)
    for level, line, title, body in _sections(text, source=source):
        if level == 1:
            if topic is not None:
                raise DocumentError(source, line, ONE_TOPIC)
            # Line by line, as answers are, so a description of several lines reads back as written.
            topic = (title, "\n".join(_unescaped(text).strip() for _, text in body))
        elif topic is None:
            raise DocumentError(source, line, NOTHING_BEFORE_TOPIC.format(found=_shown(title)))
        elif level == 2:
            builder.question(line, title, body)
        else:
            builder.answer(line, title, body)
    if topic is None:
        raise DocumentError(source, 1, NOTHING_BEFORE_TOPIC.format(found="no heading"))
    questions = builder.parsed()
    if not questions:
        raise DocumentError(source, len(text.split("\n")), NO_QUESTIONS)
    return ParsedDocument(topic[0], topic[1], questions, tuple(builder.warnings))


def _heading(level: int, text: str) -> str:
    # A heading's trailing '#'s after a space close it in Markdown: one more keeps the text's own.
    return f"{'#' * level} {text}{' #' if text.endswith('#') else ''}"


def write(document: ParsedDocument) -> str:
    """The document as Markdown; reading it gives the same document back (dates aside)."""
    parts = [_heading(1, document.topic_name)]
    if document.description:
        parts.append("\n".join(_escaped(line) for line in description_lines(document.description)))
    for question in document.questions:
        parts.append(_heading(2, question.text))
        if question.uid is not None:
            parts.append(f"Id: {question.uid}")
        for heading, answer in (("Expert", question.expert), ("Beginner", question.beginner)):
            if answer is not None:
                parts.append(f"### {heading} answer")
                # One paragraph per line, so the rendered file reads like the answer page.
                parts.extend(_escaped(line) for line in answer.text.split("\n") if line.strip())
    return "\n\n".join(parts) + "\n"
