"""Finding where an answer expresses each concept: stems, variants, word order, typos."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from .text import Tokens, content_stems, tokenize
from .types import Concept

# Extra tokens allowed between the words of a multi-word concept ("images are built in layers").
WORD_ORDER_SLACK = 3
# A phrase found only in part earns this share of the found fraction.
PARTIAL_CREDIT = 0.8
# Sentences that are bare keyword lists (few function words) earn reduced credit.
LIST_FLOOR = 0.4
LIST_FUNCTION_RATIO = 0.2
LIST_MIN_CONTENT_WORDS = 3


def typo_budget(length: int) -> int:
    """Edits tolerated for a stem of this length: none for short words."""
    if length >= 9:
        return 2
    if length >= 6:
        return 1
    return 0


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    """The best evidence for one concept in one answer."""

    concept: Concept
    credit: float
    start: int
    end: int
    negated: bool
    # Every word of some form was found (credit may still be reduced for a bare keyword list).
    complete: bool = False


@dataclass(frozen=True, slots=True)
class _CompiledConcept:
    concept: Concept
    forms: tuple[tuple[str, ...], ...]
    label_stems: tuple[str, ...]


class Matcher:
    """Concepts compiled once into stem forms, reusable for many answers."""

    __slots__ = ("compiled", "vocabulary", "_by_initial", "_typo_cache")

    def __init__(self, concepts: Sequence[Concept]) -> None:
        compiled = []
        for concept in concepts:
            forms: list[tuple[str, ...]] = []
            for surface in (concept.label, *concept.variants):
                stems = tuple(dict.fromkeys(content_stems(surface)))
                if stems and stems not in forms:
                    forms.append(stems)
            label_stems = forms[0] if forms else ()
            compiled.append(_CompiledConcept(concept, tuple(forms), label_stems))
        self.compiled: tuple[_CompiledConcept, ...] = tuple(compiled)
        self.vocabulary = frozenset(s for c in self.compiled for form in c.forms for s in form)
        by_initial: dict[str, list[str]] = {}
        for word in sorted(self.vocabulary):
            if typo_budget(len(word)):
                by_initial.setdefault(word[0], []).append(word)
        self._by_initial = by_initial
        self._typo_cache: dict[str, str | None] = {}

    def _canonical(self, word_stem: str) -> str | None:
        """The vocabulary stem this answer stem stands for, allowing typos in long words."""
        if word_stem in self.vocabulary:
            return word_stem
        if word_stem in self._typo_cache:
            return self._typo_cache[word_stem]
        found = None
        budget = typo_budget(len(word_stem))
        if budget:
            best = budget + 1
            for target in self._by_initial.get(word_stem[0], ()):
                allowed = min(budget, typo_budget(len(target)))
                if abs(len(target) - len(word_stem)) > allowed:
                    continue
                distance = OSA.distance(word_stem, target, score_cutoff=allowed)
                if distance <= allowed and distance < best:
                    best, found = distance, target
        if len(self._typo_cache) < 50_000:
            self._typo_cache[word_stem] = found
        return found

    def positions(self, tokens: Tokens) -> dict[str, list[int]]:
        """Token indices of every vocabulary stem the answer contains."""
        where: dict[str, list[int]] = {}
        for index, (word_stem, is_stop) in enumerate(zip(tokens.stems, tokens.stop, strict=True)):
            if is_stop:
                continue
            canonical = self._canonical(word_stem)
            if canonical is not None:
                where.setdefault(canonical, []).append(index)
        return where

    def match(self, text: str, tokens: Tokens | None = None) -> list[ConceptMatch]:
        """The best match (possibly credit 0) for every concept, in concept order."""
        tokens = tokens if tokens is not None else tokenize(text)
        where = self.positions(tokens)
        factors = sentence_factors(text, tokens)
        return [_best_match(c, tokens, where, factors) for c in self.compiled]


def sentence_factors(text: str, tokens: Tokens) -> dict[int, float]:
    """Per sentence, 1.0 for prose and down to LIST_FLOOR for a bare list of keywords."""
    function: dict[int, int] = {}
    content: dict[int, int] = {}
    for i in range(len(tokens)):
        sentence = tokens.sentence[i]
        hyphen_joined = i > 0 and text[tokens.ends[i - 1] : tokens.starts[i]] == "-"
        if tokens.stop[i] and not hyphen_joined:
            function[sentence] = function.get(sentence, 0) + 1
        elif not tokens.stop[i]:
            content[sentence] = content.get(sentence, 0) + 1
    factors = {}
    for sentence, content_count in content.items():
        if content_count < LIST_MIN_CONTENT_WORDS:
            factors[sentence] = 1.0
            continue
        ratio = function.get(sentence, 0) / (content_count + function.get(sentence, 0))
        factors[sentence] = min(1.0, LIST_FLOOR + (1 - LIST_FLOOR) * ratio / LIST_FUNCTION_RATIO)
    return factors


def _occurrences(
    form: tuple[str, ...], where: dict[str, list[int]]
) -> tuple[int, list[tuple[int, ...]]]:
    """How many words of the form occur close together, and the token groups that do."""
    lists = [where.get(s, []) for s in form]
    present = [p for p in lists if p]
    if not present:
        return 0, []
    if len(form) == 1:
        return 1, [(i,) for i in lists[0]]
    window = len(form) + WORD_ORDER_SLACK
    anchor_list = min(present, key=len)
    best_count = 0
    groups: list[tuple[int, ...]] = []
    for anchor in anchor_list:
        group = []
        for positions in present:
            nearest = min(positions, key=lambda p, a=anchor: (abs(p - a), p))
            if abs(nearest - anchor) < window:
                group.append(nearest)
        if max(group) - min(group) >= window:
            group = [anchor]
        count = len(set(group))
        if count > best_count:
            best_count, groups = count, [tuple(sorted(set(group)))]
        elif count == best_count:
            groups.append(tuple(sorted(set(group))))
    return best_count, groups


def _best_match(
    compiled: _CompiledConcept,
    tokens: Tokens,
    where: dict[str, list[int]],
    factors: dict[int, float],
) -> ConceptMatch:
    concept = compiled.concept
    best = ConceptMatch(concept, 0.0, 0, 0, False)
    saw_negated = False
    for form in compiled.forms:
        count, groups = _occurrences(form, where)
        if not count:
            continue
        fraction = count / len(form)
        base = 1.0 if fraction == 1.0 else PARTIAL_CREDIT * fraction
        for group in groups:
            negated = any(tokens.negated[i] for i in group)
            if negated != concept.negated:
                saw_negated = saw_negated or fraction == 1.0
                continue
            credit = base * factors.get(tokens.sentence[group[0]], 1.0)
            if credit > best.credit:
                start, end = tokens.starts[group[0]], tokens.ends[group[-1]]
                best = ConceptMatch(concept, credit, start, end, False, fraction == 1.0)
    if best.credit == 0.0 and saw_negated:
        return ConceptMatch(concept, 0.0, 0, 0, True)
    return best


@lru_cache(maxsize=512)
def compile_concepts(concepts: tuple[Concept, ...]) -> Matcher:
    """A cached Matcher for a question's concepts."""
    return Matcher(concepts)
