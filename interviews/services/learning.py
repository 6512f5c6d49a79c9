"""Practice sessions built from decided questions: the due reviews, a retry, or the candidate's picks.

Each stores an ordinary practice session, so the normal engine runs it: same timer, autosave and
feedback. Questions of an invited interview still running for the candidate are never included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.text import Truncator

from content.models import Question, Topic
from interviews.access import questions_held_for_interview
from interviews.models import InterviewSession, ReviewCard, SessionItem
from interviews.services.sessions import session_start

NOTHING_DUE_MESSAGE = "Nothing is due for review right now."
NO_QUESTIONS_CHOSEN_MESSAGE = "Pick at least one question."
QUESTION_UNAVAILABLE_MESSAGE = "A question you picked is not available for practice."
RETRY_ONLY_PRACTICE_MESSAGE = "Only practice answers can be tried again."
RETRY_UNAVAILABLE_MESSAGE = (
    "This question cannot be practised now: its bank is no longer published for practice, "
    "or the question waits for you in an interview."
)
REVIEW_MAX_QUESTIONS = 30
RETRY_TITLE_QUESTION_CHARS = 80


class PracticeRefused(ValueError):
    """A request that cannot become a practice session; the message is for the candidate."""


@dataclass(frozen=True, slots=True)
class PracticeSettings:
    """How the session runs once its questions are decided."""

    level: str
    per_item_seconds: int | None = None
    total_seconds: int | None = None
    feedback_mode: str = InterviewSession.FeedbackMode.AFTER_EACH


def practice_questions(candidate):
    """The bank as this candidate may practise it: the banks published for practice, without
    questions held for an interview."""
    held = questions_held_for_interview(candidate)
    return Question.objects.filter(topic__in=Topic.objects.published()).exclude(pk__in=held)


def chosen_session_create(
    *, candidate, question_ids: Sequence[int], settings: PracticeSettings, title: str = ""
) -> InterviewSession:
    """A started practice session on the picked questions, in the order given."""
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise PracticeRefused(NO_QUESTIONS_CHOSEN_MESSAGE)
    by_id = practice_questions(candidate).in_bulk(ids)
    if len(by_id) != len(ids):
        raise PracticeRefused(QUESTION_UNAVAILABLE_MESSAGE)
    questions = [by_id[pk] for pk in ids]
    title = title or "Practice: chosen question" + ("s" if len(ids) > 1 else "")
    return _practice_start(candidate=candidate, questions=questions, settings=settings, title=title)


def review_session_create(
    *,
    candidate,
    settings: PracticeSettings,
    count: int = REVIEW_MAX_QUESTIONS,
    now: datetime | None = None,
) -> InterviewSession:
    """A started practice session on the questions due today, most overdue first."""
    now = now or timezone.now()
    held = questions_held_for_interview(candidate)
    due = (
        ReviewCard.objects.for_candidate(candidate)
        .in_published_banks()
        .due(now)
        .exclude(question_id__in=held)
        .select_related("question")[: min(count, REVIEW_MAX_QUESTIONS)]
    )
    questions = [card.question for card in due]
    if not questions:
        raise PracticeRefused(NOTHING_DUE_MESSAGE)
    title = f"Review: {len(questions)} question{pluralize(len(questions))} due"
    return _practice_start(candidate=candidate, questions=questions, settings=settings, title=title)


def retry_session_create(*, candidate, item: SessionItem) -> InterviewSession:
    """A started one-question session on item's question, with the same level and time limits.

    A session timed as a whole stays so: its minutes are not turned into a limit per question,
    which the original question never had. The old attempt stays as it is; the feedback compares
    the two.
    """
    session = item.session
    if session.kind != InterviewSession.Kind.PRACTICE or session.candidate_id != candidate.pk:
        raise PracticeRefused(RETRY_ONLY_PRACTICE_MESSAGE)
    settings = PracticeSettings(
        level=session.level,
        per_item_seconds=session.per_item_seconds,
        total_seconds=session.total_seconds,
    )
    if not practice_questions(candidate).filter(pk=item.question_id).exists():
        raise PracticeRefused(RETRY_UNAVAILABLE_MESSAGE)
    return chosen_session_create(
        candidate=candidate,
        question_ids=[item.question_id],
        settings=settings,
        # Named after its question: a list of sessions all called "Try again" says nothing.
        title="Try again: " + Truncator(item.question.text).chars(RETRY_TITLE_QUESTION_CHARS),
    )


def _practice_start(
    *, candidate, questions: Sequence[Question], settings: PracticeSettings, title: str
) -> InterviewSession:
    with transaction.atomic():
        session = InterviewSession.objects.create(
            kind=InterviewSession.Kind.PRACTICE,
            candidate=candidate,
            created_by=candidate,
            title=title,
            level=settings.level,
            per_item_seconds=settings.per_item_seconds,
            total_seconds=settings.total_seconds,
            feedback_mode=settings.feedback_mode,
        )
        SessionItem.objects.bulk_create(
            SessionItem(
                session=session, question=question, position=position, asked_text=question.text
            )
            for position, question in enumerate(questions, start=1)
        )
    session_start(session=session)
    return session
