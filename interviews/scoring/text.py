"""Tokenizing, stemming and the small word lists the scorer relies on."""

from __future__ import annotations

import re
from dataclasses import dataclass

import snowballstemmer

# Letters and digits (any script), with one optional apostrophe part: "don't", "system's".
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
SENTENCE_BREAK_RE = re.compile(r"[.!?\n\r]")
CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]|\"\u2014]")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    it's its itself just me more most my myself of off on once only or other our ours ourselves out
    over own same she should so some such than that that's the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also may might must shall
    s t via per us let get gets got its whereas thus hence therefore i.e e.g etc""".split()  # noqa: SIM905
)

NEGATION_CUES = frozenset(
    "not no never none nothing neither nor without cannot nobody nowhere lacks lack".split()  # noqa: SIM905
)
# Words that end a negation's scope even inside a clause.
SCOPE_BREAKERS = frozenset("but however although though whereas instead rather yet except".split())  # noqa: SIM905
# "not only X but also Y" affirms X.
NEGATION_RELEASERS = frozenset("only just merely simply".split())  # noqa: SIM905
NEGATION_SCOPE = 6

_STEMMER = snowballstemmer.stemmer("english")
_STEM_CACHE: dict[str, str] = {}
_STEM_CACHE_MAX = 200_000


def stem(word: str) -> str:
    """Lower-case and stem one word, with a bounded cache."""
    cached = _STEM_CACHE.get(word)
    if cached is not None:
        return cached
    lowered = word.lower().replace("\u2019", "'")
    result = _STEMMER.stemWord(lowered) if lowered.isalpha() or "'" in lowered else lowered
    if result.endswith("'"):
        result = result[:-1]
    if len(_STEM_CACHE) < _STEM_CACHE_MAX:
        _STEM_CACHE[word] = result
    return result


def is_stopword(word: str) -> bool:
    """True for function words that carry no concept."""
    return word.lower().replace("\u2019", "'") in STOPWORDS


def _is_negation(lowered: str) -> bool:
    return lowered in NEGATION_CUES or lowered.endswith("n't") or lowered.endswith("n\u2019t")


@dataclass(slots=True)
class Tokens:
    """Parallel lists describing the words of one text."""

    words: list[str]
    lowered: list[str]
    stems: list[str]
    starts: list[int]
    ends: list[int]
    stop: list[bool]
    negated: list[bool]
    sentence: list[int]
    clause: list[int]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> Tokens:
    """Split text into words with offsets, stems, stopword, negation and sentence marks."""
    words: list[str] = []
    lowered: list[str] = []
    stems: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    stop: list[bool] = []
    negated: list[bool] = []
    sentence: list[int] = []
    clause: list[int] = []
    sentence_id = clause_id = 0
    previous_end = 0
    negation_left = 0
    for match in WORD_RE.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        if gap and SENTENCE_BREAK_RE.search(gap):
            sentence_id += 1
            clause_id += 1
            negation_left = 0
        elif gap and CLAUSE_BREAK_RE.search(gap):
            clause_id += 1
            negation_left = 0
        word = match.group()
        low = word.lower()
        if low in SCOPE_BREAKERS:
            negation_left = 0
        is_cue = _is_negation(low)
        words.append(word)
        lowered.append(low)
        stems.append(stem(word))
        starts.append(start)
        ends.append(end)
        stop.append(low in STOPWORDS or is_cue)
        negated.append(negation_left > 0 and not is_cue)
        sentence.append(sentence_id)
        clause.append(clause_id)
        if negation_left:
            negation_left -= 1
        if is_cue:
            negation_left = NEGATION_SCOPE
        elif low in NEGATION_RELEASERS and len(lowered) > 1 and _is_negation(lowered[-2]):
            negation_left = 0
            negated[-1] = False
        previous_end = end
    return Tokens(words, lowered, stems, starts, ends, stop, negated, sentence, clause)


def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the non-stopwords of a short text, in order."""
    tokens = tokenize(text)
    return tuple(s for s, is_stop in zip(tokens.stems, tokens.stop, strict=True) if not is_stop)
