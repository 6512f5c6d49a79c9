"""Surface forms of a concept: abbreviations, plurals, hyphen/space/joined spellings."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator

from .text import is_stopword

# General technical abbreviations (not tied to any one product). Lower-case keys.
ABBREVIATIONS: dict[str, str] = {
    "os": "operating system",
    "vm": "virtual machine",
    "cow": "copy-on-write",
    "cgroup": "control group",
    "cgroups": "control groups",
    "api": "application programming interface",
    "cli": "command-line interface",
    "gui": "graphical user interface",
    "ui": "user interface",
    "cpu": "central processing unit",
    "gpu": "graphics processing unit",
    "ram": "random access memory",
    "io": "input/output",
    "ip": "internet protocol",
    "dns": "domain name system",
    "tcp": "transmission control protocol",
    "udp": "user datagram protocol",
    "http": "hypertext transfer protocol",
    "tls": "transport layer security",
    "ssl": "secure sockets layer",
    "ssh": "secure shell",
    "nat": "network address translation",
    "vpn": "virtual private network",
    "lan": "local area network",
    "url": "uniform resource locator",
    "ci": "continuous integration",
    "db": "database",
    "dbms": "database management system",
    "sql": "structured query language",
    "sdk": "software development kit",
    "ide": "integrated development environment",
    "pid": "process identifier",
    "uid": "user identifier",
    "fs": "file system",
    "k8s": "kubernetes",
    "oop": "object-oriented programming",
    "adt": "abstract data type",
    "lifo": "last in first out",
    "fifo": "first in first out",
    "bst": "binary search tree",
    "dfs": "depth-first search",
    "bfs": "breadth-first search",
    "rbac": "role-based access control",
    "acl": "access control list",
    "iac": "infrastructure as code",
    "sla": "service level agreement",
    "ttl": "time to live",
    "jvm": "java virtual machine",
}

_LONG_THEN_SHORT = re.compile(r"((?:[A-Za-z][\w/-]*\s+){1,6})\(\s*([A-Za-z][A-Za-z0-9]{1,9})\s*\)")
# _LONG_THEN_SHORT's own ending, and the characters its long form cannot hold: see
# _long_then_short for why the search is split.
_SHORT_IN_PARENTHESES = re.compile(r"\(\s*[A-Za-z][A-Za-z0-9]{1,9}\s*\)")
_NOT_IN_LONG_FORM = re.compile(r"[^\w/\s-]")
_SHORT_THEN_LONG = re.compile(
    r"\b([A-Za-z][A-Za-z0-9]{1,9})\s*\(\s*([A-Za-z][A-Za-z0-9/-]*(?:\s+[A-Za-z][\w/-]*){1,5})\s*\)"
)


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


def _fit_long_form(abbreviation: str, words: list[str]) -> str | None:
    """The shortest tail of words whose letters spell the abbreviation, if any."""
    short = abbreviation.lower()
    for count in range(1, len(words) + 1):
        tail = words[-count:]
        joined = re.sub(r"[^a-z0-9]", "", "".join(tail).lower())
        if tail[0][0].lower() == short[0] and _is_subsequence(short, joined):
            if count == 1 and len(short) > 1 and joined == short:
                return None
            if len(tail) < 2 and len(short) > 2 and not short.startswith(joined[:2]):
                return None
            return " ".join(tail).lower()
    return None


def _long_then_short(text: str) -> Iterator[re.Match[str]]:
    """The matches of _LONG_THEN_SHORT.finditer(text), found several times faster.

    Scanning the whole text tries the pattern at every letter, and each try reads up to six
    words before it fails. A match ends with a parenthesised abbreviation and its long form
    holds only word characters, slashes, hyphens and spaces, so the pattern is tried only on
    the stretch of those characters before each "(abbreviation)": the same matches, in order."""
    closers = list(_SHORT_IN_PARENTHESES.finditer(text))
    if not closers:
        return
    outside = [m.start() for m in _NOT_IN_LONG_FORM.finditer(text)]
    searched_to = 0  # finditer goes on after the end of the previous match
    for closer in closers:
        opening, end = closer.span()
        # The stretch starts after the last character before the "(" that a long form lacks.
        before = bisect_left(outside, opening)
        start = max(searched_to, outside[before - 1] + 1 if before else 0)
        match = _LONG_THEN_SHORT.search(text, start, end)
        if match is not None:
            searched_to = match.end()
            yield match


def find_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the text defines itself: "Control Groups (cgroups)", "OCI (Open ...)"."""
    found: dict[str, str] = {}
    for match in _long_then_short(text):
        abbreviation = match.group(2)
        long_form = _fit_long_form(abbreviation, match.group(1).split())
        if long_form and len(re.split(r"[\s-]+", long_form)) > 1:
            found.setdefault(abbreviation.lower(), long_form)
    for match in _SHORT_THEN_LONG.finditer(text):
        abbreviation, long_text = match.group(1), match.group(2)
        if not any(c.isupper() for c in abbreviation):
            continue
        words = long_text.split()
        if words[0][0].lower() == abbreviation[0].lower() and _is_subsequence(
            abbreviation.lower(), "".join(words).lower()
        ):
            found.setdefault(abbreviation.lower(), " ".join(words).lower())
    return found


# Adverbs ("declaratively", "read-only") have no plural.
ADVERB_ENDINGS = ("ally", "ively", "ously", "edly", "fully", "lessly", "ently", "antly", "only")


def _may_join(first: str, second: str) -> bool:
    """Whether two words may be written as one ("data plane" -> "dataplane"). A compound starts
    with a singular noun, so not with a plural or a verb ("keeps pods", "tells docker"); and no
    one glues an acronym ("APIkeys", "hostOS") or a function word ("vsprivate") to a word."""
    if first.lower().endswith("s") and not first.lower().endswith("ss"):
        return False
    return not any(
        (len(word) >= 2 and word.isupper()) or is_stopword(word) or word.lower() == "vs"
        for word in (first, second)
    )


def _in_latin_letters(word: str) -> bool:
    """Whether every letter of `word` is Latin: English number rules mean nothing in Cyrillic,
    Greek or Han ("слойs")."""
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in word if ch.isalpha())


def singular_plural(word: str) -> str:
    """The other number of an English noun, by simple rules."""
    lower = word.lower()
    if word.isupper():
        return word[:-1] if lower.endswith("s") and len(word) > 2 else word + "s"
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def spelling_variants(phrase: str, vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """Hyphen/space/joined spellings, the other number, and a split of joined compounds."""
    out: list[str] = []
    words = phrase.split()
    if "-" in phrase:
        out.append(phrase.replace("-", " "))
        out.append(phrase.replace("-", ""))
    elif 2 <= len(words) <= 3:
        if len(words) == 2:
            out.append("-".join(words))
        for i in range(len(words) - 1):
            if (
                len(words[i]) <= 5
                and len(words[i]) + len(words[i + 1]) <= 12
                and _may_join(words[i], words[i + 1])
            ):
                joined = words[i] + words[i + 1]
                out.append(" ".join(words[:i] + [joined] + words[i + 2 :]))
    if words:
        last = words[-1]
        if (
            _in_latin_letters(last)
            and not any(ch.isdigit() for ch in last)
            and not last.lower().endswith(("ing", "ed", *ADVERB_ENDINGS))
        ):
            out.append(" ".join(words[:-1] + [singular_plural(last)]))
        if len(last) >= 7 and "-" not in last:
            lower = last.lower()
            for cut in range(3, len(lower) - 2):
                if lower[:cut] in vocabulary and lower[cut:] in vocabulary:
                    out.append(" ".join(words[:-1] + [lower[:cut], lower[cut:]]))
                    break
    return out


def abbreviation_for(
    phrase: str, table: dict[str, str], expansions: dict[str, tuple[str, str]] | None = None
) -> tuple[str, str] | None:
    """(long form, short form) if the phrase is an abbreviation or an expansion in the table.

    `expansions` is expansion_index(table), for a caller that looks up many phrases."""
    lower = phrase.lower()
    if lower in table:
        return table[lower], phrase
    if lower.endswith("s") and lower[:-1] in table and phrase[:-1].isupper():
        return table[lower[:-1]] + "s", phrase
    return (expansions if expansions is not None else expansion_index(table)).get(lower)


def expansion_index(table: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each spelling of a long form in the table (plural too) -> (long form, short form).

    One dictionary look-up instead of a walk through the whole table for every phrase; the first
    entry of the table that fits wins, as the walk would find it."""
    index: dict[str, tuple[str, str]] = {}
    for short, long_form in table.items():
        shown = short if short.islower() and len(short) > 4 else short.upper()
        index.setdefault(long_form, (long_form, shown))
        index.setdefault(long_form.replace("-", " "), (long_form, shown))
        index.setdefault(long_form + "s", (long_form + "s", shown + "s"))
    return index
