"""Candidate groups of a phrase's words in an answer: positions near each other, one sentence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain

from .limits import MAX_ANCHORS


def groups(
    present: list[list[int]], window: int, words: int, sentence: list[int]
) -> Iterator[tuple[float, tuple[int, ...]]]:
    """The candidate groups of the lists of positions of a phrase's words, each with its share
    of the phrase's words (see any_groups). A group never spans two sentences."""
    if len(present) == 2:
        return pair_groups(present[0], present[1], window, words, sentence)
    return any_groups(present, window, words, sentence)


def whole_groups(
    present: list[list[int]], window: int, sentence: list[int]
) -> Iterator[tuple[int, ...]]:
    """The groups of groups(present, window, len(present), sentence) that hold every word (a
    share of 1), in the same order.

    Only a group with every word counts here, so an anchor is given up as soon as one word has
    no position near it: the rarest words are looked at first, and most anchors cost one search
    instead of one per word."""
    if len(present) == 2:
        return _whole_pairs(present[0], present[1], window, sentence)
    return _whole_groups(present, window, sentence)


def _whole_pairs(
    first: list[int], second: list[int], window: int, sentence: list[int]
) -> Iterator[tuple[int, ...]]:
    """The two-word groups of pair_groups."""
    for anchor, near in _anchors_and_nearest(first, second):
        if sentence[near] != sentence[anchor]:
            continue
        if 0 < near - anchor < window:
            yield anchor, near
        elif 0 < anchor - near < window:
            yield near, anchor


def _whole_groups(
    present: list[list[int]], window: int, sentence: list[int]
) -> Iterator[tuple[int, ...]]:
    """The groups of any_groups that have a position of every word."""
    anchors = sorted(chain.from_iterable(positions[:MAX_ANCHORS] for positions in present))
    # The group is sorted before it is judged, so the order the words are looked at is free.
    rarest_first = sorted(present, key=len)
    for anchor in anchors[:MAX_ANCHORS]:
        group = []
        for positions in rarest_first:
            near = _nearest(positions, anchor)
            if not (-window < near - anchor < window and sentence[near] == sentence[anchor]):
                break
            group.append(near)
        else:
            group.sort()
            if group[-1] - group[0] < window:
                yield tuple(group)


def _anchors_and_nearest(first: list[int], second: list[int]) -> Iterator[tuple[int, int]]:
    """The earliest occurrences of two words, each with the nearest position of the other word
    (the earlier one on a tie)."""
    heads = first[:MAX_ANCHORS]
    in_first = set(heads)
    for anchor in sorted(heads + second[:MAX_ANCHORS])[:MAX_ANCHORS]:
        yield anchor, _nearest(second if anchor in in_first else first, anchor)


def _nearest(positions: list[int], anchor: int) -> int:
    """The position nearest to the anchor in a sorted, non-empty list (the earlier on a tie)."""
    index = bisect_left(positions, anchor)
    if index == len(positions) or (
        index and anchor - positions[index - 1] <= positions[index] - anchor
    ):
        index -= 1
    return positions[index]


def pair_groups(
    first: list[int], second: list[int], window: int, words: int, sentence: list[int]
) -> Iterator[tuple[float, tuple[int, ...]]]:
    """any_groups for two words, the commonest phrase: each anchor with the nearest position of
    the other word when it lies within the window."""
    one, two = 1 / words, 2 / words
    for anchor, near in _anchors_and_nearest(first, second):
        if sentence[near] != sentence[anchor]:
            yield one, (anchor,)
        elif 0 < near - anchor < window:
            yield two, (anchor, near)
        elif 0 < anchor - near < window:
            yield two, (near, anchor)
        else:
            yield one, (anchor,)


def any_groups(
    present: list[list[int]], window: int, words: int, sentence: list[int]
) -> Iterator[tuple[float, tuple[int, ...]]]:
    """For each of the earliest occurrences, the words found within the window of it, with
    their share of the phrase's words.

    Anchors are taken in text order, so text appended to an answer never displaces a group
    found before it: adding a sentence can only add candidates. The lists are sorted and
    disjoint (each holds the positions of another stem), so an anchor's own list gives the
    anchor itself and a group needs no set."""
    anchors = sorted(chain.from_iterable(positions[:MAX_ANCHORS] for positions in present))
    for anchor in anchors[:MAX_ANCHORS]:
        group = []
        for positions in present:
            near = _nearest(positions, anchor)
            if -window < near - anchor < window and sentence[near] == sentence[anchor]:
                group.append(near)
        if len(group) > 1:
            group.sort()
            if group[-1] - group[0] < window:
                yield len(group) / words, tuple(group)
                continue
        yield 1 / words, (anchor,)
