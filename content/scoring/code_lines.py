"""Lines of code in an answer: shell command lines, Dockerfile instructions and YAML.

A command line ("docker run --read-only --cap-drop ALL myapp") has almost no function words,
yet it states something: a verb (the subcommand) and its arguments. The keyword-list damping
and cap judge the answer's prose without these lines, so that an answer given as commands, a
Dockerfile or a Compose file is scored on its evidence like prose, while a bare list of terms,
command names without arguments included ("docker run, docker ps, docker stop"), stays a list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
_TOKEN_RE = re.compile(r"\S+")
_DOCKERFILE_RE = re.compile(r"^\s*([A-Z]+)\s+[^\s,]")
# A YAML mapping line ("image: nginx", "  ports:", "- name: web"), keys in lower case.
_YAML_KEY_RE = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w.-]*):(?:\s+(\S.*?))?\s*$")
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
        span = (begin + len(line) - len(line.lstrip()), begin + len(line.rstrip()))
        match = _DOCKERFILE_RE.match(line)
        if match and match.group(1) in DOCKERFILE_INSTRUCTIONS:
            strong.append(span)
            in_yaml = False
        elif _is_yaml_key(line) or (in_yaml and _YAML_ITEM_RE.match(line)):
            yaml.append(span)
            in_yaml = True
        elif stripped:
            in_yaml = False
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


def _is_yaml_key(line: str) -> bool:
    match = _YAML_KEY_RE.match(line)
    # Keys in lower case, or indented (environment variables: "  POSTGRES_DB: app").
    if match is None or not (match.group(2).islower() or match.group(1)):
        return False
    value = match.group(3)
    if not value or value[0] in "[{\"'":
        return True
    # "volumes: named volumes, bind mounts" is a label over a list, not a YAML value.
    return ", " not in value and len(_PLAIN_RE.findall(value)) <= MAX_PLAIN_ARGUMENTS


def _commands(line: str) -> list[tuple[int, int, bool]]:
    """(start, end, has arguments) of each command in one line."""
    marks = list(_SEGMENT_RE.finditer(line))
    starts = [0, *(m.end() for m in marks)]
    ends = [*(m.start() for m in marks), len(line)]
    found = []
    for start, end in zip(starts, ends, strict=True):
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(line, start, end)]
        found += _segment_commands(tokens)
    return found


def _segment_commands(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, bool]]:
    found = []
    index = 0
    words = [t[2] for t in tokens]
    prompt = bool(words) and words[0] == "$"
    while index < len(words):
        if not (
            words[index] in _STARTS
            or words[index].lower() in _DOCKER_LIKE
            or (prompt and index == 0)
        ):
            index += 1
            continue
        parsed = _command_at(words, index, prompt and index == 0)
        if parsed is None:
            index += 1
            continue
        last, has_arguments = parsed
        found.append((tokens[index][0], _end(tokens[last]), has_arguments))
        index = last + 1
    return found


def _end(token: tuple[int, int, str]) -> int:
    start, end, word = token
    stripped = word.rstrip(_TRAILING)
    return start + len(stripped) if stripped else end


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


@lru_cache(maxsize=256)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(code_spans(text))


def code_words(tokens: Tokens) -> frozenset[int]:
    """Indices of the words that stand in lines of code."""
    spans = _spans(tokens.text)
    if not spans:
        return frozenset()
    starts = [s for s, _ in spans]
    found = set()
    for index, start in enumerate(tokens.starts):
        at = bisect_right(starts, start) - 1
        if at >= 0 and start < spans[at][1]:
            found.add(index)
    return frozenset(found)


def prose_counts(tokens: Tokens) -> tuple[list[int], list[int]]:
    """Per sentence: function words and content words outside lines of code."""
    code = code_words(tokens)
    function = list(tokens.sentence_function)
    content = list(tokens.sentence_content)
    for index in code:
        sentence = tokens.sentence[index]
        if tokens.stop[index]:
            function[sentence] = max(0, function[sentence] - 1)
        else:
            content[sentence] -= 1
    return function, content
