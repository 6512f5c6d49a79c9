"""Read models for interviewer pages: live progress and the transcript of a session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.safestring import SafeString

from content.models import Level, ModelAnswer
from content.rendering.highlight import highlight_concepts
from content.revisions import states_of_wordings
from interviews.models import (
    ConceptVerdict,
    InterviewSession,
    InterviewSessionQuerySet,
    ReviewChange,
    SessionItem,
)
from interviews.models.matched import MatchedConcept
from interviews.selectors.sessions import session_score
from interviews.state import ITEM_ANSWERED
from interviews.timing import remaining_seconds


@dataclass
class ProgressRow:
    position: int
    question: str
    status: str
    status_label: str
    score: float | None
    final_score: float | None


@dataclass
class SessionProgress:
    session: InterviewSession
    answered: int
    total: int
    current_position: int | None
    current_question: str
    item_seconds_left: int | None
    session_seconds_left: int | None
    score: float | None
    rows: list[ProgressRow]

    @property
    def is_running(self) -> bool:
        return self.session.is_running


def session_progress(session: InterviewSession, *, now: datetime | None = None) -> SessionProgress:
    """Where the candidate is: current question, time left, answered of total, scores so far."""
    items = list(session.items.select_related("question").order_by("position"))
    return _progress(session, items, score=session_score(session), now=now or timezone.now())


def sessions_with_progress(sessions: InterviewSessionQuerySet) -> InterviewSessionQuerySet:
    """`sessions` with what progress_of reads: scores, and items prefetched (a page may be sliced)."""
    items = SessionItem.objects.select_related("question").order_by("position")
    return sessions.with_scores().prefetch_related(Prefetch("items", queryset=items))


def progress_of(sessions, *, now: datetime | None = None) -> list[SessionProgress]:
    """session_progress of each of sessions_with_progress(...): two queries however many items."""
    now = now or timezone.now()
    return [
        _progress(session, list(session.items.all()), score=session.average_score, now=now)
        for session in sessions
    ]


def _progress(
    session: InterviewSession, items: list[SessionItem], *, score: float | None, now: datetime
) -> SessionProgress:
    active = next((item for item in items if item.status == SessionItem.Status.ACTIVE), None)
    return SessionProgress(
        session=session,
        # Answered, as with_scores() counts: a question skipped when the session ended was not.
        answered=sum(item.status in ITEM_ANSWERED for item in items),
        total=len(items),
        current_position=active.position if active else None,
        current_question=active.question_text if active else "",
        item_seconds_left=remaining_seconds(active.deadline_at, now=now) if active else None,
        session_seconds_left=(
            remaining_seconds(session.deadline_at, now=now) if session.is_running else None
        ),
        score=score,
        rows=[
            ProgressRow(
                position=item.position,
                question=item.question_text,
                status=item.status,
                status_label=item.get_status_display(),
                score=item.score if item.is_finished else None,
                final_score=item.final_score if item.is_finished else None,
            )
            for item in items
        ],
    )


@dataclass
class ConceptLine:
    label: str
    auto_present: bool
    present: bool
    verdict: ConceptVerdict | None = None
    # A person's tick on a concept the latest scoring no longer judged: a new extraction dropped
    # it before a re-score. It stays shown, and ticked present it still counts.
    no_longer_listed: bool = False
    # How the scorer matched it (None when it did not): in other words, partly credited.
    matched: MatchedConcept | None = None

    @property
    def corrected(self) -> bool:
        return self.present != self.auto_present

    @property
    def other_words(self) -> tuple[str, ...]:
        return self.matched.other_words if self.matched else ()

    @property
    def credit(self) -> float | None:
        """The share of its weight the scorer credited; None when the scorer did not match it."""
        return self.matched.credit if self.matched else None


# The review-log entries a re-score writes; those without a concept name the score they moved.
SCORE_NAMES = {
    ReviewChange.Field.RESCORE: "automatic score",
    ReviewChange.Field.RESCORE_REVIEWED: "reviewed score",
}
RESCORE_FIELDS = tuple(SCORE_NAMES)


def _score_shown(value) -> str:
    return "none" if value is None else floatformat(value, -1)


@dataclass(frozen=True)
class RescoreShown:
    """One re-score of an item: the review-log entries it wrote, all stamped alike."""

    changes: list[ReviewChange]

    @property
    def at(self) -> datetime:
        return self.changes[0].changed_at

    @property
    def by(self) -> str:
        return self.changes[0].changed_by_shown

    @property
    def reason(self) -> str:
        return self.changes[0].reason

    @property
    def summary(self) -> str:
        """'automatic score 62 → 55; reviewed score 70 → none; “layers” present → not judged'."""
        scores = sorted(
            (change for change in self.changes if not change.concept_label),
            key=lambda change: change.field != ReviewChange.Field.RESCORE,
        )
        ticks = [change for change in self.changes if change.concept_label]
        return "; ".join(
            [
                f"{SCORE_NAMES[change.field]} {_score_shown(change.old_value)} → "
                f"{_score_shown(change.new_value)}"
                for change in scores
            ]
            + [
                f"“{change.concept_label}” {change.old_shown} → {change.new_shown}"
                for change in ticks
            ]
        )


@dataclass
class TranscriptItem:
    item: SessionItem
    highlighted_answer: SafeString
    concepts: list[ConceptLine]
    expert_answer: str
    beginner_answer: str
    changes: list[ReviewChange] = field(default_factory=list)  # newest first

    @property
    def missed_labels(self) -> list[str]:
        return [line.label for line in self.concepts if not line.present]

    @property
    def last_rescore(self) -> RescoreShown | None:
        """The item's latest re-score that moved anything; None when none did."""
        rescores = [change for change in self.changes if change.field in RESCORE_FIELDS]
        if not rescores:
            return None
        latest = [change for change in rescores if change.changed_at == rescores[0].changed_at]
        return RescoreShown(sorted(latest, key=lambda change: change.pk))


def model_answers_attach(items: Sequence[SessionItem]) -> None:
    """Set each item's `model_answers_asked`: the model answers of the wording it asked.

    Items need their question with its model_answers prefetched. After the owner reworded a
    question, an answer to the old wording is shown beside the answers that wording had (its last
    revision), not those of the new question; when the wording stayed, the current ones.
    """
    reworded = [item for item in items if item.asked_text and item.asked_text != item.question.text]
    states = states_of_wordings((item.question_id, item.asked_text) for item in reworded)
    for item in items:
        state = states.get((item.question_id, item.asked_text))
        if state is None:
            item.model_answers_asked = list(item.question.model_answers.all())
            continue
        item.model_answers_asked = [
            ModelAnswer(question_id=item.question_id, level=level, text=text)
            for level, text in (
                (Level.EXPERT, state.expert_answer),
                (Level.BEGINNER, state.beginner_answer),
            )
            if text
        ]


def transcript_items(session: InterviewSession) -> list[TranscriptItem]:
    """Every question of a session with its answer, concepts (auto and human) and model answers."""
    items = (
        session.items.select_related("question")
        .prefetch_related(
            "question__model_answers",
            "concept_verdicts",
            Prefetch(
                "review_changes",
                queryset=ReviewChange.objects.select_related("changed_by"),
            ),
        )
        .order_by("position")
    )
    items = list(items)
    model_answers_attach(items)
    rows = []
    for item in items:
        verdicts = {verdict.concept_label: verdict for verdict in item.concept_verdicts.all()}
        matched = {concept.label: concept for concept in item.matched_concepts}
        labels = list(dict.fromkeys([*matched, *item.missed]))
        concepts = []
        for label in labels:
            auto = label in matched
            verdict = verdicts.get(label)
            present = verdict.present if verdict else auto
            concepts.append(ConceptLine(label, auto, present, verdict, matched=matched.get(label)))
        concepts += [
            ConceptLine(label, False, verdict.present, verdict, no_longer_listed=True)
            for label, verdict in sorted(verdicts.items())
            if label not in labels
        ]
        answers = {answer.level: answer.text for answer in item.model_answers_asked}
        rows.append(
            TranscriptItem(
                item=item,
                highlighted_answer=highlight_concepts(item.answer_text, item.matched_hits),
                concepts=concepts,
                expert_answer=answers.get(Level.EXPERT, ""),
                beginner_answer=answers.get(Level.BEGINNER, ""),
                changes=list(item.review_changes.all()),
            )
        )
    return rows
