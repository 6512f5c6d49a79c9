"""Pair support: whether an answer puts the model answers' words together as they do.

An answer can use only the model answers' words and still state false facts by recombining
them: "docker ps deletes all containers, docker rm restarts a container" against the model
answer's "docker ps: Lists running containers" and "docker rm: Removes one or more containers".
Every word is backed, but the pairs (ps, deletes) and (rm, restarts) never occur together in a
sentence of a model answer, while the pairs of "docker ps lists the ones that are running" do.

Within each clause of the answer, every pair of content words that a model answer uses (as
written; question words left out: they sit next to everything) counts as supported when both
words occur in one sentence of one model answer. A sentence of the answer whose pairs are mostly
unsupported earns less credit for the words it says (`pair_factors`); a sentence with no such
pair is not judged. The factor is per sentence, so a further true sentence never lowers a score.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress

from .code_lines import code_words
from .text import Tokens, tokenize

# The factor of an answer sentence none of whose pairs a model answer supports, and the share of
# supported pairs from which the factor is 1 (linear in between). Tuned on the Docker bank's own
# answers (benchmarks/docker_ordering.py); SemEval train and Mohler barely move (docs/benchmarks.md).
PAIR_FLOOR = 0.4
FULL_SHARE = 0.5
# An option of a command line: "-p", "--read-only" (not the hyphen inside "copy-on-write").
# The pattern opens with the hyphen and looks behind it after: a search then jumps from hyphen
# to hyphen instead of trying the look-behind at every character of the answer (the same starts
# as the plain r"(?<![\w-])--?[A-Za-z]").
_OPTION_RE = re.compile(r"-(?<![\w-]-)-?[A-Za-z]")


@lru_cache(maxsize=256)
def reference_pairs(references: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Per content stem of the model answers, the other stems it shares a sentence with."""
    together: dict[str, set[str]] = {}
    for text in references:
        tokens = tokenize(text)
        sentences: dict[int, set[str]] = {}
        for word_stem, stop, sentence in zip(
            tokens.stems, tokens.stop, tokens.sentence, strict=True
        ):
            if not stop:
                sentences.setdefault(sentence, set()).add(word_stem)
        for group in sentences.values():
            for word_stem in group:
                together.setdefault(word_stem, set()).update(group)
    return {word_stem: frozenset(others - {word_stem}) for word_stem, others in together.items()}


def pair_shares(
    tokens: Tokens, references: tuple[str, ...], asked: frozenset[str]
) -> list[tuple[int, int]]:
    """Per answer sentence: how many of its pairs (two distinct model-answer stems in one clause,
    question words left out) a model answer's sentence supports, and how many there are."""
    partners = reference_pairs(references)
    paired = _paired_stems(references, asked)
    stems, stop = tokens.stems, tokens.stop
    # The words whose stem pairs, found by one pass of set look-ups; the few stopwords among
    # them ("own" shares the stem of "owned") left out after.
    known = [i for i in compress(range(len(stems)), map(paired.__contains__, stems)) if not stop[i]]
    if known and _OPTION_RE.search(tokens.text) and code_words(tokens):
        # A command line with options combines them freely ("docker run --read-only --cap-drop
        # ALL myapp"): no model answer's sentence lists them together, and that says nothing.
        # Its words form no pairs ("docker ps deletes all containers", no option, still does).
        options = _option_words(tokens)
        known = [i for i in known if i not in options]
    shares = [(0, 0)] * len(tokens.sentence_content)
    # Fewer than two known words make no pair: the clauses are not looked up then.
    if len(known) < 2:
        return shares
    clause, sentence = tokens.clause, tokens.sentence
    # A clause's words are consecutive: each known stem new to its clause pairs with the ones
    # before it (the relation is symmetric, so every pair is counted once, from its later word).
    current = -1
    for index in known:
        word = stems[index]
        if clause[index] != current:
            current, at, before = clause[index], sentence[index], {word}
        elif word not in before:
            supported, total = shares[at]
            shares[at] = (supported + len(partners[word] & before), total + len(before))
            before.add(word)
    return shares


def _option_words(tokens: Tokens) -> set[int]:
    """Indices of the words of code (code_lines.code_words) in a sentence, a line, whose code
    passes an option."""
    marks = [m.start() for m in _OPTION_RE.finditer(tokens.text)]
    per_sentence: dict[int, list[int]] = {}
    sentence = tokens.sentence
    for index in code_words(tokens):
        per_sentence.setdefault(sentence[index], []).append(index)
    found: set[int] = set()
    for indices in per_sentence.values():
        start, end = tokens.span(min(indices))[0], tokens.span(max(indices))[1]
        at = bisect_left(marks, start)
        if at < len(marks) and marks[at] < end:
            found.update(indices)
    return found


@lru_cache(maxsize=256)
def _paired_stems(references: tuple[str, ...], asked: frozenset[str]) -> frozenset[str]:
    """The model answers' content stems that form pairs: all but the question's words."""
    return frozenset(reference_pairs(references)) - asked


def pair_factors(
    tokens: Tokens, references: tuple[str, ...], asked: frozenset[str]
) -> list[float] | None:
    """Per answer sentence, its credit factor: 1.0 when at least FULL_SHARE of its pairs are
    supported (or it has none), down to PAIR_FLOOR when none is; None when every factor is 1."""
    factors = [
        1.0
        if total == 0
        else PAIR_FLOOR + (1.0 - PAIR_FLOOR) * min(1.0, supported / total / FULL_SHARE)
        for supported, total in pair_shares(tokens, references, asked)
    ]
    return factors if any(f < 1.0 for f in factors) else None
