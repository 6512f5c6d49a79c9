"""Opposite swaps: an answer that attaches a model answer's term to the opposite word.

"A Dockerfile must start with CMD, and FROM goes at the end" uses the model answers' own words,
but the model-answer sentences that name FROM say "first" or "beginning" with it, and none says
"end" (or "last"). Within each clause of the answer, a model answer's term T and an opposite word
P at most WINDOW words apart make a *swap* when some model-answer sentence has T with an opposite
of P, affirmed, and none has T with P or a word alike (one that shares an opposite with P: "same"
and "identical"). A sentence with a swap is contradicted: its words earn SWAP_FACTOR of their
credit, and it backs its words no more than that in the sentence precision. Per sentence, so a
further sentence, true or not, never lowers another's credit.

Only opposites of state and order count (`_STATE_PAIRS`, `_ORDER_PAIRS`): properties a thing
has one way or the other ("public" or "private", "always" or "never", "first" or "last"). Left
out, as measured in docs/benchmarks.md: converse relations ("greater", "before", "more": "A is
greater than B" is "B is smaller than A", so the opposite word with the same terms can state the
same fact) and actions ("start" and "stop", "push" and "pull": a model answer names both steps
of a thing's life in one breath).
"""

from __future__ import annotations

from functools import cache, lru_cache

from .text import Tokens, tokenize

# The credit factor of a contradicted sentence. Chosen on the Docker bank's own answers
# (benchmarks/docker_ordering.py), SemEval train and Mohler (docs/benchmarks.md).
SWAP_FACTOR = 0.4
# The term and the opposite word are at most this many words apart in the answer's clause (any
# word counted): "FROM goes at the end" (4). Farther apart, the word more often says something of
# another term of the clause ("runs as a process that uses the same operating system core as the
# machine": "same" is not said of "Docker" nor of "machine").
WINDOW = 4

_STATE_PAIRS = """
same different; identical different; always never; public private; internal external;
mutable immutable; persistent ephemeral; persistent temporary; permanent temporary;
shared separate; static dynamic; stateless stateful; secure insecure; safe unsafe;
synchronous asynchronous; visible invisible; dependent independent; direct indirect;
true false; correct incorrect; valid invalid; possible impossible; complete incomplete;
full empty; sufficient insufficient; open closed; connected disconnected; positive negative;
constant changing; enabled disabled; parallel series; conductor insulator; conductors insulators;
solid liquid; solid gas; liquid gas;
"""
# Order and position. An order word that opens its clause orders the narration ("First you
# create a container, then ..."), not the thing, and is not read.
_ORDER_PAIRS = """
first last; first end; beginning end; begin end; earliest latest; early late; top bottom;
"""


def _stem(word: str) -> str:
    return tokenize(word).stems[0]


def _read(pairs: str, found: dict[str, set[str]]) -> None:
    for chunk in pairs.replace("\n", " ").split(";"):
        words = chunk.split()
        if len(words) == 2:
            first, second = map(_stem, words)
            found.setdefault(first, set()).add(second)
            found.setdefault(second, set()).add(first)


@cache
def _table() -> dict[str, frozenset[str]]:
    """Per stem, its opposites."""
    found: dict[str, set[str]] = {}
    _read(_STATE_PAIRS, found)
    _read(_ORDER_PAIRS, found)
    return {key: frozenset(value) for key, value in found.items()}


@cache
def _order_words() -> frozenset[str]:
    found: dict[str, set[str]] = {}
    _read(_ORDER_PAIRS, found)
    return frozenset(found)


@cache
def _alike() -> dict[str, frozenset[str]]:
    """Per opposite word, itself and the words that share an opposite with it."""
    table = _table()
    return {
        word: frozenset({word} | {o for other in others for o in table[other]})
        for word, others in table.items()
    }


def _terms(tokens: Tokens) -> list[str | None]:
    """Per word, the term it names: its stem, or for a function word in capitals (the
    Dockerfile instruction FROM) the word as written; None for other function words."""
    return [
        (word if len(word) > 1 and word.isupper() else None) if stop else word_stem
        for word, word_stem, stop in zip(tokens.words, tokens.stems, tokens.stop, strict=True)
    ]


@lru_cache(maxsize=256)
def reference_attachments(references: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Per term of the model answers, the opposite words that share a sentence with it,
    affirmed (precomputed once per model-answer set, cached like the pairs)."""
    table = _table()
    attached: dict[str, set[str]] = {}
    for text in references:
        tokens = tokenize(text)
        negated, sentence = tokens.negated, tokens.sentence
        groups: dict[int, tuple[set[str], set[str]]] = {}
        for index, (term, word_stem) in enumerate(zip(_terms(tokens), tokens.stems, strict=True)):
            names, words = groups.setdefault(sentence[index], (set(), set()))
            if term is not None:
                names.add(term)
            if word_stem in table and index not in negated:
                words.add(word_stem)
        for names, words in groups.values():
            for name in names:
                attached.setdefault(name, set()).update(words)
    return {name: frozenset(words) for name, words in attached.items()}


def swapped_sentences(tokens: Tokens, references: tuple[str, ...]) -> set[int]:
    """The answer's sentences that attach a model answer's term to the opposite of the word
    every model-answer sentence attaches it to (see the module's docstring)."""
    table = _table()
    stems = tokens.stems
    candidates = [i for i, s in enumerate(stems) if s in table]
    if not candidates:
        return set()
    attached = reference_attachments(references)
    negated, clause, sentence = tokens.negated, tokens.clause, tokens.sentence
    terms = _terms(tokens)
    opposite_in: dict[int, set[str]] = {}
    for index in candidates:
        opposite_in.setdefault(clause[index], set()).add(stems[index])
    order, alike = _order_words(), _alike()
    found: set[int] = set()
    for index in candidates:
        word, at = stems[index], clause[index]
        if index in negated or sentence[index] in found:
            continue
        others = table[word]
        if not others.isdisjoint(opposite_in[at]):
            continue  # both sides named in one clause ("public or private")
        if word in order and (index == 0 or clause[index - 1] != at):
            continue  # the narration's order: "First you create a container"
        for other in range(max(0, index - WINDOW), min(len(terms), index + WINDOW + 1)):
            term = terms[other]
            if term is None or clause[other] != at or term not in attached:
                continue
            near = attached[term]
            if term != word and alike[word].isdisjoint(near) and not others.isdisjoint(near):
                found.add(sentence[index])
                break
    return found


def swap_factors(tokens: Tokens, references: tuple[str, ...]) -> list[float] | None:
    """Per answer sentence, SWAP_FACTOR when it swaps an opposite word, else 1; None when no
    sentence does."""
    found = swapped_sentences(tokens, references)
    if not found:
        return None
    return [SWAP_FACTOR if at in found else 1.0 for at in range(len(tokens.sentence_content))]
