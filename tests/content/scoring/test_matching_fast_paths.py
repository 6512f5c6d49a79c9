"""The matcher's fast paths find what the general ones find."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from content.scoring import grouping
from content.scoring.matching import _flag_pattern


def _positions_and_sentences(data, overlapping: bool):
    """Two to four sorted lists of word positions (overlapping when a word stands for two of the
    phrase's words in other words) and a sentence index per position."""
    count = data.draw(st.integers(min_value=2, max_value=4))
    lists = []
    for _ in range(count):
        drawn = data.draw(
            st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=30, unique=True)
        )
        lists.append(sorted(drawn))
    if not overlapping:
        # Each position belongs to the first list that holds it.
        seen: set[int] = set()
        for index, positions in enumerate(lists):
            lists[index] = [p for p in positions if p not in seen]
            seen.update(positions)
        lists = [positions for positions in lists if positions]
    breaks = data.draw(st.lists(st.integers(min_value=0, max_value=60), max_size=6))
    sentence = [sum(1 for b in breaks if b <= index) for index in range(61)]
    return lists, sentence


@settings(max_examples=500, deadline=None)
@given(data=st.data(), window=st.integers(min_value=2, max_value=8), overlapping=st.booleans())
def test_whole_groups_are_the_groups_with_every_word(data, window: int, overlapping: bool) -> None:
    # The full-phrase stage takes whole_groups instead of filtering groups() to a share of 1:
    # the same groups, in the same order, also when a position stands for two words.
    lists, sentence = _positions_and_sentences(data, overlapping)
    if len(lists) < 2:
        return
    general = [
        g for share, g in grouping.groups(lists, window, len(lists), sentence) if share == 1.0
    ]
    assert list(grouping.whole_groups(lists, window, sentence)) == general


def test_whole_groups_find_a_phrase_and_skip_a_scattered_one() -> None:
    sentence = [0] * 30
    assert list(grouping.whole_groups([[2, 20], [3], [4]], 6, sentence)) == [(2, 3, 4)] * 3
    assert list(grouping.whole_groups([[2], [12], [25]], 6, sentence)) == []
    assert list(grouping.whole_groups([[2], [4]], 5, sentence)) == [(2, 4), (2, 4)]


# The flag pattern as first written: a look-behind tried at every offset of the answer.
def _plain_flag_pattern(flag: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])", re.I)


@settings(max_examples=1000, deadline=None)
@given(
    text=st.text(alphabet="rmRMé_1- .=\n", max_size=30),
    flag=st.sampled_from(["--rm", "--RM", "--r-m", "--m", "--", "--é"]),
)
def test_the_flag_pattern_finds_what_the_plain_one_finds(text: str, flag: str) -> None:
    found, plain = _flag_pattern(flag).search(text), _plain_flag_pattern(flag).search(text)
    assert (found and found.span()) == (plain and plain.span())


def test_flags() -> None:
    for text in ("docker run --rm x", "--RM", "use --rm.", "(--rm)"):
        assert _flag_pattern("--rm").search(text), text
    for text in ("docker rm", "docker--rm", "---rm", "--rmi", "--rm-x", "--rm_x"):
        assert not _flag_pattern("--rm").search(text), text
