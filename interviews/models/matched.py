"""The codec of an item's `matched` evidence: ConceptHits in, plain JSON rows in the column.

The column keeps `[{"label", "start", "end", "credit", "in_other_words"}]` (offsets into the
answer). Rows stored before the last two were kept read as a full match as written (credit 1.0,
in_other_words False), so no migration rewrites them. Code outside this module only ever sees
ConceptHits, or the MatchedConcept lines made from them. Pages and exports word how a concept
was matched through the notes here, so they all say it alike.
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


def other_words_note(words: Iterable[str]) -> str:
    """'in other words: “separate”' for the answer's words that earned a concept; '' for none."""
    quoted = ", ".join(f"“{text}”" for text in words)
    return f"in other words: {quoted}" if quoted else ""


def partial_credit_note(credit: float | None) -> str:
    """'partly credited, 27%' for a concept that earned part of its weight; '' for full credit
    (or none recorded)."""
    if credit is None or credit >= 1.0:
        return ""
    # A part never reads as 0% or 100%: those would say nothing, or full credit.
    return f"partly credited, {min(max(round(credit * 100), 1), 99)}%"


@dataclass(frozen=True, slots=True)
class MatchedConcept:
    """One matched concept as pages and exports list it: its label; when the answer never said
    it as written, the answer's own words that earned it; and the share of its weight it earned."""

    label: str
    other_words: tuple[str, ...] = ()
    credit: float = 1.0

    @property
    def note(self) -> str:
        """'in other words: “separate”; partly credited, 27%', either part alone, or '' for a
        concept said as written and credited in full."""
        parts = (other_words_note(self.other_words), partial_credit_note(self.credit))
        return "; ".join(part for part in parts if part)


def matched_concepts(answer: str, hits: Iterable[ConceptHit]) -> list[MatchedConcept]:
    """Each matched label once, in the evidence's order, with the best credit of its hits; one
    said as written anywhere gets no "in other words" note."""
    spans: dict[str, list[str]] = {}
    credits: dict[str, float] = {}
    literal: set[str] = set()
    for hit in hits:
        words = spans.setdefault(hit.label, [])
        credits[hit.label] = max(credits.get(hit.label, 0.0), hit.credit)
        if not hit.in_other_words:
            literal.add(hit.label)
        elif (text := answer[hit.start : hit.end].strip()) and text not in words:
            words.append(text)
    return [
        MatchedConcept(label, () if label in literal else tuple(words), credits[label])
        for label, words in spans.items()
    ]
