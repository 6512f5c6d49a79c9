"""Read a flattened model-answer body back into logical lines, each classified. Pure Python.

The bodies were scraped from web pages: every block became one line, and inline code became a line
of its own (`use the` / `--cap-drop` / ` option`). Here those pieces are rejoined into one line made
of segments (text or code), and every line gets a kind the renderer turns into markup.
"""

import re
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal[
    "code", "diagram", "table_row", "table_rule", "item", "callout", "heading", "paragraph"
]

BOX_DRAWING_RE = re.compile(r"[\u2500-\u257f\u25b2-\u25bc\u25ba\u25b6]")
TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
CONTINUATION_START = ",.;:)(+"
CALLOUT_RE = re.compile(
    r"^(?P<label>(?:[A-Z][a-z]+ ){0,2}(?:Tip|Note|Warning|Insight|Consideration|Optimization|Caution|Important)):"
    r" (?P<rest>\S.*)$"
)
NUMBERED_HEADING_RE = re.compile(r"^\d{1,2}\. \S.{0,70}$")
DOCKERFILE_RE = re.compile(
    r"^(FROM|RUN|COPY|ADD|CMD|ENTRYPOINT|WORKDIR|ENV|EXPOSE|USER|VOLUME|ARG|LABEL|HEALTHCHECK"
    r"|SHELL|ONBUILD|STOPSIGNAL) \S"
)
HTTP_RE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD) /")
YAML_KEY_RE = re.compile(r"^(?:[a-z_][\w.-]*|[A-Z][A-Z0-9_]+):(?: \S.*)?$")
YAML_ITEM_RE = re.compile(
    r"^- (?:[a-z0-9_.$/{\"'][^ ]*|[A-Z][A-Z0-9_]*(?:=\S*)?|[a-z_][\w.-]*: \S+|\"[^\"]*\"|'[^']*')$"
)
SHELL_WORDS = frozenset(
    """
    docker docker-compose dockerd containerd runc ctr crictl sudo curl wget apt apt-get apk yum
    dnf npm npx yarn pip pip3 python python3 node go java mvn gradle make echo printf for do
    done if then else fi while case esac export unset set source trap mount umount unshare
    nsenter hostname ip iptables tcpdump ss netstat nc ping kubectl helm git cat ls cd mkdir rm
    cp mv chmod chown ln touch ps kill grep awk sed jq xargs tar gzip useradd adduser addgroup
    groupadd systemctl journalctl skopeo podman buildah trivy cosign openssl ssh scp env watch
    sleep exit cgcreate cgexec brctl dive hadolint snyk notary wait exec tini gosu
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Shell words that are also English: such a line is code only when it does not read as prose.
ENGLISH_WORDS = frozenset(
    """
    for if then else do while set source env watch sleep exit wait exec make go ip ps kill cat
    touch time mount ping
    """.split()  # noqa: SIM905 - a word list reads best as words
)
COMMAND_WITH_FLAG_RE = re.compile(r"^[a-z][\w.-]* (?:\S+ )?--?[a-zA-Z]")
SHELL_OPERATOR_RE = re.compile(r" (?:\|\||&&|\||>|>>|2>&1) ")
MINOR_WORDS = frozenset(["with", "from", "into", "over", "that", "this", "your", "when", "than"])
PROSE_RE = re.compile(r"\b[A-Za-z']+(?: [A-Za-z']+){3}\b")


@dataclass
class Line:
    """One logical line: (text, is_code) segments rejoined from one or more source lines."""

    kind: Kind
    segments: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)


def looks_like_code(line: str) -> bool:
    """Whether a source line reads as a shell, Dockerfile, YAML, JSON or code line."""
    stripped = line.strip()
    first = stripped.split(" ", 1)[0]
    return bool(
        stripped.startswith(("# ", "#!", "$ ", "/", "./", "{", "}", "[", "]", '"', "<"))
        or stripped == "#"
        or stripped.endswith((" \\", "{", "&&", "||", ";"))
        or re.match(r"^--?[a-zA-Z]", stripped)
        or (first in SHELL_WORDS and not (first in ENGLISH_WORDS and PROSE_RE.search(stripped)))
        or COMMAND_WITH_FLAG_RE.match(stripped)
        or (stripped[0].islower() and SHELL_OPERATOR_RE.search(stripped))
        or re.match(r"^[A-Z_][A-Z0-9_]*=", stripped)
        or DOCKERFILE_RE.match(stripped)
        or HTTP_RE.match(stripped)
        or YAML_KEY_RE.match(stripped)
    )


def is_continuation(line: str) -> bool:
    """Whether a line carries on the sentence of the line before (after split-out inline code)."""
    if line[0] in CONTINUATION_START:
        return True
    return line[0].islower() and not looks_like_code(line)


def _is_fragment(line: str) -> bool:
    """A short line that reads as inline code cut out of its sentence (`docker run`, `-d`)."""
    if (
        len(line) > 60
        or line.startswith(("- ", "#"))
        or is_continuation(line)
        or NUMBERED_HEADING_RE.match(line)
    ):
        return False
    words = line.split()
    return looks_like_code(line) or (
        len(words) <= 3 and (not line[0].isupper() or words[0].isupper())
    )


def _is_heading(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or len(text) > 80 or len(words) > 8:
        return False
    if NUMBERED_HEADING_RE.match(text) and text[-1] not in ".!?,;":
        return True
    if text.endswith(":"):
        long_words = [word for word in words if len(word) > 3]
        capitalised = [word for word in long_words if word[0].isupper() or word[0].isdigit()]
        return "," not in text and (len(words) <= 2 or len(capitalised) * 2 > len(long_words))
    if text[-1] in ".!?,;" or len(words) < 2:
        return False
    long_words = [word for word in words if len(word) > 3 and word.lower() not in MINOR_WORDS]
    return bool(long_words) and all(word[0].isupper() or word[0].isdigit() for word in long_words)


def _kind(text: str, previous: Line | None) -> Kind:
    if len(BOX_DRAWING_RE.findall(text)) >= 3:
        return "diagram"
    if TABLE_RULE_RE.match(text):
        return "table_rule"
    if text.endswith("|") and text.count("|") >= 2:
        return "table_row"
    if text.endswith("|") and previous is not None and previous.kind in ("table_row", "table_rule"):
        return "table_row"  # a first cell the flattening cut off onto its own line
    after_code = previous is not None and previous.kind == "code"
    if after_code and (previous.text.endswith("\\") or YAML_ITEM_RE.match(text) or text.isupper()):
        return "code"
    if text.startswith("- "):
        return "item"
    if CALLOUT_RE.match(text):
        return "callout"
    if looks_like_code(text):
        return "code"
    if _is_heading(text):
        return "heading"
    return "paragraph"


def _join(line: Line, text: str, *, code: bool = False) -> None:
    """Append a piece to a logical line, with a space unless it starts with closing punctuation."""
    glued = text[0] in ",;)" or (text[0] in ".:" and text[1:2] in ("", " "))
    space = "" if glued and not code else " "
    line.segments.append((space + text, False) if not code else (space, False))
    if code:
        line.segments.append((text, True))


def lines_read(body: str) -> list[Line]:
    """Split a body into logical lines, rejoining inline code and carried-on sentences."""
    raw = [line.strip() for line in body.split("\n") if line.strip()]
    lines: list[Line] = []
    index = 0
    while index < len(raw):
        text = raw[index]
        previous = lines[-1] if lines else None
        joinable = previous is not None and previous.kind in (
            "paragraph",
            "item",
            "callout",
            "heading",
        )
        following = raw[index + 1] if index + 1 < len(raw) else None
        if joinable and following and _is_fragment(text) and is_continuation(following):
            _join(previous, text, code=True)
            _join(previous, following)
            previous.kind = "paragraph" if previous.kind == "heading" else previous.kind
            index += 2
            continue
        punctuation = text[0] in CONTINUATION_START
        if joinable and is_continuation(text) and (previous.kind != "heading" or punctuation):
            _join(previous, text)
            previous.kind = "paragraph" if previous.kind == "heading" else previous.kind
            index += 1
            continue
        lines.append(Line(kind=_kind(text, previous), segments=[(text, False)]))
        index += 1
    return lines
