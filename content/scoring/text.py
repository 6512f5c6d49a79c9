"""Tokenizing, stemming and the small word lists the scorer relies on."""

from __future__ import annotations

import re
import string
import threading
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import itemgetter

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

# One stemmer per thread: a Snowball stemmer keeps the word it is working on in itself, so two
# threads sharing one (gunicorn's threaded workers scoring two answers) corrupt each other's stems.
_STEMMERS = threading.local()
_STEM_CACHE: dict[str, str] = {}
_STEM_CACHE_MAX = 200_000


def stem(word: str) -> str:
    """Lower-case and stem one word, with a bounded cache."""
    cached = _STEM_CACHE.get(word)
    if cached is not None:
        return cached
    lowered = word.lower().replace("\u2019", "'")
    if lowered.isalpha() or "'" in lowered:
        stemmer = getattr(_STEMMERS, "english", None)
        if stemmer is None:
            stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
        result = stemmer.stemWord(lowered)
    else:
        result = lowered
    if result.endswith("'"):
        result = result[:-1]
    if len(_STEM_CACHE) < _STEM_CACHE_MAX:
        _STEM_CACHE[word] = result
    return result


def is_stopword(word: str) -> bool:
    """True for function words that carry no concept."""
    lowered = word.lower().replace("\u2019", "'")
    return lowered in STOPWORDS or _contracted_stopword(lowered)


def _is_negation(lowered: str) -> bool:
    return lowered in NEGATION_CUES or lowered.endswith("n't") or lowered.endswith("n\u2019t")


# Words are letters, digits and underscores with one optional apostrophe part ("don't").
_WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)?")
# Sentence marks end keyword-list checks and phrase windows; clause marks also end negation scopes.
_SENTENCE_RE = re.compile(r"[.!?\n\r]+")
_CLAUSE_MARKS = ',;:()[]|"\u2014'
_CLAUSE_RE = re.compile(r"[,;:()\[\]|\"\u2014]")
# A word glued to the previous one by a hyphen: "on" and "write" in "copy-on-write". The pattern
# starts with the hyphen, not the look-behind, so that the regex engine can skip to hyphens.
_HYPHEN_JOINED_RE = re.compile(r"-(?<=\w-)(\w+)")
# For ASCII, bytes.translate and str.split find _WORD_RE's words several times faster than the
# regex: sentence marks become newlines, everything but word characters and apostrophes a space.
# The mapping is one character for one, so offsets are kept.
_ASCII_WORD_CHARS = string.ascii_letters + string.digits + "_'"
_ASCII_TABLE = bytes(
    c if chr(c) in _ASCII_WORD_CHARS else 10 if chr(c) in ".!?\n\r" else 32 for c in range(256)
)
# The same with the clause marks as line breaks too: its pieces are the clauses.
_ASCII_CLAUSE_TABLE = bytes(
    c if chr(c) in _ASCII_WORD_CHARS else 10 if chr(c) in ".!?\n\r" + _CLAUSE_MARKS else 32
    for c in range(256)
)
_WordInfo = tuple[str, str, bool, bool, bool, bool]
_WORD_CACHE: dict[str, _WordInfo] = {}


def _contracted_stopword(lowered: str) -> bool:
    """True for a function word with a contraction ("there's", "they're", "let's", "we'll")."""
    head, mark, _ = lowered.replace("\u2019", "'").partition("'")
    return bool(mark) and head in STOPWORDS


def _word_info(word: str) -> _WordInfo:
    """(lowered, stem, is_stop, is_negation_cue, ends_scope, releases_negation) for a word."""
    info = _WORD_CACHE.get(word)
    if info is None:
        low = word.lower()
        cue = _is_negation(low)
        info = (
            low,
            stem(word),
            low in STOPWORDS or cue or _contracted_stopword(low),
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
        "sentence_function",
        "sentence_content",
        "_segments",
        "_starts",
        "_ends",
        "_clause",
        "_lowered",
        "_spans",
        "_placed",
        "_negated",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.infos: list[_WordInfo] = []
        self.stop: list[bool] = []
        # Sentence index of every word.
        self.sentence: list[int] = []
        # Per sentence: function words (not counting "on" in "copy-on-write") and content words.
        self.sentence_function: list[int] = []
        self.sentence_content: list[int] = []
        # Per sentence: (start offset, end offset, index of its first word).
        self._segments: list[tuple[int, int, int]] = []
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._clause: list[int] = []
        self._lowered: list[str] | None = None
        self._spans: dict[int, tuple[int, int]] = {}
        # Per sentence whose words are partly placed: the offset after the last one placed and
        # the index of the next word.
        self._placed: dict[int, tuple[int, int]] = {}
        self._negated: frozenset[int] | None = None
        self._split()
        self.stems = list(map(_STEM, self.infos))

    def _split(self) -> None:
        # One cut of the text at sentence and clause marks gives the words with both their
        # sentence and their clause: the mark right after a piece says whether a sentence ends
        # there. (Every sentence has a word, so a word's clause counts the clause marks before it
        # plus its sentence's index.)
        text, length = self.text, len(self.text)
        pieces, piece_words = _clause_pieces(text)
        words, sentence, clause, segments = self.words, self.sentence, [], self._segments
        sentence_begin = begin = marks = first = 0
        number, in_sentence = -1, False
        for piece, found in zip(pieces, piece_words, strict=True):
            end = begin + len(piece)
            if found:
                if not in_sentence:
                    number, in_sentence, first = number + 1, True, len(words)
                count = len(found)
                words += found
                sentence += [number] * count
                clause += [number + marks] * count
            if end < length and text[end] in _CLAUSE_MARKS:
                marks += 1
            else:  # a sentence mark, or the end of the text
                if in_sentence:
                    segments.append((sentence_begin, end, first))
                    in_sentence = False
                sentence_begin = end + 1
            begin = end + 1
        self._clause = clause
        infos = list(map(_WORD_CACHE.get, words))
        if not all(infos):
            infos = [info or _word_info(w) for info, w in zip(infos, words, strict=True)]
        self.infos, self.stop = infos, list(map(_IS_STOP, infos))
        self._count_sentence_words()

    def _count_sentence_words(self) -> None:
        """Each sentence's function and content words, from the running count of stopwords."""
        segments = self._segments
        if not segments:
            return
        stops_before = [0, *accumulate(self.stop)]
        # Offsets of the stopwords glued to a word by a hyphen ("on" in "copy-on-write"): part
        # of a term, not function words of their sentence.
        joined = _hyphen_joined_stopwords(self.text) if "-" in self.text else None
        lasts = [segment[2] for segment in segments[1:]]
        lasts.append(len(self.words))
        for (begin, end, first), last in zip(segments, lasts, strict=True):
            count = last - first
            function = stops_before[last] - stops_before[first]
            self.sentence_content.append(count - function)
            if function and joined:
                function -= bisect_left(joined, end) - bisect_left(joined, begin)
            self.sentence_function.append(function)

    def __len__(self) -> int:
        return len(self.words)

    @property
    def lowered(self) -> list[str]:
        """Lower-cased words (computed once, on demand)."""
        if self._lowered is None:
            self._lowered = [info[0] for info in self.infos]
        return self._lowered

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

    @property
    def clause(self) -> list[int]:
        """Clause index of every word: sentences split further at , ; : ( ) and the like."""
        return self._clause

    def words_within(self, start: int, end: int) -> Iterator[int]:
        """Indices of the words that lie within text[start:end]: whole sentences inside it
        without their words' offsets, the words of a sentence it cuts one by one."""
        segments = self._segments
        at = max(0, bisect_left(segments, start, key=_SEGMENT_END))
        for number in range(at, len(segments)):
            begin, stop, first = segments[number]
            if begin >= end:
                break
            last = segments[number + 1][2] if number + 1 < len(segments) else len(self.words)
            if start <= begin and stop <= end:
                yield from range(first, last)
                continue
            for index in range(first, last):
                word_start, word_end = self.span(index)
                if word_start >= start and word_end <= end:
                    yield index

    def span(self, index: int) -> tuple[int, int]:
        """Character offsets of one word in the original text."""
        found = self._spans.get(index)
        if found is None:
            if self._starts is not None:
                return self._starts[index], self._ends[index]  # type: ignore[index]
            # Offsets of the sentence's words up to this one, from the first word not yet placed.
            # Only non-word characters come between two words, so each word is the first
            # occurrence of its text after the one before.
            sentence = self.sentence[index]
            begin, _, first = self._segments[sentence]
            begin, first = self._placed.get(sentence, (begin, first))
            words, find, spans = self.words, self.text.find, self._spans
            for word_index in range(first, index + 1):
                word = words[word_index]
                start = find(word, begin)
                begin = start + len(word)
                spans[word_index] = (start, begin)
            self._placed[sentence] = (begin, index + 1)
            found = spans[index]
        return found

    def is_negated(self, index: int) -> bool:
        """True when a negation cue governs this word ("not", "no", "never", "n't" ...)."""
        return index in self.negated

    @property
    def negated(self) -> frozenset[int]:
        """Indices of the words a negation cue governs (computed once, on demand)."""
        if self._negated is None:
            self._negated = frozenset(self._scope_words())
        return self._negated

    def _scope_words(self) -> list[int]:
        # Each cue governs the next NEGATION_SCOPE words of its clause, up to the next cue or
        # scope breaker, unless a releaser follows it. A clause is a sentence up to a clause mark,
        # so the words' clause indices tell where the scope ends without their offsets.
        infos, clause = self.infos, self._clause
        governed: list[int] = []
        for cue in compress(range(len(infos)), map(_IS_CUE, infos)):
            if cue + 1 < len(infos) and infos[cue + 1][5]:
                continue
            for index in range(cue + 1, min(len(infos), cue + NEGATION_SCOPE + 1)):
                if clause[index] != clause[cue] or infos[index][3] or infos[index][4]:
                    break
                governed.append(index)
        return governed


_STEM = itemgetter(1)
_SEGMENT_END = itemgetter(1)
_IS_STOP = itemgetter(2)
_IS_CUE = itemgetter(3)


def _hyphen_joined_stopwords(text: str) -> list[int]:
    """Offsets of the stopwords glued to the word before them by a hyphen, in text order."""
    return [m.start() for m in _HYPHEN_JOINED_RE.finditer(text) if _word_info(m.group(1))[2]]


def _sentence_pieces(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, words) of each stretch of text between two sentence marks that has words."""
    ascii_text = text.isascii()
    if ascii_text:
        pieces = text.encode("ascii").translate(_ASCII_TABLE).decode("ascii").split("\n")
    else:
        for mark in ".!?\r":
            text = text.replace(mark, "\n")
        pieces = text.split("\n")
    begin = 0
    for piece in pieces:
        end = begin + len(piece)
        if ascii_text or piece.isascii():
            if not ascii_text:
                piece = piece.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
            words = _apostrophe_words(piece) if "'" in piece else piece.split()
        else:
            words = _WORD_RE.findall(piece)
        if words:
            yield begin, end, words
        begin = end + 1


def _clause_pieces(text: str) -> tuple[list[str], list[list[str]]]:
    """The stretches of text between two sentence or clause marks (one for one with the marks,
    empty ones too, so that their lengths give the offsets) and the words of each."""
    if text.isascii():
        pieces = text.encode("ascii").translate(_ASCII_CLAUSE_TABLE).decode("ascii").split("\n")
        return pieces, [_apostrophe_words(p) if "'" in p else p.split() for p in pieces]
    for mark in ".!?\r" + _CLAUSE_MARKS:
        text = text.replace(mark, "\n")
    pieces = text.split("\n")
    return pieces, [_non_ascii_piece_words(piece) for piece in pieces]


def _non_ascii_piece_words(piece: str) -> list[str]:
    if piece.isascii():
        piece = piece.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
        return _apostrophe_words(piece) if "'" in piece else piece.split()
    return _WORD_RE.findall(piece)


def _apostrophe_words(piece: str) -> list[str]:
    """_WORD_RE's words of a piece of word characters, apostrophes and spaces.

    Most words with an apostrophe are whole already ("don't", "Docker's"), so splitting on
    spaces is enough; a piece with any other ("users'", "'quoted'") takes the regex."""
    words = piece.split()
    for word in words:
        if "'" in word and (word[0] == "'" or word[-1] == "'" or word.count("'") > 1):
            return _WORD_RE.findall(piece)
    return words


def tokenize(text: str) -> Tokens:
    """Split text into words with stems, stopword, sentence and clause marks."""
    return Tokens(text)


def content_stem_set(text: str) -> set[str]:
    """The distinct stems of the non-stopwords of a text: tokenize's words, without its sentence,
    offset and clause bookkeeping, each distinct word looked up once."""
    stems = set()
    for word in set(chain.from_iterable(piece[2] for piece in _sentence_pieces(text))):
        info = _WORD_CACHE.get(word) or _word_info(word)
        if not info[2]:
            stems.add(info[1])
    return stems


@lru_cache(maxsize=4096)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the non-stopwords of a short text, in order."""
    tokens = tokenize(text)
    return tuple(s for s, is_stop in zip(tokens.stems, tokens.stop, strict=True) if not is_stop)
