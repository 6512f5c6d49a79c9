"""Ranked key concepts (terms and phrases) from a model answer."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain

from .antonyms import is_comparative
from .code_terms import CODE_TERM_WEIGHT, code_terms
from .matching import Matcher
from .text import Tokens, content_stem_set, content_stems, tokenize
from .types import Concept
from .variants import (
    ABBREVIATIONS,
    abbreviation_for,
    expansion_index,
    find_abbreviations,
    spelling_variants,
)

# Words that rarely name a concept on their own; they also split candidate phrases.
GENERIC_WORDS = frozenset(
    """able across actual actually add additional advanced allow allows allowed already always
    another approach around available based basic basically become becomes best better called can
    case cases certain change changes common commonly complete completely consider consideration
    considerations contain contains create creates created creating default define defined defines
    describe described detail details different directly done easily easy effectively either
    enable enables enabling ensure ensures ensuring especially essential etc even every example
    examples explain extremely feature features first following full fully general generally give
    given good great help helps high however important include includes including instead instance
    key kind large less like likely main mainly make makes making manage many mean means method
    might minimal modern much multiple need needed needs new next note often one ones overview part
    particular particularly possible posted potentially primary proper properly provide provided
    provides providing quickly rather really related require required requires result results
    same second see set several significant significantly simple simply since small so specific
    specifically standard still summary support supports take technical technique techniques thing
    things think third tip tips together traditional true two type types typical typically understand
    understanding unlike us use used useful uses using usually various versus via way ways well
    whether within without work works would implement implements implemented implementation
    implementations diagram detailed internals comparison overview flow concept concepts run runs
    running share shares achieve achieves handle handles handling offer offers
    involve involves improve improves reduce reduces increase increases keep keeps leverage
    leverages utilize utilizes utilizing represent represents send sends perform performs show
    shows appropriate regardless configure configures removes adds definition definitions
    characteristic characteristics structure purpose purposes happens happen occurs occur
    result stage step steps core component components consists consist remain remains goes
    analysis top serve serves option options flag flags
    yes sure now back everyone everything someone something anything find finds look looks
    appear appears similar talk talks gives takes""".split()  # noqa: SIM905
)

_POSTED_RE = re.compile(r"Posted on [A-Z][a-z]{2,9}\.? \d{1,2}, \d{4}")
_BOILERPLATE_LINE_RE = re.compile(
    r"^\s*(?:expert answer|beginner answer|answers?|questions?)\s*:?\s*$", re.IGNORECASE
)
_CALLOUT_RE = re.compile(
    r"^(\s*[-*\u2022]?\s*)(?:(?:[A-Za-z]+ ){0,2}(?:tip|tips|note|notes|example|examples|warning|"
    r"important|consideration|caution|summary|insight|optimization|best practices?)\s*:\s*)+",
    re.IGNORECASE | re.MULTILINE,
)
# A line of code: a flag or path after a space or at the start ("-v", "--rm", "/usr"), one of
# = { } \\ $, or a colon between word characters ("host:port", "http://"). Written to start at
# the mark itself, with look-behinds for what precedes it, so the search jumps from mark to mark
# (3x faster than r"(?:^|\s)--?[A-Za-z]|(?:^|\s)/[A-Za-z]|[={}\\$]|\w:/?/?\w", same lines).
_CODE_LINE_RE = re.compile(r"[={}\\$]|[-/](?<!\S[-/])(?:(?<=-)-)?[A-Za-z]|:(?<=\w:)/?/?\w")
# A Dockerfile line ("FROM runtime-base AS final", "RUN npm install"): an instruction in
# capitals and its arguments, not a heading ("FROM: sets the base image"). Its words are stage
# names, packages and paths, never concepts.
_INSTRUCTION_LINE_RE = re.compile(
    r"(?:FROM|RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|ARG|EXPOSE|WORKDIR|USER|VOLUME|HEALTHCHECK|LABEL|"
    r"ONBUILD|STOPSIGNAL|SHELL|MAINTAINER)\s+[^\s:]"
)
_CLEAN_SURFACE_RE = re.compile(r"[^\W_]+(?:(?:[ '\u2019-]|, )[^\W_]+)*")
# A definition head: "Namespaces: ..." or "Control Groups (cgroups): ...".
_HEADING_END_RE = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*:")
# Numbered names such as "container1" or "app2" are example identifiers, not concepts.
_IDENTIFIER_RE = re.compile(r"[a-z]{3,}\d+")
_POSSESSIVE_RE = re.compile(r"['\u2019]s\b")
_CODE_BEFORE = set("/$.=_@\\~<>")
_CODE_AFTER = set("/=_@\\(<>")

PHRASE_MAX_WORDS = 4
SHORT_TEXT_WORDS = 40
HEADING_BONUS = 2.5
BEGINNER_BONUS = 1.3
CORE_FROM_CREDIT = 0.4
MAX_VARIANTS = 8
# The set is sized by quality: a candidate is kept while its rank value is at least this share
# of the best one's (MAX_CONCEPTS only bounds the work on a very long answer).
QUALITY_FLOOR = 0.3
MAX_CONCEPTS = 40
MERGE_NEAR_DUPLICATES = True
# A stem in at least this share of a bank's questions says nothing about any one of them.
COMMON_SHARE = 0.5
COMMON_MIN_QUESTIONS = 6


# An analogy's vehicle: what a thing is likened to ("Think of volumes like external hard drives",
# "Docker networking is like creating virtual highways"), from the likening word to the end of
# the sentence. Its words explain by comparison; they are not what the answer is about.
# What is likened ("Think of <Docker volumes> like") is a few words: the bound keeps the search
# linear on a long line that says "think of" often and never "like".
_ANALOGY_RE = re.compile(
    r"\b(?:(?:think\s+of|imagine)\b[^.!?\n]{0,60}?\b(?:like|as)"
    r"|(?:is|are|was|were|works|acts)\s+(?:just\s+|much\s+|a\s+bit\s+)?like"
    r"|(?:is|are)\s+(?:very\s+)?similar\s+to\s+(?:a|an|the|how))\b"
    # The vehicle runs to the end of the sentence, or to a relative clause or a dash, which go
    # back to the thing itself ("... like templates or blueprints that contain everything").
    r"(?:(?!\s(?:that|which|where|who)\s|\s[-\u2013\u2014]\s)[^.!?\n])*",
    re.IGNORECASE,
)


def without_analogies(text: str) -> str:
    """The text with each analogy's vehicle cut out (a line break in its place)."""
    return _ANALOGY_RE.sub("\n", text)


def clean_text(text: str) -> str:
    """Drop boilerplate ("Posted on ...", answer headings, callout labels) and code lines."""
    text = _POSTED_RE.sub("\n", text)
    text = _CALLOUT_RE.sub(lambda m: m.group(1), text)
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or _BOILERPLATE_LINE_RE.match(stripped):
            continue
        if stripped.startswith(("#", "$ ", ">>>", "//")) or _INSTRUCTION_LINE_RE.match(stripped):
            continue
        if stripped[-1] not in ".!?:" and "|" not in stripped and _CODE_LINE_RE.search(stripped):
            continue
        kept.append(stripped)
    return "\n".join(kept)


def _is_code_token(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _CODE_BEFORE and not (before == "/" and start > 1 and text[start - 2].isalnum()):
        return True
    if before == "-" and (start < 2 or not text[start - 2].isalnum()):
        return True
    if after in _CODE_AFTER and not (after == "/" and text[end + 1 : end + 2].isalpha()):
        return True
    return after in ".:" and text[end + 1 : end + 2].isalnum()


@dataclass(slots=True)
class _Candidate:
    stems: tuple[str, ...]
    surfaces: dict[str, int] = field(default_factory=dict)
    count: int = 0
    first: float = 1.0
    heading: bool = False
    # Times the term heads a line ("Definition: ..."): a template's label when more than once.
    headings: int = 0
    whole_run: bool = False
    score: float = 0.0


def _units(text: str, starts: list[int], ends: list[int]) -> list[list[int]]:
    """Token indices grouped into units; hyphen-joined words ("copy-on-write") form one unit."""
    # Glued: only a hyphen between a word and the one before. Most texts have no such pair.
    glued = [
        start - end == 1 and text[end] == "-"
        for end, start in zip(ends[:-1], starts[1:], strict=True)
    ]
    if not any(glued):
        return [[i] for i in range(len(starts))]
    units: list[list[int]] = [[0]]
    for i, joined in enumerate(glued, start=1):
        if joined:
            units[-1].append(i)
        else:
            units.append([i])
    return units


# _word_breaks per word list and word: most units are one word, and words repeat.
_BREAKS: dict[frozenset[str], dict[str, bool]] = {}
_BREAKS_MAX = 200_000


def _word_breaks(word: str, stop: bool, generic: frozenset[str]) -> bool:
    """Whether a word on its own (not code) ends a phrase: a stopword (`stop`, which the word
    decides), generic, a number, a single letter or an example identifier."""
    cache = _BREAKS.setdefault(generic, {})
    breaks = cache.get(word)
    if breaks is None:
        low = word.lower()
        breaks = bool(
            _IDENTIFIER_RE.fullmatch(word)
            or stop
            or low in generic
            or low.isdigit()
            or len(low) < 2
        )
        if len(cache) < _BREAKS_MAX:
            cache[word] = breaks
    return breaks


# A term heads a line ("Namespaces: ..."): nothing but a bullet before it, a colon after it (past
# an optional parenthesis) and text after the colon. The first test depends only on where the
# term starts and the second only on where it ends, so each is made once: the first for the
# whole text (where each line's bullet ends), the second once per offset.
_LINE_BULLET_RE = re.compile(r"^[ \-*\u2022\t]*", re.MULTILINE)


def _line_starts(text: str) -> set[int]:
    """Offsets where a word would start its line: past the line's bullet and indentation."""
    return {match.end() for match in _LINE_BULLET_RE.finditer(text)}


def _ends_heading(text: str, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[text.find(":", end) + 1 : line_end if line_end >= 0 else len(text)].strip()
    return bool(_HEADING_END_RE.match(text, end)) and bool(rest)


def _runs(text: str, tokens: Tokens, generic: frozenset[str]) -> tuple[list[list[int]], list]:
    """The units, and the runs of unit indices between breakers and clause marks.

    A breaker is a unit of code, or of generic words and stopwords only, or one word that is a
    number, a single letter or an example identifier."""
    starts, ends = tokens.starts, tokens.ends
    units = _units(text, starts, ends)
    clause, words, lowered, stop = tokens.clause, tokens.words, tokens.lowered, tokens.stop
    # The words' own tests, from the cache in one pass where it has them (most words).
    word_breaks = list(map(_BREAKS.setdefault(generic, {}).get, words))
    if None in word_breaks:
        word_breaks = [
            _word_breaks(word, is_stop, generic) if breaks is None else breaks
            for breaks, word, is_stop in zip(word_breaks, words, stop, strict=True)
        ]
    runs: list[list[int]] = [[]]
    for index, unit in enumerate(units):
        previous = runs[-1]
        if len(unit) == 1:  # most units: the word's own test first
            i = unit[0]
            breaks = word_breaks[i] or _is_code_token(text, starts[i], ends[i])
        else:
            breaks = any(_is_code_token(text, starts[i], ends[i]) for i in unit) or all(
                lowered[i] in generic or stop[i] for i in unit
            )
        if breaks:
            runs.append([])
        elif previous and clause[units[previous[-1]][-1]] != clause[unit[0]]:
            runs.append([index])
        else:
            previous.append(index)
    return units, runs


# What _CLEAN_SURFACE_RE allows between two words. A surface is its units and the gaps between
# them. A unit is words (letters, digits, "_", apostrophes between letters) glued by single
# hyphens, and a gap holds no word character, so the pattern's letter runs and one-separator
# gaps fit a surface exactly when its gaps are separators and it has no "_". _collect checks that
# instead of matching the pattern on every phrase: a gap is looked at once, not once per phrase.
_PHRASE_GAPS = frozenset({" ", "'", "\u2019", "-", ", "})


def _reach(text: str, unit_start: list[int], unit_end: list[int]) -> list[int]:
    """Per unit, the end (exclusive) of the longest stretch of units from it whose gaps are all
    in _PHRASE_GAPS."""
    reach = list(range(1, len(unit_start) + 1))
    for index in range(len(unit_start) - 2, -1, -1):
        if text[unit_end[index] : unit_start[index + 1]] in _PHRASE_GAPS:
            reach[index] = reach[index + 1]
    return reach


@cache
def _phrase_spans(size: int) -> tuple[tuple[int, int], ...]:
    """The (start, end) unit slices of a run of `size` units that make phrases: every slice of
    one to three units, and the whole run when it is short.

    They are visited in the order of the set they were always collected in, which decides the
    order of the surfaces (and so of the variants). That order depends only on the size (small
    int tuples hash the same in every process), so it is made once per size."""
    spans = {(0, size)} if size <= PHRASE_MAX_WORDS else set()
    for words in range(1, min(3, size) + 1):
        spans.update((i, i + words) for i in range(size - words + 1))
    return tuple(spans)


def _collect(text: str, tokens: Tokens, asked: set[str]) -> dict[tuple[str, ...], _Candidate]:
    """Candidate terms and phrases, keyed by their sorted stems so word order merges."""
    # A short reference ("At the main function.") has no words to spare.
    generic = GENERIC_WORDS if len(tokens) > SHORT_TEXT_WORDS else frozenset()
    units, runs = _runs(text, tokens, generic)
    starts, ends, all_stems, stop = tokens.starts, tokens.ends, tokens.stems, tokens.stop
    # A phrase is a slice of a run: its stems, start and end come from its units, each worked
    # out once here rather than once for every phrase the unit is part of.
    # Most units are one word: its stem, or nothing for a stopword, without a generator.
    unit_stems = [
        (() if stop[unit[0]] else (all_stems[unit[0]],))
        if len(unit) == 1
        else tuple(all_stems[i] for i in unit if not stop[i])
        for unit in units
    ]
    unit_start = [starts[unit[0]] for unit in units]
    unit_end = [ends[unit[-1]] for unit in units]
    # Per unit, the end (exclusive) of the longest stretch of units from it whose gaps all let
    # a phrase go on (see _PHRASE_GAPS).
    reach = _reach(text, unit_start, unit_end)
    starts_line = _line_starts(text)
    ends_heading: dict[int, bool] = {}
    length = max(1, len(text))
    candidates: dict[tuple[str, ...], _Candidate] = {}
    for run in runs:
        if not run:
            continue
        # A run's units are consecutive: a phrase's units are read by offset from the first.
        first, size = run[0], len(run)
        for lo, hi in _phrase_spans(size):
            lo += first
            hi += first
            if hi > reach[lo]:
                continue  # a gap no clean surface has, such as ": " or " (", inside
            # Phrases are one to four units: the common short cases without a generator.
            if hi - lo == 1:
                stems = unit_stems[lo]
            elif hi - lo == 2:
                stems = unit_stems[lo] + unit_stems[lo + 1]
            else:
                stems = tuple(chain.from_iterable(unit_stems[lo:hi]))
            if not stems or asked.issuperset(stems):
                continue
            start, end = unit_start[lo], unit_end[hi - 1]
            surface = text[start:end]
            if "_" in surface:
                continue  # with the gaps checked above: not _CLEAN_SURFACE_RE.fullmatch(surface)
            key = stems if len(stems) == 1 else tuple(sorted(set(stems)))
            candidate = candidates.get(key)
            if candidate is None:
                candidate = candidates[key] = _Candidate(stems)
            candidate.count += 1
            candidate.surfaces[surface] = candidate.surfaces.get(surface, 0) + 1
            if start / length < candidate.first:
                candidate.first = start / length
            if lo == first and hi - first == size:
                candidate.whole_run = True
            if start in starts_line:
                heads = ends_heading.get(end)
                if heads is None:
                    heads = ends_heading[end] = _ends_heading(text, end)
                if heads:
                    candidate.heading = True
                    candidate.headings += 1
    return candidates


@lru_cache(maxsize=8192)  # a surface is shown for its label and again as a variant
def _display(surface: str) -> str:
    """Lower-case a surface form unless it is an acronym or mixed-case name."""
    words = [w if any(c.isupper() for c in w[1:]) else w.lower() for w in surface.split()]
    return _POSSESSIVE_RE.sub("", " ".join(words))


def _label(candidate: _Candidate) -> str:
    surfaces: dict[str, int] = {}
    for surface, count in candidate.surfaces.items():
        key = _display(surface)
        surfaces[key] = surfaces.get(key, 0) + count
    return max(surfaces, key=lambda s: (surfaces[s], -len(s)))


def common_stems(answers_by_question: tuple[str, ...]) -> frozenset[str]:
    """Stems that occur in the model answers of at least COMMON_SHARE of a bank's questions."""
    if len(answers_by_question) < COMMON_MIN_QUESTIONS:
        return frozenset()
    counts: dict[str, int] = {}
    for text in answers_by_question:
        for word_stem in content_stem_set(clean_text(text)):
            counts[word_stem] = counts.get(word_stem, 0) + 1
    least = COMMON_SHARE * len(answers_by_question)
    return frozenset(s for s, n in counts.items() if n >= least)


def extract_concepts(
    expert_answer: str,
    *,
    beginner_answer: str = "",
    question: str = "",
    limit: int = MAX_CONCEPTS,
    common: frozenset[str] = frozenset(),
) -> tuple[Concept, ...]:
    """Key concepts of the expert and the beginner answer, with variants, weights and tiers.

    The beginner answer is a reference of its own: its concepts are extracted from it alone and
    are core (with the expert concepts it also states); the rest of the expert's are advanced.
    Stems common across the bank (`common`, see common_stems) never make a concept alone."""
    if limit <= 0:
        return ()
    text = clean_text(expert_answer)
    beginner = clean_text(beginner_answer)
    asked = set(content_stems(question))
    table = {**ABBREVIATIONS, **find_abbreviations(text), **find_abbreviations(beginner)}
    # Each text is tokenized once, for its candidates and again for matching its concepts.
    tokens, beginner_tokens = tokenize(text), tokenize(beginner)
    lookup = _Lookup(asked, table, expansion_index(table), limit, common)
    chosen = _choose(*_literal(text, tokens), _content_stems(beginner_tokens), lookup)
    if beginner.strip():
        own = _choose(*_literal(beginner, beginner_tokens), set(), lookup)
        taken = [set(content_stems(label)) for label in chosen]
        for label, (variants, value) in own.items():
            stems = set(content_stems(label))
            if not any(stems <= other or other <= stems for other in taken):
                chosen[label] = (variants, value)
                taken.append(stems)
    if not chosen and asked:
        # Every term of the answer is in the question: the answer picks among what the question
        # names ("acid and/or sugar?" -> "sugar"), so those terms are the concepts.
        return extract_concepts(
            expert_answer, beginner_answer=beginner_answer, limit=limit, common=common
        )
    if not chosen:
        return ()
    concepts = _weighted(chosen, (text, tokens), (beginner, beginner_tokens))
    return concepts + _code_concepts(expert_answer, beginner_answer, concepts, asked | common)


def _literal(text: str, tokens: Tokens) -> tuple[str, Tokens]:
    """The text and its tokens with analogies' vehicles cut out (the same when it has none)."""
    literal = without_analogies(text)
    return (text, tokens) if literal == text else (literal, tokenize(literal))


def _code_concepts(
    expert: str, beginner: str, concepts: tuple[Concept, ...], known: set[str] | frozenset[str]
) -> tuple[Concept, ...]:
    """Concepts for the code tokens of the raw answers that no prose concept already names."""
    taken = {c.label.casefold() for c in concepts}
    out = []
    for term in code_terms(expert, beginner):
        stems = set(content_stems(term))
        if term.casefold() in taken or stems <= known:
            continue
        # Code is expert detail: a beginner says it in words, so it joins the expert reference.
        tier = "advanced" if beginner.strip() else "core"
        out.append(Concept(term, (), CODE_TERM_WEIGHT, tier))
    return tuple(out)


def _content_stems(tokens: Tokens) -> list[str]:
    """content_stems of a tokenized text."""
    return [
        word_stem for word_stem, stop in zip(tokens.stems, tokens.stop, strict=True) if not stop
    ]


@dataclass(frozen=True, slots=True)
class _Lookup:
    """What _choose checks every candidate against, the same for both answers."""

    asked: set[str]
    table: dict[str, str]
    expansions: dict[str, tuple[str, str]]  # expansion_index(table)
    limit: int
    common: frozenset[str]


def _choose(
    text: str, tokens: Tokens, beginner_stems: list[str], lookup: _Lookup
) -> dict[str, tuple[list[str], float]]:
    """Label -> (variants, rank value) of one text's concepts, best first.

    `beginner_stems` are the beginner answer's content stems when `text` is the expert's."""
    asked, limit, common = lookup.asked, lookup.limit, lookup.common
    candidates = _collect(text, tokens, asked)
    long_text = len(tokens) - sum(tokens.stop) > SHORT_TEXT_WORDS
    ranked = _rank(candidates, beginner_stems, long_text=long_text)
    vocabulary = frozenset(map(str.lower, re.findall(r"[A-Za-z]{3,}", text)))
    chosen: dict[str, tuple[list[str], float]] = {}
    seen_stems: dict[str, set[str]] = {}
    floor = QUALITY_FLOOR * ranked[0].score if ranked else 0.0
    for candidate in ranked:
        if candidate.score < floor:
            break
        label = _label(candidate)
        variants = [_display(s) for s in candidate.surfaces]
        pair = abbreviation_for(label, lookup.table, lookup.expansions)
        if pair is not None:
            long_form, short_form = pair
            label, variants = long_form, [*variants, short_form]
        stems = set(content_stems(label))
        same = next((key for key, other in seen_stems.items() if other == stems), None)
        if same is not None:
            chosen[same][0].extend(variants)
            continue
        if any(stems <= other for other in seen_stems.values()) or stems <= asked | common:
            continue
        # A longer phrase around a chosen concept ("persistent data storage mechanism" around
        # "persistent data") says the same thing: one concept, the longer phrase a variant.
        if MERGE_NEAR_DUPLICATES:
            # A one-word concept absorbs nothing: "kernel" and "shared kernel" differ.
            shorter = next(
                (key for key, other in seen_stems.items() if len(other) > 1 and other < stems),
                None,
            )
            if shorter is not None:
                chosen[shorter][0].append(label)
                continue
        seen_stems[label] = stems
        chosen[label] = ([*variants, *spelling_variants(label, vocabulary)], candidate.score)
        if len(chosen) >= limit:
            break
    return chosen


def _weighted(
    chosen: dict[str, tuple[list[str], float]],
    text: tuple[str, Tokens],
    beginner: tuple[str, Tokens],
) -> tuple[Concept, ...]:
    """Concepts with weights relative to the best one, then tiers and polarity."""
    top = max(value for _, value in chosen.values())
    concepts = []
    for label, (variants, value) in chosen.items():
        unique = [v for v in dict.fromkeys(variants) if v and v.lower() != label.lower()]
        concepts.append(
            Concept(label, tuple(unique[:MAX_VARIANTS]), round(0.5 + 0.5 * value / top, 2))
        )
    return _with_tiers_and_polarity(concepts, text, beginner)


@lru_cache(maxsize=8192)  # every surface of every candidate of a long answer is tested
def _reads_as_verb(surface: str) -> bool:
    """True when a term ends like a past participle or adverb ("enforced", "quickly")."""
    last = surface.rsplit(" ", 1)[-1].rsplit("-", 1)[-1].lower()
    return len(last) > 4 and last.endswith(("ed", "ly"))


def _rank(
    candidates: dict[tuple[str, ...], _Candidate], beginner: list[str], *, long_text: bool
) -> list:
    beginner_stems = set(beginner)
    kept = []
    for candidate in candidates.values():
        size = len(candidate.stems)
        if size > 1 and not candidate.whole_run and candidate.count < 2 and not candidate.heading:
            continue
        if candidate.headings > 1:
            continue  # "Result:", "What happens:" on every step: the template, not the content
        if long_text and size == 1 and is_comparative(candidate.stems[0]):
            # "stronger" alone is half a comparison, read as contradicted by "X is weaker than
            # Y"; a short reference ("the greater the mass") may have nothing else to check.
            continue
        if long_text:
            # Long answers have nouns to spare: drop "memory limits enforced", "quickly".
            nouns = {s: n for s, n in candidate.surfaces.items() if not _reads_as_verb(s)}
            if not nouns:
                continue
            candidate.surfaces = nouns
        frequency = 1 + math.log2(candidate.count)
        value = frequency * (1 + 0.5 * (size - 1)) * (1.5 - 0.5 * candidate.first)
        if candidate.heading:
            value *= HEADING_BONUS
        if beginner_stems and set(candidate.stems) <= beginner_stems:
            value *= BEGINNER_BONUS
        candidate.score = value
        kept.append(candidate)
    if not kept:
        return kept
    # _choose stops at the first candidate below the quality floor: the ones under it are left
    # out before sorting (most of a long answer's), which leaves the order of the rest as it was.
    floor = QUALITY_FLOOR * max(c.score for c in kept)
    kept = [c for c in kept if c.score >= floor]
    kept.sort(key=lambda c: (-c.score, -len(c.stems), c.stems))
    return kept


def _with_tiers_and_polarity(
    concepts: list[Concept], text: tuple[str, Tokens], beginner: tuple[str, Tokens]
) -> tuple[Concept, ...]:
    """Mark concepts the beginner answer lacks as advanced, and those the model answer negates.

    Each text comes with its tokens."""
    matcher = Matcher(concepts)
    in_expert = matcher.negations(*text)  # the model answer only says which are negated
    in_beginner = matcher.match(*beginner) if beginner[0].strip() else None
    out = []
    for index, concept in enumerate(concepts):
        tier = "core"
        if in_beginner is not None and in_beginner[index].credit < CORE_FROM_CREDIT:
            tier = "advanced"
        out.append(
            Concept(
                concept.label,
                concept.variants,
                concept.weight,
                tier,
                negated=in_expert[index],
            )
        )
    return tuple(out)
