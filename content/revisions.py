"""A question's history as the page shows it: each revision with its diff from the one before."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from content.models import Question, QuestionRevision

FIELDS = (
    ("text", "Question"),
    ("expert_answer", "Expert answer"),
    ("beginner_answer", "Beginner answer"),
)


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


def revision_changes(question: Question) -> list[RevisionChange]:
    """Newest first: what each revision changed from the previous one (all of it for the first)."""
    revisions = list(question.revisions.select_related("author").order_by("number"))
    empty = QuestionRevision(text="", expert_answer="", beginner_answer="")
    changes = []
    for index, revision in enumerate(revisions):
        previous = revisions[index - 1] if index else empty
        diffs = tuple(
            (label, text_diff(getattr(previous, name), getattr(revision, name)))
            for name, label in FIELDS
            if getattr(previous, name) != getattr(revision, name)
        )
        changes.append(RevisionChange(revision, diffs, is_current=index == len(revisions) - 1))
    return changes[::-1]
