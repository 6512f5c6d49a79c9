"""Pairs of opposite words: kept out of soft matching, and read as a contradiction."""

from __future__ import annotations

from functools import cache

from .text import stem

# General opposites that answers use to state a fact the other way round. Kept short and
# general: each pair must be opposite in almost any sentence.
_PAIRS = """
increase decrease; increases decreases; increased decreased; increasing decreasing;
increase reduce; increases reduces; increasing reducing; rise fall; rises falls; raise lower;
more less; more fewer; most least; higher lower; high low; larger smaller; large small;
bigger smaller; big small; greater smaller; greater less; longer shorter; long short;
faster slower; fast slow; quicker slower; quick slow; heavier lighter; heavy lightweight;
heavy light; stronger weaker; strong weak; hotter colder; hot cold; warmer cooler; warm cool;
same different; identical different; equal unequal; constant changing; stays changes;
open closed; opened closed; on off; connected disconnected; connected unconnected;
positive negative; true false; correct incorrect; valid invalid; always never; all none;
before after; first last; inside outside; internal external; above below; top bottom;
start stop; starts stops; started stopped; attract repel; attracts repels; gain lose;
gains loses; add remove; adds removes; added removed; include exclude; includes excludes;
allow deny; allows denies; allow block; enable disable; enables disables; enabled disabled;
mutable immutable; persistent ephemeral; persistent temporary; permanent temporary;
shared separate; shares separates; share separate; public private; success failure;
succeed fail; succeeds fails; complete incomplete; full empty; sufficient insufficient;
possible impossible; visible invisible; dependent independent; direct indirect;
synchronous asynchronous; static dynamic; stateless stateful; secure insecure; safe unsafe;
absorb reflect; absorbs reflects; expand contract; expands contracts; push pull; pushes pulls;
parallel series; conductor insulator; conductors insulators; min max; minimum maximum; best worst;
better worse; easier harder; easy hard; simple complex; cheaper expensive; sink float;
sinks floats; dissolve precipitate; solid liquid; solid gas; liquid gas; acid base;
"""


@cache
def _pairs() -> frozenset[frozenset[str]]:
    pairs = set()
    for chunk in _PAIRS.replace("\n", " ").split(";"):
        words = chunk.split()
        if len(words) == 2:
            first, second = (stem(w) for w in words)
            if first != second:
                pairs.add(frozenset((first, second)))
    return frozenset(pairs)


@cache
def opposites() -> dict[str, frozenset[str]]:
    """Per stem, the stems of its opposites."""
    found: dict[str, set[str]] = {}
    for pair in _pairs():
        first, second = tuple(pair)
        found.setdefault(first, set()).add(second)
        found.setdefault(second, set()).add(first)
    return {key: frozenset(value) for key, value in found.items()}


_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


def _base(word_stem: str) -> str:
    """The stem without a comparative ending: "faster" and "fastest" read as "fast"."""
    for ending in ("est", "er"):
        if word_stem.endswith(ending) and len(word_stem) - len(ending) >= 3:
            return word_stem[: -len(ending)]
    return word_stem


def are_antonyms(first_stem: str, second_stem: str) -> bool:
    """True when two stems are listed as opposites, or one is the other negated ("unlimit")."""
    table = opposites()
    for one, other in ((first_stem, second_stem), (second_stem, first_stem)):
        if other in table.get(one, ()) or _base(other) in table.get(_base(one), ()):
            return True
        if any(one == prefix + other for prefix in _NEGATING_PREFIXES):
            return True
    return False


def is_comparative(word_stem: str) -> bool:
    """True for a comparative or superlative of a listed opposite ("stronger", "smallest"): one
    side of a comparison, which says nothing without what it compares."""
    table = opposites()
    if not word_stem.endswith(("er", "est")):
        return False
    base = _base(word_stem)
    undoubled = base[:-1] if len(base) > 3 and base[-1] == base[-2] else base
    return word_stem in table or base in table or undoubled in table
