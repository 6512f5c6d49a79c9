"""The review schedule: every finished practice answer rates its question, and FSRS moves it.

The rating rule is written down with its reasons in docs/learning.md; the interval arithmetic is
the fsrs package's own, nothing here computes one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.db import transaction
from fsrs import Card, Rating, Scheduler, State

from content.scoring.bands import COMPLETE_FROM, RECALLED_FROM, SOLID_FROM
from interviews.models import InterviewSession, ReviewCard, SessionItem

# The score bands live with the scorer (content/scoring/bands.py), so they move with its scale.
# Below this score the answer did not recall the question: "again".
AGAIN_BELOW = RECALLED_FROM
# Below this a recall was partial ("hard"); the same line draw.py uses for "not yet mastered".
GOOD_FROM = SOLID_FROM
# From here, with no key concept missed, the answer was complete ("easy").
EASY_FROM = COMPLETE_FROM

# No minute-long learning steps: a question is answered once per session, so the shortest useful
# gap is a day. No fuzzing: a candidate's few cards gain nothing from spreading, and a schedule
# that is the same on every app server and in every test is easier to trust.
SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(*, status: str, score: float | None, missed_count: int) -> Rating:
    """The FSRS rating of one finished answer, from its status, score and concepts missed."""
    if status != SessionItem.Status.SUBMITTED or score is None or score < AGAIN_BELOW:
        return Rating.Again
    if score < GOOD_FROM:
        return Rating.Hard
    if score >= EASY_FROM and missed_count == 0:
        return Rating.Easy
    return Rating.Good


def schedules_record(
    *, session: InterviewSession, items: Iterable[SessionItem], now: datetime
) -> None:
    """Move the review card of each finished item's question, inside the caller's transaction.

    Only a signed-in candidate's practice counts: an invited interview belongs to its
    interviewer, whose scores may be hidden from the candidate. Each card is read under a row
    lock, so two app servers finishing answers to the same question apply both reviews in turn.
    """
    if session.kind != InterviewSession.Kind.PRACTICE or session.candidate_id is None:
        return
    for item in items:
        rating = rating_for(status=item.status, score=item.score, missed_count=len(item.missed))
        card_review(
            candidate_id=session.candidate_id, question_id=item.question_id, rating=rating, now=now
        )


def card_review(
    *, candidate_id: int, question_id: int, rating: Rating, now: datetime
) -> ReviewCard:
    """Apply one rating to the candidate's card for the question (created on first sight).

    Atomic on its own too (a savepoint inside item_finish), so the lock holds for any caller.
    """
    with transaction.atomic():
        ReviewCard.objects.get_or_create(
            candidate_id=candidate_id, question_id=question_id, defaults={"due_at": now}
        )
        card = ReviewCard.objects.select_for_update().get(
            candidate_id=candidate_id, question_id=question_id
        )
        return _card_apply(card, rating=rating, now=now)


def _card_apply(card: ReviewCard, *, rating: Rating, now: datetime) -> ReviewCard:
    review_at = now.astimezone(UTC)
    if card.last_review_at is not None:
        # A late sweep may finish an older attempt after a newer one: never review backwards.
        review_at = max(review_at, card.last_review_at.astimezone(UTC))
    was_in_review = card.state == ReviewCard.State.REVIEW
    reviewed, _log = SCHEDULER.review_card(_fsrs_card(card), rating, review_datetime=review_at)
    card.state = int(reviewed.state)
    card.step = reviewed.step
    card.stability = reviewed.stability
    card.difficulty = reviewed.difficulty
    card.due_at = reviewed.due
    card.last_review_at = reviewed.last_review
    card.last_rating = int(rating)
    card.review_count += 1
    card.lapse_count += int(was_in_review and rating == Rating.Again)
    card.save()
    return card


def _fsrs_card(card: ReviewCard) -> Card:
    return Card(
        card_id=card.pk,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due_at.astimezone(UTC),
        last_review=card.last_review_at.astimezone(UTC) if card.last_review_at else None,
    )
