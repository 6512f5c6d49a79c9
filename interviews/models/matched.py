"""The codec of an item's `matched` evidence: ConceptHits in, plain JSON rows in the column.

The column keeps `[{"label", "start", "end"}]` (offsets into the answer) so stored rows and the
JSON export stay as they are; code outside this module only ever sees ConceptHits.
"""

from __future__ import annotations

from collections.abc import Iterable

from content.scoring import ConceptHit


def matched_to_json(hits: Iterable[ConceptHit]) -> list[dict]:
    """ConceptHits -> the rows stored in SessionItem.matched."""
    return [{"label": hit.label, "start": hit.start, "end": hit.end} for hit in hits]


def matched_from_json(rows: Iterable[dict] | None) -> tuple[ConceptHit, ...]:
    """The rows stored in SessionItem.matched -> ConceptHits."""
    return tuple(
        ConceptHit(label=str(row["label"]), start=int(row["start"]), end=int(row["end"]))
        for row in rows or ()
    )
