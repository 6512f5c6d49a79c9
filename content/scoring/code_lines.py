"""Lines of code in an answer: shell command lines, Dockerfile instructions and YAML.

A command line ("docker run --read-only --cap-drop ALL myapp") has almost no function words,
yet it states something: a verb (the subcommand) and its arguments. The keyword-list damping
and cap judge the answer's prose without these lines, so that an answer given as commands, a
Dockerfile or a Compose file is scored on its evidence like prose, while a bare list of terms,
command names without arguments included ("docker run, docker ps, docker stop"), stays a list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import STOPWORDS, Tokens

# Tools whose name starts a command line wherever it stands (lower case only).
COMMANDS = frozenset(
    """docker docker-compose podman nerdctl kubectl helm git npm yarn pip pip3 python python3
    node go apt apt-get apk yum dnf curl wget systemctl journalctl unshare nsenter runc ctr
    crictl trivy cosign grype syft hadolint grep awk sed xargs cat ls echo cd mkdir chmod chown
    cp mv tar ssh openssl""".split()  # noqa: SIM905
)
_DOCKER_LIKE = frozenset({"docker", "podman", "nerdctl"})
_STARTS = COMMANDS | {"sudo"}
_TOOL_WORDS = frozenset(w for tool in _STARTS for w in (tool, tool.capitalize()))
# After "docker", a command line needs one of these; "Docker images are ..." then takes no
# argument and stays prose.
DOCKER_SUBCOMMANDS = frozenset(
    """attach build builder buildx commit compose config container context cp create diff events
    exec export history image images import info init inspect kill load login logout logs manifest
    network node pause plugin port ps pull push rename restart rm rmi run save scout search secret
    service stack start stats stop swarm system tag top trust unpause update version volume
    wait""".split()  # noqa: SIM905
)
# Subcommands that take a subcommand of their own ("docker volume create", "docker compose up").
_MANAGEMENT = frozenset(
    """builder buildx compose config container context image manifest network node plugin scout
    secret service stack swarm system trust volume""".split()  # noqa: SIM905
)
DOCKERFILE_INSTRUCTIONS = frozenset(
    """FROM RUN COPY ADD CMD ENTRYPOINT ENV ARG EXPOSE WORKDIR USER VOLUME HEALTHCHECK LABEL
    ONBUILD STOPSIGNAL SHELL MAINTAINER""".split()  # noqa: SIM905
)
# More bare words than this after a command's subcommand ("docker run namespaces cgroups layers
# seccomp") make it a list that starts with a command, not a command line; with no flag, path,
# number or other syntax among the arguments, more than MAX_PLAIN_ONLY.
MAX_PLAIN_ARGUMENTS = 3
MAX_PLAIN_ONLY = 2

# Where a line splits into separate commands: " / ", ";", "&&", "||", " | " and backticks.
_SEGMENT_RE = re.compile(r"\s/\s|;|&&|\|\||\s\|\s|`")
# Every one of them has one of these characters, which few lines have: the search for them
# (whose alternatives are tried at every character) runs only on the lines that do.
_SEGMENT_CHARS_RE = re.compile(r"[/;&|`]")
_TOKEN_RE = re.compile(r"\S+")
_DOCKERFILE_RE = re.compile(r"^\s*([A-Z]+)\s+[^\s,]")
# A YAML mapping line ("image: nginx", "  ports:", "- name: web"), keys in lower case.
# Its value runs to the end of the line (greedy: a lazy value would try the end at every
# character); the trailing whitespace is stripped after.
_YAML_KEY_RE = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w.-]*):(?:\s+(\S.*))?\s*$")
_YAML_ITEM_RE = re.compile(r"^\s*-\s+\S")
_PLAIN_RE = re.compile(r"[A-Za-z]+")
_FLAG_RE = re.compile(r"--?[A-Za-z]")
_TRAILING = ",.:"
# Words that follow a tool's name in prose, never as its subcommand ("export the image").
_PROSE_WORDS = frozenset("a an the and or of to is are it in on for with as by".split())  # noqa: SIM905


def code_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the command lines, Dockerfile instructions and YAML lines of a text.

    A command named without arguments ("docker ps") or a lone YAML line counts only on a line
    of its own and beside other code."""
    strong: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    yaml: list[tuple[int, int]] = []
    in_yaml = False
    begin = 0
    for line in text.split("\n"):
        end = begin + len(line)
        stripped = line.strip()
        if not stripped:
            begin = end + 1
            continue
        head = stripped[0]
        # An instruction starts with two capitals: most lines are not split to find their first
        # word.
        if stripped[:2].isupper() and stripped.split(None, 1)[0] in DOCKERFILE_INSTRUCTIONS:
            if _DOCKERFILE_RE.match(line):
                strong.append(_trimmed(line, begin))
            in_yaml = False
        elif (":" in line and _is_yaml_key(line)) or (
            in_yaml and head == "-" and _YAML_ITEM_RE.match(line)
        ):
            yaml.append(_trimmed(line, begin))
            in_yaml = True
        else:
            in_yaml = False
            if head == "$" or _has_tool(line):
                for start, stop, has_arguments in _commands(line):
                    if has_arguments:
                        strong.append((begin + start, begin + stop))
                    elif line[start:stop].strip() == stripped:
                        weak.append((begin + start, begin + stop))
        begin = end + 1
    if len(yaml) > 1:
        strong += yaml
    else:
        weak += yaml
    return sorted(strong + weak) if strong else []


def _trimmed(line: str, begin: int) -> tuple[int, int]:
    """The span of a line that starts at offset `begin`, without its outer whitespace."""
    return begin + len(line) - len(line.lstrip()), begin + len(line.rstrip())


def _has_tool(text: str) -> bool:
    """Whether a tool's name stands in the text as a word of its own (a cheap first test)."""
    if "`" in text:
        text = text.replace("`", " ")
    return not _TOOL_WORDS.isdisjoint(text.split())


def _is_yaml_key(line: str) -> bool:
    match = _YAML_KEY_RE.match(line)
    # Keys in lower case, or indented (environment variables: "  POSTGRES_DB: app").
    if match is None or not (match.group(2).islower() or match.group(1)):
        return False
    value = match.group(3)
    if value:
        value = value.rstrip()
    if not value or value[0] in "[{\"'":
        return True
    # "volumes: named volumes, bind mounts" is a label over a list, not a YAML value.
    return ", " not in value and len(_PLAIN_RE.findall(value)) <= MAX_PLAIN_ARGUMENTS


def _commands(line: str) -> list[tuple[int, int, bool]]:
    """(start, end, has arguments) of each command in one line."""
    marks = list(_SEGMENT_RE.finditer(line)) if _SEGMENT_CHARS_RE.search(line) else []
    if not marks:
        return _segment_commands(line)
    found = []
    start = 0
    for mark in (*marks, None):
        end = mark.start() if mark else len(line)
        segment = line[start:end]
        if segment.lstrip()[:1] == "$" or _has_tool(segment):
            found += [
                (start + first, start + last, has_arguments)
                for first, last, has_arguments in _segment_commands(segment)
            ]
        start = mark.end() if mark else end
    return found


def _segment_commands(segment: str) -> list[tuple[int, int, bool]]:
    """(start, end, has arguments) of each command in one segment of a line."""
    words = segment.split()
    found = []
    prompt = bool(words) and words[0] == "$"
    # A command starts at a tool's name (or at a prompt): only those words are tried, in order,
    # each after the end of the command found before it.
    heads = [index for index, word in enumerate(words) if word in _TOOL_WORDS]
    if prompt and heads[:1] != [0]:
        heads.insert(0, 0)
    after = 0
    for index in heads:
        if index < after:
            continue
        parsed = _command_at(words, index, prompt and index == 0)
        if parsed is None:
            continue
        last, has_arguments = parsed
        found.append((index, last, has_arguments))
        after = last + 1
    if not found:
        return []
    # Character offsets, only for the segments that hold a command.
    tokens = [m.span() for m in _TOKEN_RE.finditer(segment)]
    return [
        (tokens[first][0], tokens[last][0] + len(words[last].rstrip(_TRAILING) or words[last]), has)
        for first, last, has in found
    ]


def _command_at(words: list[str], index: int, prompt: bool) -> tuple[int, bool] | None:
    """(index of the last word, whether it has arguments) of a command starting at index."""
    first = index + 1 if prompt else index
    if first >= len(words):
        return None
    if words[first] == "sudo" and first + 1 < len(words):
        first += 1
    tool = words[first]
    if tool[-1] in _TRAILING and len(tool) > 1:
        return None
    last = first
    # "Docker" in capitals only where a segment starts ("Docker run -d nginx").
    if tool.lower() in _DOCKER_LIKE and (tool.islower() or index == 0):
        if first + 1 >= len(words) or words[first + 1] not in DOCKER_SUBCOMMANDS:
            return None
        last = first + 1
        if (
            words[last] in _MANAGEMENT
            and last + 1 < len(words)
            and _is_subcommand(words[last + 1].rstrip(_TRAILING), STOPWORDS)
        ):
            last += 1
    elif tool not in COMMANDS and not prompt:
        return None
    elif last + 1 < len(words) and _is_subcommand(words[last + 1].rstrip(_TRAILING), _PROSE_WORDS):
        last += 1  # the subcommand: "kubectl get", "git commit", "apt-get install"
    if words[last][-1] in _TRAILING:
        return (last, prompt)
    plain = 0
    arguments = 0
    after_flag = False
    for position in range(last + 1, len(words)):
        word = words[position]
        bare = word.rstrip(_TRAILING) or word
        if word.lower() in _DOCKER_LIKE:
            break
        # A function word ends the command ("docker stop web then ..."), unless it is a flag's
        # value ("--cap-drop ALL").
        if bare.lower() in STOPWORDS and bare.isalpha() and not after_flag:
            break
        if _PLAIN_RE.fullmatch(bare) and not after_flag:
            plain += 1
        arguments += 1
        last = position
        after_flag = bool(_FLAG_RE.match(bare)) and "=" not in bare
        if bare != word and word != ".":
            break
    if plain > (MAX_PLAIN_ARGUMENTS if plain < arguments else MAX_PLAIN_ONLY):
        return None
    return (last, arguments > 0 or prompt)


def _is_subcommand(word: str, prose: frozenset[str]) -> bool:
    """A bare word, not a prose word, in lower case: "create" of "docker volume create"."""
    return word.islower() and word.isalpha() and word not in prose


class _ByText:
    """Tokens as a cache key: equal when their texts are."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens

    def __hash__(self) -> int:
        return hash(self.tokens.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _ByText) and other.tokens.text == self.tokens.text


# One score() asks for an answer's code words several times (each concept set's matching, the
# recall, the guard); a few recent texts are kept, nothing across many answers.
@lru_cache(maxsize=4)
def _profile(key: _ByText) -> tuple[frozenset[int], tuple[list[int], list[int]]]:
    tokens = key.tokens
    code = frozenset(
        index for start, end in code_spans(tokens.text) for index in tokens.words_within(start, end)
    )
    function = list(tokens.sentence_function)
    content = list(tokens.sentence_content)
    sentence, stop = tokens.sentence, tokens.stop
    for index in code:
        if stop[index]:
            function[sentence[index]] = max(0, function[sentence[index]] - 1)
        else:
            content[sentence[index]] -= 1
    return code, (function, content)


def code_words(tokens: Tokens) -> frozenset[int]:
    """Indices of the words that stand in lines of code."""
    return _profile(_ByText(tokens))[0]


def prose_counts(tokens: Tokens) -> tuple[list[int], list[int]]:
    """Per sentence: function words and content words outside lines of code."""
    function, content = _profile(_ByText(tokens))[1]
    return list(function), list(content)
