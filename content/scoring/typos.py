"""Misspelled words: which answer words may be typos, and of which model-answer word.

The concept Matcher tolerates typos in the concepts' words (matching.typo_budget); this is the
same tolerance for the model answers' other words, used by the reference recall and the
sentence precision. Only a word the scorer does not know can be a misspelling: one in the
vector or neighbour table is a real word of its own ("contain" is no typo of "constrain").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rapidfuzz.distance import OSA

from .neighbours import neighbour_table
from .vectors import vector_table

# One edit is tolerated from MIN_LETTERS letters of the stem on, two from LONG_LETTERS on.
MIN_LETTERS = 5
LONG_LETTERS = 8
# Answer stems whose candidates one Candidates keeps (a model answer's misspellings recur across
# its answers; the bound keeps a stream of new words from growing it without end).
CANDIDATES_KEPT = 2048


def budget(length: int) -> int:
    """Edits tolerated for a stem of this length: none for short words."""
    if length >= LONG_LETTERS:
        return 2
    return 1 if length >= MIN_LETTERS else 0


def unknown(stems: Iterable[str]) -> list[str]:
    """The stems long enough to be misspellings that neither word table knows, in order."""
    known, neighboured = vector_table(), neighbour_table()
    return [s for s in stems if len(s) >= MIN_LETTERS and s not in known and s not in neighboured]


def closest(
    word_stem: str, targets: Iterable[str], edits: Callable[[int], int] = budget
) -> str | None:
    """The target this stem misspells, the fewest edits first (the first target of those), with
    `edits(length)` tolerated for the shorter of the two words; None if none."""
    tolerated = edits(len(word_stem))
    found, fewest = None, tolerated + 1
    for target in targets:
        allowed = min(tolerated, edits(len(target)))
        if abs(len(target) - len(word_stem)) > allowed:
            continue
        distance = OSA.distance(word_stem, target, score_cutoff=allowed)
        if distance <= allowed and distance < fewest:
            found, fewest = target, distance
    return found


def ranked(
    word_stem: str, targets: Iterable[str], edits: Callable[[int], int] = budget
) -> tuple[str, ...]:
    """Every target this stem may misspell (as `closest` tolerates it), the fewest edits first
    and in the targets' order among equals: `closest` over any sublist of the targets is the
    first of these that is in it."""
    tolerated = edits(len(word_stem))
    found = []
    for position, target in enumerate(targets):
        allowed = min(tolerated, edits(len(target)))
        if abs(len(target) - len(word_stem)) > allowed:
            continue
        distance = OSA.distance(word_stem, target, score_cutoff=allowed)
        if distance <= allowed:
            found.append((distance, position, target))
    return tuple(target for _, _, target in sorted(found))


class Candidates:
    """The targets that an answer's stems may misspell, per stem, for one fixed list of targets
    (a model answer's words): the edit distances are worked out once per stem and list, not once
    per answer, and each answer only picks the first candidate still open."""

    __slots__ = ("targets", "_ranked")

    def __init__(self, targets: Sequence[str]) -> None:
        self.targets = tuple(targets)
        self._ranked: dict[str, tuple[str, ...]] = {}

    def of(self, word_stem: str) -> tuple[str, ...]:
        """`ranked(word_stem, targets)`, from the cache when the stem was seen before."""
        found = self._ranked.get(word_stem)
        if found is None:
            found = ranked(word_stem, self.targets)
            if len(self._ranked) < CANDIDATES_KEPT:
                self._ranked[word_stem] = found
        return found
