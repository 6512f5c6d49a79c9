"""The codec of an item's `matched` evidence: ConceptHits in, plain JSON rows in the column.

The column keeps `[{"label", "start", "end", "credit", "in_other_words"}]` (offsets into the
answer). Rows stored before the last two were kept read as a full match as written (credit 1.0,
in_other_words False), so no migration rewrites them. Code outside this module only ever sees
ConceptHits, or the MatchedConcept lines made from them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from content.scoring import ConceptHit


def matched_to_json(hits: Iterable[ConceptHit]) -> list[dict]:
    """ConceptHits -> the rows stored in SessionItem.matched."""
    return [
        {
            "label": hit.label,
            "start": hit.start,
            "end": hit.end,
            "credit": hit.credit,
            "in_other_words": hit.in_other_words,
        }
        for hit in hits
    ]


def matched_from_json(rows: Iterable[dict] | None) -> tuple[ConceptHit, ...]:
    """The rows stored in SessionItem.matched -> ConceptHits."""
    return tuple(
        ConceptHit(
            label=str(row["label"]),
            start=int(row["start"]),
            end=int(row["end"]),
            credit=float(row.get("credit", 1.0)),
            in_other_words=bool(row.get("in_other_words", False)),
        )
        for row in rows or ()
    )


@dataclass(frozen=True, slots=True)
class MatchedConcept:
    """One matched concept as pages and exports list it: its label, and when the answer never
    said it as written, the answer's own words that earned it."""

    label: str
    other_words: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """'in other words: “separate”', or '' for a concept the answer said as written."""
        if not self.other_words:
            return ""
        return "in other words: " + ", ".join(f"“{words}”" for words in self.other_words)


def matched_concepts(answer: str, hits: Iterable[ConceptHit]) -> list[MatchedConcept]:
    """Each matched label once, in the evidence's order; one said as written anywhere gets no note."""
    spans: dict[str, list[str]] = {}
    literal: set[str] = set()
    for hit in hits:
        words = spans.setdefault(hit.label, [])
        if not hit.in_other_words:
            literal.add(hit.label)
        elif (text := answer[hit.start : hit.end].strip()) and text not in words:
            words.append(text)
    return [
        MatchedConcept(label, () if label in literal else tuple(words))
        for label, words in spans.items()
    ]
