"""Render a model-answer body (flattened web text) as safe HTML.

Every piece of source text is escaped; the markup around it is built here, and only that is marked
safe. Lists, tables, code blocks, call-outs, diagrams and headings are rebuilt from line shapes
(see content.rendering.lines); what fits none of them becomes a paragraph. No text is ever dropped.
"""

import re
from collections.abc import Iterator

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from content.rendering.lines import CALLOUT_RE, Line, lines_read

ITEM_SPLIT_RE = re.compile(r" - (?=[A-Z])")
GLUED_FLAG_RE = re.compile(r"(?<=[,)])(--?[a-z][\w-]*)(?=\s|$)")
TERM_RE = re.compile(r"^(?P<term>[^:]{1,40}):(?= \S)")
CALLOUT_KINDS = {"Tip": "tip", "Warning": "warning", "Caution": "warning", "Important": "warning"}


def _text_html(text: str) -> str:
    # Flags the flattening glued to the previous phrase: "(detached mode),-p (port mapping)".
    return GLUED_FLAG_RE.sub(r"<code>\1</code>", escape(text))


def _segments_html(segments: list[tuple[str, bool]]) -> str:
    return "".join(
        f"<code>{escape(text)}</code>" if code else _text_html(text) for text, code in segments
    )


def _item_split(line: Line) -> list[list[tuple[str, bool]]]:
    """Split list items that the flattening glued after inline code (`... docker run - Next item`)."""
    items: list[list[tuple[str, bool]]] = [[]]
    for position, (text, code) in enumerate(line.segments):
        if code or position == 0:
            items[-1].append((text, code))
            continue
        first, *rest = ITEM_SPLIT_RE.split(text)
        items[-1].append((first, False))
        items.extend([(f"- {piece}", False)] for piece in rest)
    return items


def _item_html(segments: list[tuple[str, bool]]) -> str:
    text, code = segments[0]
    text = text.removeprefix("- ")
    if match := TERM_RE.match(text):
        head = f"<strong>{escape(match['term'])}</strong>:"
        return f"<li>{head}{_segments_html([(text[match.end() :], code), *segments[1:]])}</li>"
    return f"<li>{_segments_html([(text, code), *segments[1:]])}</li>"


def _list_html(lines: list[Line]) -> str:
    items = [item for line in lines for item in _item_split(line)]
    return "<ul>" + "".join(_item_html(item) for item in items) + "</ul>"


def _cells(line: Line) -> list[str]:
    return [escape(part.strip()) for part in line.text.strip().removesuffix("|").split("|")]


def _table_rows(header: Line, rows: list[Line]) -> list[list[str]]:
    """Cells of each row; a lone first cell cut onto its own line (code) rejoins the next row."""
    joined: list[list[str]] = []
    pending: list[str] = []
    for row in rows:
        cells = _cells(row)
        if len(cells) == 1 and len(_cells(header)) > 1:
            pending.extend(f"<code>{cell}</code>" for cell in cells)
            continue
        joined.append([*pending, *cells])
        pending = []
    return [*joined, pending] if pending else joined


def _table_html(header: Line, rows: list[Line]) -> str:
    head = "".join(f"<th scope='col'>{cell}</th>" for cell in _cells(header))
    body = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
        for cells in _table_rows(header, rows)
    )
    return f"<div class='table-wrap'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _callout_html(line: Line, inner: str = "") -> str:
    text, code = line.segments[0]
    match = CALLOUT_RE.match(text)
    label = match["label"] if match else ""
    kind = CALLOUT_KINDS.get(label.split()[-1], "note") if label else "note"
    rest = [(text[len(label) + 1 :], code), *line.segments[1:]]
    body = f"<strong>{escape(label)}:</strong>{_segments_html(rest)}"
    return f"<aside class='callout callout-{kind}'><p>{body}</p>{inner}</aside>"


def _attach_lone_code(lines: list[Line]) -> list[Line]:
    """A single code line right after a list item (`- Command:` / `docker start ID`) joins the item."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        lone = line.kind == "code" and (following is None or following.kind != "code")
        if lone and kept and kept[-1].kind == "item" and len(line.text) <= 80:
            kept[-1].segments.extend([(" ", False), (line.text, True)])
            continue
        kept.append(line)
    return kept


def _runs(lines: list[Line]) -> Iterator[tuple[str, list[Line]]]:
    """Group consecutive lines of the same kind (tables: header, rule, rows)."""
    index = 0
    while index < len(lines):
        kind = lines[index].kind
        following = lines[index + 1] if index + 1 < len(lines) else None
        if kind == "table_row" and following is not None and following.kind == "table_rule":
            end = index + 2
            while end < len(lines) and lines[end].kind == "table_row":
                end += 1
            yield "table", lines[index:end]
        elif kind in ("code", "item"):
            end = index + 1
            while end < len(lines) and lines[end].kind == kind:
                end += 1
            yield kind, lines[index:end]
        else:
            end = index + 1
            yield kind, lines[index:end]
        index = end


def render_answer(body: str, *, heading_level: int = 3) -> SafeString:
    """Turn a model-answer body into safe HTML; its headings are h<heading_level>, one level
    below the heading the page gives the answer."""
    parts: list[str] = []
    runs = list(_runs(_attach_lone_code(lines_read(body))))
    index = 0
    while index < len(runs):
        kind, lines = runs[index]
        if kind == "table":
            parts.append(_table_html(lines[0], lines[2:]))
        elif kind == "code":
            code = "\n".join(line.text for line in lines)
            parts.append(f"<pre><code>{escape(code)}</code></pre>")
        elif kind == "diagram":
            parts.append(f"<pre class='diagram'>{escape(lines[0].text)}</pre>")
        elif kind == "item":
            parts.append(_list_html(lines))
        elif kind == "callout":
            following = runs[index + 1] if index + 1 < len(runs) else None
            if lines[0].text.endswith(":") and following is not None and following[0] == "item":
                parts.append(_callout_html(lines[0], _list_html(following[1])))
                index += 1
            else:
                parts.append(_callout_html(lines[0]))
        elif kind == "heading":
            heading = _segments_html(lines[0].segments)
            parts.append(f"<h{heading_level} class='answer-heading'>{heading}</h{heading_level}>")
        else:  # paragraph, and a stray table row or rule
            parts.append(f"<p>{_segments_html(lines[0].segments)}</p>")
        index += 1
    return mark_safe("\n".join(parts))  # noqa: S308 - every source piece above went through escape()
