"""Support precision: how much of an answer the model answers back up."""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, compress
from operator import not_

from . import typos
from .neighbours import neighbours_of
from .text import Tokens, tokenize

# A sentence's precision is counted over at least this many content words: one backed word alone
# ("An image.") is weak evidence that the answer says only what the model answers back (1/2),
# while a model answer's own sentences are still fully backed (1).
PRECISION_MIN_WORDS = 2


@lru_cache(maxsize=256)
def supported_stems(references: tuple[str, ...]) -> frozenset[str]:
    """The model answers' content stems and their neighbours in the word table."""
    own = {
        word_stem
        for text in references
        for word_stem, stop in zip(*_stems_and_stops(text), strict=True)
        if not stop
    }
    return frozenset(own) | frozenset(neighbours_of(own))


def _stems_and_stops(text: str) -> tuple[list[str], list[bool]]:
    tokens = tokenize(text)
    return tokens.stems, tokens.stop


def support(
    tokens: Tokens,
    where: dict[str, list[int]],
    asked: frozenset[str],
    supported: frozenset[str],
) -> tuple[float, float, list[int]]:
    """The support precision, the best sentence's, and per sentence the content words that are
    backed.

    The precision is the share of the answer's content words, question words left out, that a
    model answer supports: a concept's word (as written, with a typo or in other words) or any
    word of a model answer (or one of its neighbours). The best sentence's precision is what
    the value weighs: a further sentence never lowers it, so stating one more fact never costs
    anything, while an answer that only says unbacked things gets little (see PRECISION_MIN_WORDS)."""
    found = set(chain.from_iterable(where.values()))
    # Every content word counts (tokens.sentence_content per sentence) unless it is a question
    # word or not backed: only those few are taken off, so most words move no count at all.
    backed_in = list(tokens.sentence_content)
    own_backed = list(tokens.sentence_content)
    own_total = list(tokens.sentence_content)
    sentence, stems = tokens.sentence, tokens.stems
    for index in compress(range(len(stems)), map(not_, tokens.stop)):
        word_stem = stems[index]
        question_word = word_stem in asked
        if index in found or word_stem in supported or _misspells(word_stem, supported):
            if question_word:
                own_total[sentence[index]] -= 1
                own_backed[sentence[index]] -= 1
        else:
            backed_in[sentence[index]] -= 1
            own_backed[sentence[index]] -= 1
            if question_word:
                own_total[sentence[index]] -= 1
    backed, total = sum(own_backed), sum(own_total)
    best_sentence = max(
        (b / max(t, PRECISION_MIN_WORDS) for b, t in zip(own_backed, own_total, strict=True) if t),
        default=0.0,
    )
    return (backed / total if total else 0.0), best_sentence, backed_in


@lru_cache(maxsize=4096)
def _misspells(word_stem: str, supported: frozenset[str]) -> bool:
    """Whether the stem is an unknown word (typos.unknown) that misspells a supported one."""
    return bool(typos.unknown((word_stem,))) and typos.closest(word_stem, supported) is not None
