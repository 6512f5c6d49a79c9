"""A candidate's practice attempts, read once and shared by feedback, mastery and the CSV export.

An attempt is an answered item (submitted or timed out) of one of the candidate's practice
sessions. Invited interviews stay out: they belong to the interviewer, who may hide their scores.
Every reader here costs one query however many questions, concepts or attempts there are; the
per-concept work happens in Python over those rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.template.defaultfilters import floatformat

from config.downloads import export_datetime
from interviews import state
from interviews.access import questions_held_for_interview
from interviews.models import InterviewSession, SessionItem
from interviews.models.matched import matched_from_json
from interviews.selectors.exports import spreadsheet_safe


@dataclass(frozen=True, slots=True)
class Attempt:
    item_id: int
    question_id: int
    topic_id: int
    finished_at: datetime
    score: float | None
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    level: str = ""
    level_estimate: str = ""
    question_text: str = ""


@dataclass(frozen=True, slots=True)
class AttemptProgress:
    """What one attempt changed since the question's previous attempt at the same level, and
    what keeps slipping."""

    score: float | None
    previous_score: float | None
    previous_at: datetime | None
    newly_covered: tuple[str, ...]
    missed: tuple[tuple[str, int], ...]  # (label, how many attempts missed it, this one included)

    @property
    def score_change(self) -> int | None:
        """The change between the two scores as pages show them, in whole points: 62.4 then
        62.6 read "62" and "63", so the change reads +1, not +0."""
        if self.previous_score is None:
            return None
        return _whole(self.score or 0.0) - _whole(self.previous_score)

    @property
    def missed_lines(self) -> list[tuple[str, str]]:
        """(label, note) for each missed concept; the note says when it was missed before."""
        return [
            (label, f"missed before ({ordinal_time(times)})" if times > 1 else "")
            for label, times in self.missed
        ]


def _whole(score: float) -> int:
    """A score rounded as the floatformat:0 of every page rounds it (half up, not to even)."""
    return int(floatformat(score, 0))


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def ordinal_time(times: int) -> str:
    """3 -> 'third time', 12 -> '12th time'."""
    if times <= len(ORDINALS):
        return ORDINALS[times - 1] + " time"
    suffix = "th" if 10 <= times % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(times % 10, "th")
    return f"{times}{suffix} time"


def attempts_of(
    candidate, *, topic_ids: Iterable[int] | None = None, with_text: bool = False
) -> list[Attempt]:
    """The candidate's practice attempts, oldest first, optionally only in some topics."""
    items = SessionItem.objects.filter(
        session__candidate=candidate,
        session__kind=InterviewSession.Kind.PRACTICE,
        status__in=state.ITEM_ANSWERED,
        finished_at__isnull=False,
    )
    if topic_ids is not None:
        items = items.filter(question__topic_id__in=list(topic_ids))
    fields = ["id", "question_id", "finished_at", "matched", "missed", "level_estimate"]
    extra = {"topic_id": F("question__topic_id"), "level": F("session__level")}
    extra["final"] = Coalesce(*SessionItem.FINAL_SCORE_FIELDS)
    if with_text:
        # The wording asked, which later edits leave alone (items made before it was kept have none).
        extra["text"] = Coalesce(
            NullIf("asked_text", Value("")), "question__text", output_field=TextField()
        )
    rows = items.order_by("finished_at", "id").values(*fields, **extra)
    return [
        Attempt(
            item_id=row["id"],
            question_id=row["question_id"],
            topic_id=row["topic_id"],
            finished_at=row["finished_at"],
            score=row["final"],
            covered=tuple(dict.fromkeys(hit.label for hit in matched_from_json(row["matched"]))),
            missed=tuple(row["missed"] or ()),
            level=row["level"],
            level_estimate=row["level_estimate"],
            question_text=row.get("text", ""),
        )
        for row in rows
    ]


def progress_attach(items: Sequence[SessionItem], *, candidate_id: int | None) -> None:
    """Set item.progress on each answered item of a practice session (one query for all)."""
    answered = [
        item
        for item in items
        if item.status in state.ITEM_ANSWERED
        and item.session.kind == InterviewSession.Kind.PRACTICE
    ]
    if not answered or candidate_id is None:
        return
    topic_ids = {item.question.topic_id for item in answered}
    history = attempts_of(candidate_id, topic_ids=topic_ids)
    for item in answered:
        item.progress = attempt_progress(item.pk, history)


def attempt_progress(item_id: int, history: Sequence[Attempt]) -> AttemptProgress | None:
    """Compare one attempt with what came before it in history (oldest first)."""
    position = next((i for i, a in enumerate(history) if a.item_id == item_id), None)
    if position is None:
        return None
    attempt, earlier = history[position], history[:position]
    # The same question at another level is judged against another model answer: no comparison.
    previous = next(
        (
            a
            for a in reversed(earlier)
            if a.question_id == attempt.question_id and a.level == attempt.level
        ),
        None,
    )
    missed = tuple(
        (label, 1 + sum(1 for a in earlier if a.topic_id == attempt.topic_id and label in a.missed))
        for label in attempt.missed
    )
    return AttemptProgress(
        score=attempt.score,
        previous_score=previous.score if previous else None,
        previous_at=previous.finished_at if previous else None,
        newly_covered=tuple(c for c in attempt.covered if previous and c not in previous.covered),
        missed=missed,
    )


CSV_COLUMNS = ["question", "date", "score", "level", "level_estimate", "covered", "missed"]
# The results page holds a waiting question's feedback back the same way: its concepts would give
# the interview away.
CONCEPTS_HELD_NOTE = "(held back until you have answered this question in your interview)"


def held_question_ids(candidate) -> set[int]:
    """Questions whose concepts this candidate may not read now: they wait in their interview."""
    return set(questions_held_for_interview(candidate).values_list("question_id", flat=True))


def attempts_csv(candidate) -> str:
    """The candidate's practice attempts, oldest first, one row each, safe to open as a sheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    held = held_question_ids(candidate)
    for attempt in attempts_of(candidate, with_text=True):
        concepts = (
            [CONCEPTS_HELD_NOTE] * 2
            if attempt.question_id in held
            else ["; ".join(attempt.covered), "; ".join(attempt.missed)]
        )
        cells = [
            attempt.question_text,
            export_datetime(attempt.finished_at),
            "" if attempt.score is None else round(attempt.score, 1),
            attempt.level,
            attempt.level_estimate,
            *concepts,
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return buffer.getvalue()
