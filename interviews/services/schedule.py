"""The review schedule: every finished practice answer rates its question, and FSRS moves it.

The rating rule is written down with its reasons in docs/learning.md; the interval arithmetic is
the fsrs package's own, nothing here computes one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    interviewer, whose scores may be hidden from the candidate.
    """
    if session.kind != InterviewSession.Kind.PRACTICE or session.candidate_id is None:
        return
    ratings = [
        (
            item.question_id,
            rating_for(status=item.status, score=item.score, missed_count=len(item.missed)),
        )
        for item in items
    ]
    cards_review(candidate_id=session.candidate_id, ratings=ratings, now=now)


def card_review(
    *, candidate_id: int, question_id: int, rating: Rating, now: datetime
) -> ReviewCard:
    """Apply one rating to the candidate's card for the question (created on first sight)."""
    cards = cards_review(candidate_id=candidate_id, ratings=[(question_id, rating)], now=now)
    return cards[question_id]


def cards_review(
    *, candidate_id: int, ratings: Sequence[tuple[int, Rating]], now: datetime
) -> dict[int, ReviewCard]:
    """Apply (question id, rating) pairs in turn to the candidate's cards, by question id.

    The same few queries for one card or a session's thirty: the missing cards are inserted,
    all are read under a row lock (in id order, so two app servers finishing answers to the same
    questions wait for each other rather than deadlock) and written back together. Atomic on its
    own too (a savepoint inside item_finish), so the lock holds for any caller.
    """
    if not ratings:
        return {}
    question_ids = sorted({question_id for question_id, _rating in ratings})
    with transaction.atomic():
        ReviewCard.objects.bulk_create(
            [
                ReviewCard(candidate_id=candidate_id, question_id=question_id, due_at=now)
                for question_id in question_ids
            ],
            ignore_conflicts=True,
        )
        locked = ReviewCard.objects.select_for_update().filter(
            candidate_id=candidate_id, question_id__in=question_ids
        )
        cards = {card.question_id: card for card in locked.order_by("pk")}
        for question_id, rating in ratings:
            _card_apply(cards[question_id], rating=rating, now=now)
        ReviewCard.objects.bulk_update(cards.values(), CARD_FIELDS)
    return cards


CARD_FIELDS = [
    "state",
    "step",
    "stability",
    "difficulty",
    "due_at",
    "last_review_at",
    "last_rating",
    "review_count",
    "lapse_count",
]


def _card_apply(card: ReviewCard, *, rating: Rating, now: datetime) -> None:
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
