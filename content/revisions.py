"""A question's history: recording revisions, and each one with its diff from the one before.

Both ways a question changes record here, the editor (content.authoring) and an import
(content.importer), so they leave the same history.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Max

from content.models import Level, Question, QuestionRevision

NOTE_IMPORTED = "As imported"

FIELDS = (
    ("text", "Question"),
    ("expert_answer", "Expert answer"),
    ("beginner_answer", "Beginner answer"),
)


@dataclass(frozen=True, slots=True)
class QuestionState:
    """What a revision records: the wording and the two model answers."""

    text: str
    expert_answer: str = ""
    beginner_answer: str = ""


@dataclass(frozen=True, slots=True)
class StateChange:
    """A question changed outside the editor: its state before and after, and why."""

    question: Question
    before: QuestionState
    after: QuestionState
    note: str


def question_state(question: Question) -> QuestionState:
    answers = {answer.level: answer.text for answer in question.model_answers.all()}
    return QuestionState(
        text=question.text,
        expert_answer=answers.get(Level.EXPERT, ""),
        beginner_answer=answers.get(Level.BEGINNER, ""),
    )


def _revision(question: Question, state: QuestionState, *, number: int, author, note: str):
    return QuestionRevision(
        question=question,
        number=number,
        text=state.text,
        expert_answer=state.expert_answer,
        beginner_answer=state.beginner_answer,
        author=author,
        note=note,
    )


def states_of_wordings(wordings: Iterable[tuple[int, str]]) -> dict[tuple[int, str], QuestionState]:
    """The last recorded state of each (question id, wording), in one query; absent when none.

    A session asked the wording its item stores; after the owner reworded the question, this is
    what the question said under that wording, model answers included.
    """
    wanted = set(wordings)
    if not wanted:
        return {}
    revisions = QuestionRevision.objects.filter(
        question_id__in={question_id for question_id, _ in wanted},
        text__in={text for _, text in wanted},
    ).order_by("number")
    states = {}
    for revision in revisions:
        key = (revision.question_id, revision.text)
        if key in wanted:
            states[key] = QuestionState(
                revision.text, revision.expert_answer, revision.beginner_answer
            )
    return states


def revision_add(
    *, question: Question, state: QuestionState, author, note: str
) -> QuestionRevision:
    last = question.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = _revision(question, state, number=last + 1, author=author, note=note)
    revision.save()
    return revision


def revisions_start_many(*, starts: Sequence[tuple[Question, QuestionState, str]], author) -> None:
    """Revision 1 of each new question, given as (question, state, note), in one query."""
    QuestionRevision.objects.bulk_create(
        _revision(question, state, number=1, author=author, note=note)
        for question, state, note in starts
    )


def revisions_record_many(*, changes: Sequence[StateChange], author) -> None:
    """Record each change as a revision by `author`, as an edit in the editor would, in two queries.

    A question with no history yet first gets its state before the change (revision 1, no author,
    "As imported"), so that state can be restored too.
    """
    if not changes:
        return
    last_numbers = dict(
        QuestionRevision.objects.filter(question__in=[change.question for change in changes])
        .values("question_id")
        .annotate(last=Max("number"))
        .values_list("question_id", "last")
    )
    rows = []
    for change in changes:
        last = last_numbers.get(change.question.pk, 0)
        if not last:
            rows.append(
                _revision(change.question, change.before, number=1, author=None, note=NOTE_IMPORTED)
            )
            last = 1
        rows.append(
            _revision(
                change.question, change.after, number=last + 1, author=author, note=change.note
            )
        )
    QuestionRevision.objects.bulk_create(rows)


@dataclass(frozen=True, slots=True)
class DiffLine:
    kind: str  # "added", "removed", "context" or "hunk"
    text: str


@dataclass(frozen=True, slots=True)
class RevisionChange:
    revision: QuestionRevision
    diffs: tuple[tuple[str, tuple[DiffLine, ...]], ...]  # (field label, lines), changed fields only
    is_current: bool


def text_diff(before: str, after: str) -> tuple[DiffLine, ...]:
    """A unified diff of two texts, line by line, without the file header."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=2)
    kinds = {"+": "added", "-": "removed", "@": "hunk"}
    return tuple(
        DiffLine(kinds.get(line[:1], "context"), line)
        for line in lines
        if not line.startswith(("---", "+++"))
    )


def revision_changes(
    question: Question, *, newest_first: Sequence[QuestionRevision] | None = None
) -> list[RevisionChange]:
    """Newest first: what each revision changed from the previous one (all of it for the first).

    `newest_first` narrows it to those revisions (a page of the history, newest first, authors
    selected); the one before the oldest of them is read for its diff, so a page costs the same
    queries however long the history.
    """
    if newest_first is None:
        revisions = list(question.revisions.select_related("author").order_by("-number"))
        latest, before = (revisions[0].number if revisions else 0), None
    else:
        revisions = list(newest_first)
        if not revisions:
            return []
        latest = question.revisions.aggregate(latest=Max("number"))["latest"]
        earlier = question.revisions.filter(number__lt=revisions[-1].number)
        before = earlier.order_by("-number").first()
    empty = QuestionRevision(text="", expert_answer="", beginner_answer="")
    previous_of = [*revisions[1:], before or empty]
    return [
        RevisionChange(
            revision,
            diffs=tuple(
                (label, text_diff(getattr(previous, name), getattr(revision, name)))
                for name, label in FIELDS
                if getattr(previous, name) != getattr(revision, name)
            ),
            is_current=revision.number == latest,
        )
        for revision, previous in zip(revisions, previous_of, strict=True)
    ]
