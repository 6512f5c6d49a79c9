"""Extraction's faster patterns find what the plain ones find."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring.extraction import _CODE_LINE_RE

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
