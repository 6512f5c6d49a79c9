"""Soft evidence: stems whose meaning is close, from a small table shipped with the scorer.

The table (data/neighbours.txt.gz, built by neighbours_build.py from the pinned MiniLM weights)
maps a stem to its nearest stems with their cosine similarity in percent. Reading it needs the
standard library only, and nothing is computed at scoring time but dictionary look-ups.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent / "data" / "neighbours.txt.gz"
# Neighbours kept per stem, and the similarity from which a stem counts as a neighbour.
MAX_NEIGHBOURS = 8
MIN_SIMILARITY = 0.62


@cache
def neighbour_table() -> dict[str, tuple[tuple[str, float], ...]]:
    """Per stem, its neighbours and their similarity (0..1); empty when the table is absent."""
    if not TABLE_PATH.is_file():
        return {}
    table: dict[str, tuple[tuple[str, float], ...]] = {}
    with gzip.open(TABLE_PATH, "rt", encoding="utf-8") as handle:
        for line in handle:
            own, _, rest = line.rstrip("\n").partition("\t")
            pairs = []
            for item in rest.split():
                other, _, percent = item.rpartition(":")
                pairs.append((other, int(percent) / 100))
            table[own] = tuple(pairs)
    return table


def neighbours_of(stems: frozenset[str] | set[str]) -> dict[str, tuple[tuple[str, float], ...]]:
    """For every stem near one of the given stems (and not one of them): which, and how near.

    The relation is read both ways (a stem's neighbours, and the stems it is a neighbour of),
    so it does not depend on which side of a pair the table listed."""
    table = neighbour_table()
    found: dict[str, dict[str, float]] = {}
    for own in stems:
        for other, similarity in table.get(own, ()):
            if other not in stems:
                slot = found.setdefault(other, {})
                slot[own] = max(similarity, slot.get(own, 0.0))
    # Most stems are near one given stem only: nothing to sort.
    return {
        other: tuple(near.items())
        if len(near) == 1
        else tuple(sorted(near.items(), key=lambda p: (-p[1], p[0])))
        for other, near in found.items()
    }
