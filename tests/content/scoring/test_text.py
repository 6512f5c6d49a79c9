"""The tokenizer's fast paths give what the word pattern alone would give."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring.spans import one_clause
from content.scoring.text import (
    _WORD_RE,
    NEGATION_SCOPE,
    _apostrophe_words,
    content_stem_set,
    tokenize,
)

# Letters, apostrophes (both kinds), hyphens, sentence and clause marks, spaces and non-ASCII.
TEXT = st.text(alphabet="ab_1'\u2019- .!?\n\r\t,;()é日", max_size=80)


@settings(max_examples=500, deadline=None)
@given(piece=st.text(alphabet="ab_1' ", max_size=40))
def test_words_with_apostrophes_are_the_patterns_words(piece: str) -> None:
    assert _apostrophe_words(piece) == _WORD_RE.findall(piece)


@settings(max_examples=500, deadline=None)
@given(text=TEXT, seed=st.integers(min_value=0, max_value=2**16))
def test_words_and_their_offsets_are_the_patterns_in_any_order_asked(text: str, seed: int) -> None:
    tokens = tokenize(text)
    expected = [(m.group(), m.span()) for m in _WORD_RE.finditer(text)]
    assert tokens.words == [word for word, _ in expected]
    # Offsets are placed lazily, sentence by sentence: ask for them in a random order.
    order = list(range(len(tokens)))
    random.Random(seed).shuffle(order)
    spans = {index: tokens.span(index) for index in order}
    assert [spans[index] for index in range(len(tokens))] == [span for _, span in expected]


@pytest.mark.parametrize(
    ("text", "function_words"),
    [
        ("Files use copy-on-write.", [0]),
        # Each sentence counts only its own glued stopwords: "on", "to" and "only" here, not the
        # "up" that starts "up-to-date", nor "and".
        ("It is on. Files use copy-on-write, up-to-date and read-only.", [3, 2]),
        # Dashes that glue nothing: list marks and option flags.
        ("- a list item - with dashes. --rm is a flag.", [2, 2]),
    ],
)
def test_stopwords_glued_by_a_hyphen_are_not_function_words(
    text: str, function_words: list[int]
) -> None:
    assert tokenize(text).sentence_function == function_words


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab_1'\u2019- .!?\n\t,é日" + "theisnot", max_size=80))
def test_the_content_stem_set_is_that_of_the_tokens(text: str) -> None:
    tokens = tokenize(text)
    expected = {s for s, stop in zip(tokens.stems, tokens.stop, strict=True) if not stop}
    assert content_stem_set(text) == expected


@settings(max_examples=1000, deadline=None)
@given(
    text=st.text(alphabet="ab ;.!?\n,", max_size=40),
    first=st.integers(min_value=0, max_value=20),
    last=st.integers(min_value=0, max_value=20),
)
def test_one_clause_is_what_a_search_for_marks_between_the_words_finds(
    text: str, first: int, last: int
) -> None:
    # one_clause skips the search for two words of one sentence in a text without a semicolon:
    # it must still agree with the search.
    tokens = tokenize(text)
    if len(tokens) < 2:
        return
    first, last = sorted((first % len(tokens), last % len(tokens)))
    if first == last:
        return
    between = text[tokens.span(first)[1] : tokens.span(last)[0]]
    expected = not any(mark in between for mark in ".!?;\n")
    assert one_clause(tokens, (first, last)) == expected


SENTENCE_MARKS = ".!?\n\r"
CLAUSE_MARKS = ',;:()[]|"\u2014'


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet="ab_1'\u2019- .!?\n\r\t,;:()[]|\"\u2014é日", max_size=80))
def test_sentences_and_clauses_are_counted_from_the_marks_before_each_word(text: str) -> None:
    # The tokenizer cuts the text once at both kinds of marks; the general rule: a word's sentence
    # counts the earlier stretches between sentence marks that have a word, its clause adds the
    # clause marks before it.
    matches = list(_WORD_RE.finditer(text))
    sentence, clause, seen = [], [], {}
    for match in matches:
        before = text[: match.start()]
        stretch = sum(before.count(mark) for mark in SENTENCE_MARKS)
        number = seen.setdefault(stretch, len(seen))
        sentence.append(number)
        clause.append(number + sum(before.count(mark) for mark in CLAUSE_MARKS))
    tokens = tokenize(text)
    assert tokens.sentence == sentence
    assert tokens.clause == clause
    assert len(tokens.sentence_content) == len(seen)


NEGATION_PIECES = ["not", "No", "never", "don't", "isn\u2019t", "but", "only", "a", "cat", "runs"]
MARKS = [" ", " ", ", ", "; ", ". ", "\n", " - ", " (", ") ", "\u2014", " é ", "'"]


@settings(max_examples=1000, deadline=None)
@given(parts=st.lists(st.sampled_from(NEGATION_PIECES + MARKS), max_size=30))
def test_a_negation_governs_the_words_before_the_next_mark_its_offsets_show(
    parts: list[str],
) -> None:
    # The scope is cut where the clause index changes: it must end where a sentence or clause
    # mark lies between the cue and the word, as the text itself shows.
    text = "".join(parts)
    tokens = tokenize(text)
    infos, expected = tokens.infos, set()
    for cue in range(len(tokens)):
        if not infos[cue][3] or (cue + 1 < len(tokens) and infos[cue + 1][5]):
            continue
        for index in range(cue + 1, min(len(tokens), cue + NEGATION_SCOPE + 1)):
            between = text[tokens.span(cue)[1] : tokens.span(index)[0]]
            if any(mark in between for mark in SENTENCE_MARKS + CLAUSE_MARKS):
                break
            if infos[index][3] or infos[index][4]:
                break
            expected.add(index)
    assert tokens.negated == expected
