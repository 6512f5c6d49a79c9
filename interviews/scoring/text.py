"""Tokenizing, stemming and the small word lists the scorer relies on."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

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


# Words are letters, digits and underscores with one optional apostrophe part ("don't").
_WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)?")
# Sentence marks (no group) and clause marks (group 1) end negation scopes and phrase windows.
_BREAK_RE = re.compile(r"[.!?\n\r]|([,;:()\[\]|\"\u2014])")
_WordInfo = tuple[str, str, bool, bool, bool, bool]
_WORD_CACHE: dict[str, _WordInfo] = {}


def _word_info(word: str) -> _WordInfo:
    """(lowered, stem, is_stop, is_negation_cue, ends_scope, releases_negation) for a word."""
    info = _WORD_CACHE.get(word)
    if info is None:
        low = word.lower()
        cue = _is_negation(low)
        info = (
            low,
            stem(word),
            low in STOPWORDS or cue,
            cue,
            low in SCOPE_BREAKERS,
            low in NEGATION_RELEASERS,
        )
        if len(_WORD_CACHE) < _STEM_CACHE_MAX:
            _WORD_CACHE[word] = info
    return info


class Tokens:
    """The words of one text: stems, stopword marks, sentences and clauses; offsets on demand."""

    __slots__ = (
        "text",
        "words",
        "infos",
        "stems",
        "stop",
        "sentence",
        "clause",
        "sentence_function",
        "sentence_content",
        "_segments",
        "_segment_of",
        "_starts",
        "_ends",
        "_segment_spans",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.infos: list[_WordInfo] = []
        self.sentence: list[int] = []
        self.clause: list[int] = []
        # Per sentence: function words (not counting "on" in "copy-on-write") and content words.
        self.sentence_function: list[int] = [0]
        self.sentence_content: list[int] = [0]
        self._segments: list[tuple[int, int, int]] = []
        self._segment_of: list[int] = []
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._segment_spans: dict[int, list[tuple[int, int]]] = {}
        self._split()
        self.stems = [info[1] for info in self.infos]
        self.stop = [info[2] for info in self.infos]

    def _split(self) -> None:
        text = self.text
        cache_get = _WORD_CACHE.get
        begin = 0
        sentence_id = clause_id = 0
        new_sentence = False
        bounds = [(m.start(), m.group(1) is None) for m in _BREAK_RE.finditer(text)]
        bounds.append((len(text), True))
        for end, is_sentence_end in bounds:
            words = _WORD_RE.findall(text, begin, end)
            if words:
                if new_sentence and self.words:
                    sentence_id += 1
                    self.sentence_function.append(0)
                    self.sentence_content.append(0)
                new_sentence = False
                infos = [cache_get(w) or _word_info(w) for w in words]
                count = len(words)
                self._segments.append((begin, end, len(self.words)))
                self._segment_of.extend([len(self._segments) - 1] * count)
                self.words.extend(words)
                self.infos.extend(infos)
                self.sentence.extend([sentence_id] * count)
                self.clause.extend([clause_id] * count)
                content = sum(1 for info in infos if not info[2])
                function = count - content
                if function and text.find("-", begin, end) >= 0:
                    function -= self._hyphen_joined_stopwords(begin, end)
                self.sentence_content[sentence_id] += content
                self.sentence_function[sentence_id] += function
                clause_id += 1
            new_sentence = new_sentence or is_sentence_end
            begin = end + 1

    def _hyphen_joined_stopwords(self, begin: int, end: int) -> int:
        text, joined, previous_end = self.text, 0, -2
        for match in _WORD_RE.finditer(text, begin, end):
            start = match.start()
            if previous_end == start - 1 and text[previous_end] == "-":
                joined += _word_info(match.group())[2]
            previous_end = match.end()
        return joined

    def __len__(self) -> int:
        return len(self.words)

    @property
    def lowered(self) -> list[str]:
        """Lower-cased words."""
        return [info[0] for info in self.infos]

    @property
    def starts(self) -> list[int]:
        """Start offset of every word (computed once, on demand)."""
        self._offsets()
        return self._starts  # type: ignore[return-value]

    @property
    def ends(self) -> list[int]:
        """End offset of every word (computed once, on demand)."""
        self._offsets()
        return self._ends  # type: ignore[return-value]

    def _offsets(self) -> None:
        if self._starts is None:
            spans = [m.span() for m in _WORD_RE.finditer(self.text)]
            self._starts = [span[0] for span in spans]
            self._ends = [span[1] for span in spans]

    def span(self, index: int) -> tuple[int, int]:
        """Character offsets of one word in the original text."""
        if self._starts is not None:
            return self._starts[index], self._ends[index]  # type: ignore[index]
        segment = self._segment_of[index]
        begin, end, first = self._segments[segment]
        spans = self._segment_spans.get(segment)
        if spans is None:
            spans = [m.span() for m in _WORD_RE.finditer(self.text, begin, end)]
            self._segment_spans[segment] = spans
        return spans[index - first]

    def is_negated(self, index: int) -> bool:
        """True when a negation cue governs this word ("not", "no", "never", "n't" ...)."""
        infos, clause = self.infos, self.clause
        if infos[index][3] or infos[index][4]:
            return False
        for back in range(index - 1, max(-1, index - NEGATION_SCOPE - 1), -1):
            if clause[back] != clause[index]:
                return False
            if infos[back][3]:
                return not infos[back + 1][5]
            if infos[back][4]:
                return False
        return False


def tokenize(text: str) -> Tokens:
    """Split text into words with stems, stopword, sentence and clause marks."""
    return Tokens(text)


@lru_cache(maxsize=4096)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the non-stopwords of a short text, in order."""
    tokens = tokenize(text)
    return tuple(s for s, is_stop in zip(tokens.stems, tokens.stop, strict=True) if not is_stop)
