"""Code tokens that carry meaning in a model answer: CLI commands and flags, Dockerfile
instructions, YAML keys. Prose extraction drops code lines, so these are found apart."""

from __future__ import annotations

import re

from .text import content_stems

_FLAG_RE = re.compile(r"(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_INSTRUCTION_RE = re.compile(
    r"(?m)^\s*(RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|ARG|EXPOSE|WORKDIR|USER|VOLUME|HEALTHCHECK|LABEL|"
    r"ONBUILD|STOPSIGNAL|SHELL)\b"
)
_YAML_KEY_RE = re.compile(r"(?m)^\s*-?\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s*:")
_COMMAND_RE = re.compile(r"\b(docker(?: compose|-compose)? [a-z]{2,12})\b")
_EXAMPLE_NAME_ENDINGS = ("_data", "_volume", "_network", "_net", "_db", "_cache")
# A code term must recur (or appear in the beginner answer) to count as something to check.
MIN_OCCURRENCES = 2
MAX_CODE_TERMS = 8
CODE_TERM_WEIGHT = 0.4


def code_terms(expert: str, beginner: str = "") -> list[str]:
    """The code tokens worth checking, commonest first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    beginner_terms = _terms(beginner)  # found once: counted, then the beginner's own
    for terms in (_terms(expert), beginner_terms):
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
            first.setdefault(term, len(first))
    in_beginner = set(beginner_terms)
    kept = [t for t in counts if counts[t] >= MIN_OCCURRENCES or t in in_beginner]
    kept.sort(key=lambda t: (-counts[t], first[t]))
    return [t for t in kept[:MAX_CODE_TERMS] if content_stems(t)]


def _terms(text: str) -> list[str]:
    found = [m.group(0) for m in _FLAG_RE.finditer(text)]
    found += [m.group(1) for m in _INSTRUCTION_RE.finditer(text)]
    # Keys, not the names of an example's volumes or networks ("db_data").
    found += [
        m.group(1)
        for m in _YAML_KEY_RE.finditer(text)
        if not m.group(1).endswith(_EXAMPLE_NAME_ENDINGS)
    ]
    found += [m.group(1) for m in _COMMAND_RE.finditer(text)]
    return found
