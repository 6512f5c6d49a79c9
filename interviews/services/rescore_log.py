"""What a re-score changed on an item, as review-log entries like the ones a person's change gets.

A re-score (a concept page's after curation, or `manage.py rescore` after a scorer upgrade) may
move the automatic score, change which concepts the answer is judged against (a curated concept
removed or renamed takes its tick, a person's tick included, off the transcript) and so the
reviewed score. Each of those gets one entry, from what to what, stamped with who or which
command re-scored and why. A re-score that moves none of them writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from interviews.models import ConceptVerdict, ReviewChange, SessionItem

Field = ReviewChange.Field


@dataclass(frozen=True, slots=True)
class ScoringShown:
    """An item's scoring as its transcript shows it: the two computed scores and each concept's
    tick (a person's verdict, else the scorer's). A concept it was not judged against has none."""

    score: float | None
    reviewed: float | None
    ticks: dict[str, bool]


def ticks_shown(
    matched: Sequence[str], missed: Sequence[str], verdicts: Iterable[ConceptVerdict]
) -> dict[str, bool]:
    """Each concept's tick on a transcript from the scorer's matched and missed labels and the
    people's verdicts, in the scorer's order (as services.review.item_concept_labels has it)."""
    found = set(matched)
    ticks = {label: label in found for label in dict.fromkeys([*matched, *missed])}
    ticks.update({verdict.concept_label: verdict.present for verdict in verdicts})
    return ticks


def scoring_shown(item: SessionItem) -> ScoringShown:
    """item's scoring as it stands (its verdicts read as item.concept_verdicts.all() gives them)."""
    return ScoringShown(
        score=item.score,
        reviewed=item.score_reviewed,
        ticks=ticks_shown(item.matched_labels, item.missed, item.concept_verdicts.all()),
    )


def rescore_changes(
    *,
    item: SessionItem,
    before: ScoringShown,
    reason: str,
    now: datetime,
    by=None,
    command: str = "",
) -> list[ReviewChange]:
    """The unsaved entries for what a re-score moved on item since `before`; [] for nothing.

    Ticks come first and scores last: read oldest first (the export), the cause precedes the
    effect; newest first (the pages), the automatic score heads the re-score.
    """
    after = scoring_shown(item)

    def entry(field: str, old, new, label: str = "") -> ReviewChange:
        return ReviewChange(
            session_id=item.session_id,
            item=item,
            changed_by=by,
            changed_by_command=command,
            changed_at=now,
            field=field,
            concept_label=label,
            old_value=old,
            new_value=new,
            reason=reason,
        )

    entries = [
        entry(Field.RESCORE, before.ticks.get(label), after.ticks.get(label), label)
        for label in dict.fromkeys([*before.ticks, *after.ticks])
        if before.ticks.get(label) != after.ticks.get(label)
    ]
    if before.reviewed != after.reviewed:
        entries.append(entry(Field.RESCORE_REVIEWED, before.reviewed, after.reviewed))
    if before.score != after.score:
        entries.append(entry(Field.RESCORE, before.score, after.score))
    return entries
