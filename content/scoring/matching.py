"""Finding where an answer expresses each concept: stems, variants, word order, typos."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat

from . import typos
from .antonyms import opposites
from .code_lines import code_words, prose_counts
from .grouping import groups, whole_groups
from .limits import MAX_ANCHORS
from .neighbours import neighbours_of
from .spans import one_clause, whole_term
from .text import Tokens, content_stems, tokenize
from .types import Concept

# Extra tokens allowed between the words of a multi-word concept ("images are built in layers").
WORD_ORDER_SLACK = 3
# A phrase found only in part earns this share of the found fraction.
PARTIAL_CREDIT = 0.8
# Sentences that are bare keyword lists (few function words) earn reduced credit: down to a
# fifth, so that a list of the right terms stays below a short sentence that says something.
LIST_FLOOR = 0.2
LIST_FUNCTION_RATIO = 0.2
LIST_MIN_CONTENT_WORDS = 3
# A word matched in other words (a neighbour in the word table) earns this share of its
# similarity, so a paraphrase never earns what the model answer's own word earns.
SOFT_SCALE = 0.8

_NONE: list[int] = []


def typo_budget(length: int) -> int:
    """Edits tolerated for a stem of this length: none for short words."""
    if length >= 9:
        return 2
    if length >= 6:
        return 1
    return 0


# Not frozen: the scorer builds one per concept per answer, and a frozen dataclass costs several
# times more to construct. Nothing outside the scoring core sees it, and nothing may change one
# once made: each Matcher shares its empty matches between answers.
@dataclass(slots=True)
class ConceptMatch:
    """The best evidence for one concept in one answer."""

    concept: Concept
    credit: float
    start: int
    end: int
    negated: bool
    # Every word of some form was found (credit may still be reduced for a bare keyword list).
    complete: bool = False
    # Index of the first matched word, -1 when nothing matched.
    first_token: int = -1
    # Some word was matched in other words (a neighbour in the word table), not as written.
    soft: bool = False


# Per concept: each form, with the words of it that are not in the question.
_Plan = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class _CompiledConcept:
    concept: Concept
    forms: tuple[tuple[str, ...], ...]
    label_stems: tuple[str, ...]


def _flag_pattern(flag: str) -> re.Pattern[str]:
    """The flag ("--rm") as written: not inside a longer word or flag ("docker--rm", "---rm",
    "--rmi"). The pattern opens with the flag's hyphens and checks the character before them
    behind its back, so that a search jumps from hyphen to hyphen instead of trying a
    look-behind at every character of the answer."""
    return re.compile(r"--(?<![\w-]--)" + re.escape(flag[2:]) + r"(?![\w-])", re.I)


class Matcher:
    """Concepts compiled once into stem forms, reusable for many answers."""

    __slots__ = (
        "compiled",
        "vocabulary",
        "_by_initial",
        "_typo_cache",
        "_soft",
        "_opposed",
        "_concepts_by_stem",
        "_no_match",
        "_units",
        "_plans",
        "_flags",
    )

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
        self._typo_cache: dict[str, str | None] = {s: s for s in self.vocabulary}
        # Answer stems near a vocabulary stem: which vocabulary stems, and the credit earned.
        self._soft = {
            other: tuple((own, SOFT_SCALE * similarity) for own, similarity in near)
            for other, near in neighbours_of(self.vocabulary).items()
            if near
        }
        # Answer stems that state a vocabulary stem the other way round ("decreases").
        table = opposites()
        opposed: dict[str, list[str]] = {}
        for own in self.vocabulary:
            for other in table.get(own, ()):
                if other not in self.vocabulary:
                    opposed.setdefault(other, []).append(own)
        self._opposed = {other: tuple(owns) for other, owns in opposed.items()}
        by_stem: dict[str, list[int]] = {}
        for index, item in enumerate(self.compiled):
            for word_stem in {s for form in item.forms for s in form}:
                by_stem.setdefault(word_stem, []).append(index)
        self._concepts_by_stem = {stem: tuple(owners) for stem, owners in by_stem.items()}
        self._no_match = tuple(ConceptMatch(c.concept, 0.0, 0, 0, False) for c in self.compiled)
        self._flags = tuple(
            (index, _flag_pattern(c.concept.label))
            for index, c in enumerate(self.compiled)
            if c.concept.label.startswith("--")
        )
        self._units: dict[frozenset[str], tuple[tuple[str, tuple[int, ...]], ...]] = {}
        self._plans: dict[frozenset[str], tuple[_Plan, ...]] = {}

    def units(self, asked: frozenset[str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Distinct label words (question words left out unless nothing else remains), each with
        the indices of the concepts whose label contains it."""
        cached = self._units.get(asked)
        if cached is None:
            owners: dict[str, list[int]] = {}
            for index, item in enumerate(self.compiled):
                for word_stem in item.label_stems:
                    owners.setdefault(word_stem, []).append(index)
            kept = {w: o for w, o in owners.items() if w not in asked} or owners
            cached = tuple((w, tuple(o)) for w, o in kept.items())
            if len(self._units) < 64:
                self._units[asked] = cached
        return cached

    def plans(self, asked: frozenset[str]) -> tuple[_Plan, ...]:
        """Per concept, its forms, each with the words of it that are not in the question."""
        cached = self._plans.get(asked)
        if cached is None:
            cached = tuple(
                tuple((form, tuple(s for s in form if s not in asked)) for form in item.forms)
                for item in self.compiled
            )
            if len(self._plans) < 64:
                self._plans[asked] = cached
        return cached

    def _canonical(self, word_stem: str) -> str | None:
        """The vocabulary stem this answer stem stands for, allowing typos in long words."""
        if word_stem in self._typo_cache:
            return self._typo_cache[word_stem]
        found = None
        if typo_budget(len(word_stem)):
            found = typos.closest(word_stem, self._by_initial.get(word_stem[0], ()), typo_budget)
        if len(self._typo_cache) < 50_000:
            self._typo_cache[word_stem] = found
        return found

    def positions(self, tokens: Tokens) -> tuple[dict[str, list[int]], dict[int, float]]:
        """Token indices of every vocabulary stem the answer contains, and the credit of the
        indices that stand for one in other words (absent: full credit)."""
        where: dict[str, list[int]] = {}
        soft: dict[int, float] = {}
        # The typo cache also maps every vocabulary stem to itself, so most words cost one lookup.
        # Plain tests and subscripts, not calls of bound methods: this runs for every word.
        cache, canonical, near, stop = self._typo_cache, self._canonical, self._soft, tokens.stop
        for index, word_stem in enumerate(tokens.stems):
            if stop[index]:
                continue
            found = cache[word_stem] if word_stem in cache else canonical(word_stem)
            if found is not None:
                if found in where:
                    where[found].append(index)
                else:
                    where[found] = [index]
                continue
            if word_stem in near:
                others = near[word_stem]
                for target, _ in others:
                    if target in where:
                        where[target].append(index)
                    else:
                        where[target] = [index]
                soft[index] = others[0][1]
        return where, soft

    def match(self, text: str, tokens: Tokens | None = None) -> list[ConceptMatch]:
        """The best match (possibly credit 0) for every concept, in concept order."""
        return self.evidence(text, tokens)[0]

    def evidence(
        self,
        text: str,
        tokens: Tokens | None = None,
        asked: frozenset[str] = frozenset(),
        factors: list[float] | None = None,
    ) -> tuple[list[ConceptMatch], dict[str, list[int]], list[float], dict[int, float]]:
        """Matches, plus where each vocabulary stem occurs, each sentence's credit factor and
        the credit of the words matched in other words. The factors default to the list factors
        (sentence_factors); the scorer passes them with the pair support applied (pairs.py)."""
        tokens = tokens if tokens is not None else tokenize(text)
        where, soft = self.positions(tokens)
        if factors is None:
            factors = sentence_factors(tokens)
        owners, plans, compiled = self._concepts_by_stem, self.plans(asked), self.compiled
        matches = list(self._no_match)
        # Only concepts with a word in the answer can match; the others keep their empty match.
        for index in {i for word_stem in where for i in owners[word_stem]}:
            matches[index] = _best_match(
                compiled[index].concept, plans[index], tokens, where, factors, soft
            )
        if self._flags:
            self._flags_as_written(tokens.text, matches)
        if self._opposed:
            self._contradicted(tokens, matches, where, self._stated(tokens, where))
        return matches, where, factors, soft

    def negations(self, text: str, tokens: Tokens | None = None) -> list[bool]:
        """Per concept, whether the answer negates it: the `negated` of match(), worked out
        only for the concepts that can be negated.

        Concept extraction needs nothing else of the model answer's matches, and the model
        answer holds every concept, so matching them all would be most of the work. A concept
        that is not negated itself ends up negated only when one of its words occurs negated
        (its best match) or a word of its label is stated the other way round (_contradicted);
        every other concept's match says not negated."""
        tokens = tokens if tokens is not None else tokenize(text)
        compiled = self.compiled
        if any(item.concept.negated for item in compiled):
            return [match.negated for match in self.match(text, tokens)]
        negated_words = tokens.negated
        if not negated_words and self._opposed.keys().isdisjoint(tokens.stems):
            return [False] * len(compiled)
        where, soft = self.positions(tokens)
        stated = self._stated(tokens, where)
        owners = self._concepts_by_stem
        # Concepts with a word in the answer (the only ones evidence() matches) that have a
        # negated occurrence of a word, or a label word stated the other way round.
        negatable = {
            index
            for word_stem, at in where.items()
            if not negated_words.isdisjoint(at)
            for index in owners[word_stem]
        }
        negatable.update(
            index
            for word_stem in where
            for index in owners[word_stem]
            if not stated.keys().isdisjoint(compiled[index].label_stems)
        )
        matches = list(self._no_match)
        if negatable:
            factors, plans = sentence_factors(tokens), self.plans(frozenset())
            for index in negatable:
                matches[index] = _best_match(
                    compiled[index].concept, plans[index], tokens, where, factors, soft
                )
        if stated:
            self._contradicted(tokens, matches, where, stated)
        return [match.negated for match in matches]

    def _flags_as_written(self, text: str, matches: list[ConceptMatch]) -> None:
        """A command-line flag ("--rm", "--cpus") counts only as written: "docker rm" or "a
        processor" says nothing about the flag."""
        for index, pattern in self._flags:
            if matches[index].credit > 0 and not pattern.search(text):
                matches[index] = self._no_match[index]

    def _stated(self, tokens: Tokens, where: dict[str, list[int]]) -> dict[str, set[int]]:
        """Per vocabulary stem whose opposite the answer affirms, the sentences that do it. A
        sentence that has both the word and its opposite ("push and pull") reverses neither."""
        opposed, negated, sentence = self._opposed, tokens.negated, tokens.sentence
        stems = tokens.stems
        stated: dict[str, set[int]] = {}
        # Few words are an opposite: one pass of look-ups finds them, and only they are checked.
        for index in compress(range(len(stems)), map(opposed.__contains__, stems)):
            word_stem = stems[index]
            if index not in negated:
                for own in opposed[word_stem]:
                    # "push and pull" names both sides: no reversal of either.
                    if not any(sentence[at] == sentence[index] for at in where.get(own, ())):
                        stated.setdefault(own, set()).add(sentence[index])
        return stated

    def _contradicted(
        self,
        tokens: Tokens,
        matches: list[ConceptMatch],
        where: dict[str, list[int]],
        stated: dict[str, set[int]],
    ) -> None:
        """Mark as negated the concepts the answer states the other way round (`stated`, see
        _stated): a word of the concept's label has its opposite in the answer, affirmed, the
        concept is not found whole, and for a label of several words another of its words is in
        the opposite's sentence ("push" alone says nothing against "docker pull nginx")."""
        if not stated:
            return
        sentence = tokens.sentence
        for index, item in enumerate(self.compiled):
            match = matches[index]
            if (
                match.complete
                or match.concept.negated
                or stated.keys().isdisjoint(item.label_stems)
            ):
                continue
            if len(item.label_stems) > 1 and not any(
                sentence[at] in stated[own]
                for own in item.label_stems
                if own in stated
                for other in item.label_stems
                if other != own
                for at in where.get(other, ())
            ):
                continue
            matches[index] = ConceptMatch(match.concept, 0.0, 0, 0, True)


def sentence_factors(tokens: Tokens) -> list[float]:
    """Per sentence, 1.0 for prose and down to LIST_FLOOR for a bare list of keywords.

    Lines of code (commands, Dockerfile instructions, YAML) are statements, not lists: a
    sentence is judged on its words outside them."""
    factors = _list_factors(tokens.sentence_function, tokens.sentence_content)
    if min(factors, default=1.0) < 1.0 and code_words(tokens):
        prose = _list_factors(*prose_counts(tokens))
        factors = [max(a, b) for a, b in zip(factors, prose, strict=True)]
    return factors


def _list_factors(functions: Sequence[int], contents: Sequence[int]) -> list[float]:
    factors = []
    for function, content in zip(functions, contents, strict=True):
        if content < LIST_MIN_CONTENT_WORDS:
            factors.append(1.0)
            continue
        ratio = function / (content + function)
        factors.append(min(1.0, LIST_FLOOR + (1 - LIST_FLOOR) * ratio / LIST_FUNCTION_RATIO))
    return factors


def _phrase_stages(
    form: tuple[str, ...],
    informative: tuple[str, ...],
    where: dict[str, list[int]],
    sentence: list[int],
) -> list[tuple[float, Iterator[tuple[float, tuple[int, ...]]]]]:
    """The candidate token groups of a form of several words, each with the share of the form
    it covers, in stages that each come with the most credit any of their candidates can earn.

    A partial share counts only the informative words (those not in the question), so echoing
    the question earns nothing. Full and partial candidates are both offered, so that a full
    phrase in a bare keyword list never hides a better-credited partial one in prose. The
    groups are lazy, and the bound lets the caller stop a stage once nothing in it can do
    better."""
    window = len(form) + WORD_ORDER_SLACK
    stages = []
    if len(informative) < len(form):
        # The full phrase, question words included; without question words in the form, the
        # partial stage below already holds the full-phrase candidates.
        lists = [where[s] for s in form if s in where]
        if len(lists) == len(form):
            stages.append((1.0, zip(repeat(1.0), whole_groups(lists, window, sentence))))
    present = [where[s] for s in informative if s in where]
    if present:
        share = len(present) / len(informative)
        bound = 1.0 if share == 1.0 else PARTIAL_CREDIT * share
        if len(present) == 1:
            # One word of the phrase: every occurrence is a group of its own.
            fraction = 1 / len(informative)
            stages.append((bound, [(fraction, (index,)) for index in present[0][:MAX_ANCHORS]]))
        else:
            stages.append((bound, groups(present, window, len(informative), sentence)))
    return stages


def _best_match(
    concept: Concept,
    plan: _Plan,
    tokens: Tokens,
    where: dict[str, list[int]],
    factors: list[float],
    soft: dict[int, float],
) -> ConceptMatch:
    sentence, negated = tokens.sentence, tokens.negated
    # A group never spans two sentences (grouping.py): only a semicolon can cut one in two.
    semicolons = ";" in tokens.text
    best_credit, best_group, best_complete = 0.0, (), False
    saw_negated = False
    for form, informative in plan:
        if len(form) == 1:
            # Most forms are one word: every occurrence is a whole match, judged without a group.
            for index in where.get(form[0], _NONE)[:MAX_ANCHORS]:
                credit = factors[sentence[index]]
                if soft and index in soft:
                    credit *= soft[index]
                if credit <= best_credit:
                    continue
                if (index in negated) != concept.negated:
                    # Only the concept's own word negated marks it negated; a negated word that
                    # is merely near in meaning earns nothing and says nothing.
                    saw_negated = saw_negated or not (soft and index in soft)
                    continue
                best_credit, best_group, best_complete = credit, (index,), True
                if credit == 1.0:
                    break
        else:
            for bound, candidates in _phrase_stages(form, informative, where, sentence):
                if bound <= best_credit:
                    continue  # nothing in this stage could beat the evidence already found
                for fraction, group in candidates:
                    base = 1.0 if fraction == 1.0 else PARTIAL_CREDIT * fraction
                    credit = base * factors[sentence[group[0]]]
                    if soft:
                        for index in group:
                            if index in soft:
                                credit *= soft[index]
                    if credit <= best_credit:
                        continue
                    if semicolons and not one_clause(tokens, group):
                        continue
                    if (not negated.isdisjoint(group)) != concept.negated:
                        saw_negated = saw_negated or (
                            fraction == 1.0 and soft.keys().isdisjoint(group)
                        )
                        continue
                    best_credit, best_group, best_complete = credit, group, fraction == 1.0
                    if best_credit >= bound:
                        break
                if best_credit == 1.0:
                    break
        if best_credit == 1.0:
            break
    if not best_group:
        return ConceptMatch(concept, 0.0, 0, 0, saw_negated)
    start, end = tokens.span(best_group[0])
    if len(best_group) > 1:
        end = tokens.span(best_group[-1])[1]
    start, end = whole_term(tokens.text, start, end)
    # A set operation, not any() over a generator: this runs for every concept found.
    in_other_words = not soft.keys().isdisjoint(best_group)
    return ConceptMatch(
        concept, best_credit, start, end, False, best_complete, best_group[0], in_other_words
    )


@lru_cache(maxsize=512)
def compile_concepts(concepts: tuple[Concept, ...]) -> Matcher:
    """A cached Matcher for a question's concepts."""
    return Matcher(concepts)
