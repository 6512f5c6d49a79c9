"""Extraction's faster patterns find what the plain ones find."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring.extraction import _CLEAN_SURFACE_RE, _CODE_LINE_RE, _reach, _units
from content.scoring.text import tokenize

# The code-line test as first written: a search that tries every alternative at every offset.
PLAIN_CODE_LINE_RE = re.compile(r"(?:^|\s)--?[A-Za-z]|(?:^|\s)/[A-Za-z]|[={}\\$]|\w:/?/?\w")


@settings(max_examples=1000, deadline=None)
@given(line=st.text(alphabet="aZ_1é -/:=\\${}\t.", max_size=30))
def test_the_code_line_pattern_finds_what_the_plain_one_finds(line: str) -> None:
    assert bool(_CODE_LINE_RE.search(line)) == bool(PLAIN_CODE_LINE_RE.search(line))


def test_code_lines() -> None:
    for line in ("docker run -v x", "--rm", "see /usr/bin", "a=b", "host:8080", "http://x"):
        assert _CODE_LINE_RE.search(line), line
    for line in ("a well-known term", "and/or", "Namespaces: isolation", "x - y", "10:"):
        assert not _CODE_LINE_RE.search(line), line


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet="aZ_1é '\u2019-,:(\n", max_size=40))
def test_phrase_gaps_and_underscores_decide_what_the_clean_surface_pattern_decides(
    text: str,
) -> None:
    # _collect keeps a phrase when its gaps are within reach and it has no "_", instead of
    # matching _CLEAN_SURFACE_RE on every phrase: both must agree on every slice of units.
    tokens = tokenize(text)
    if not len(tokens):
        return
    units = _units(text, tokens.starts, tokens.ends)
    unit_start = [tokens.starts[unit[0]] for unit in units]
    unit_end = [tokens.ends[unit[-1]] for unit in units]
    reach = _reach(text, unit_start, unit_end)
    for lo in range(len(units)):
        for hi in range(lo + 1, min(len(units), lo + 5) + 1):
            surface = text[unit_start[lo] : unit_end[hi - 1]]
            fast = hi <= reach[lo] and "_" not in surface
            assert fast == bool(_CLEAN_SURFACE_RE.fullmatch(surface)), surface


def _clauses_counted(tokens) -> list[int]:
    # Clause indices as first written: walk the marks and the sentences word by word.
    marks = [m.start() for m in re.finditer(r"[,;:()\[\]|\"\u2014]", tokens.text)]
    clause, mark, clause_id, previous_sentence = [], 0, 0, 0
    for start, sentence in zip(tokens.starts, tokens.sentence, strict=True):
        while mark < len(marks) and marks[mark] < start:
            mark += 1
            clause_id += 1
        if sentence != previous_sentence:
            clause_id += 1
            previous_sentence = sentence
        clause.append(clause_id)
    return clause


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet="ab' ,;:()[].!?\n\r\"|\u2014", max_size=40))
def test_clause_indices_are_the_counted_ones(text: str) -> None:
    tokens = tokenize(text)
    assert tokens.clause == _clauses_counted(tokens)
