"""The review schedule: every finished practice answer rates its question, and FSRS moves it.

The rating rule is written down with its reasons in docs/learning.md; the interval arithmetic is
the fsrs package's own, nothing here computes one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Coalesce
from fsrs import Card, Rating, Scheduler, State

from content.scoring import SCORER_VERSION
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
        # fsrs reads the id only for its review log. A card not saved yet (cards_backfill) has
        # none, and without one fsrs would take the clock's and sleep a millisecond per review.
        card_id=card.pk if card.pk is not None else 0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due_at.astimezone(UTC),
        last_review=card.last_review_at.astimezone(UTC) if card.last_review_at else None,
    )


@dataclass(frozen=True, slots=True)
class CardsBackfilled:
    """What cards_backfill wrote (or, in a dry run, would write)."""

    cards: int = 0
    answers: int = 0
    candidates: int = 0
    # Questions left without a card: an answer to each carries another scorer version's score.
    waiting: int = 0


BACKFILL_CANDIDATES_PER_BATCH = 100


def cards_backfill(*, dry_run: bool = False) -> CardsBackfilled:
    """A card for each question a candidate practised and has no card for, from those answers.

    Each question's finished practice answers are rated and applied in the order they finished,
    at the time they finished, as item_finish does; a question the candidate never reached
    (skipped when its session ended) is left out, as session_finish leaves it. Cards are only
    inserted, never changed: a card that exists, or that an answer finishing meanwhile creates,
    stays as the live code left it, so this is safe while
    the site serves and a second run writes nothing. A question with a submitted answer scored by
    another scorer version gets no card: the rating bands read this scorer's scale, so it waits
    for `rescore`.
    """
    answers = _backfill_answers()
    candidate_ids = sorted(set(answers.values_list("candidate_id", flat=True)))
    total = CardsBackfilled()
    for start in range(0, len(candidate_ids), BACKFILL_CANDIDATES_PER_BATCH):
        batch = candidate_ids[start : start + BACKFILL_CANDIDATES_PER_BATCH]
        rows = answers.filter(candidate_id__in=batch).values_list(
            "candidate_id",
            "question_id",
            "status",
            "score",
            "missed",
            "scorer_version",
            "reviewed_at",
            named=True,
        )
        built, waiting = _cards_build(list(rows))
        if built and not dry_run:
            built = _cards_insert(built)
        total = CardsBackfilled(
            cards=total.cards + len(built),
            answers=total.answers + sum(count for _card, count in built),
            candidates=total.candidates + len({card.candidate_id for card, _count in built}),
            waiting=total.waiting + waiting,
        )
    return total


def _backfill_answers():
    """Finished practice answers of signed-in candidates to questions they were shown and have no
    card for, with the time each was rated at, in the order the live code rated them."""
    has_card = ReviewCard.objects.filter(
        candidate_id=OuterRef("session__candidate_id"), question_id=OuterRef("question_id")
    )
    return (
        SessionItem.objects.finished()
        .reached()
        .filter(session__kind=InterviewSession.Kind.PRACTICE, session__candidate__isnull=False)
        .exclude(Exists(has_card))
        .annotate(
            candidate_id=F("session__candidate_id"),
            reviewed_at=Coalesce("finished_at", "session__finished_at"),
        )
        .filter(reviewed_at__isnull=False)
        .order_by("candidate_id", "question_id", "reviewed_at", "pk")
    )


def _cards_build(rows: list) -> tuple[list[tuple[ReviewCard, int]], int]:
    """(card, answers it was built from) for each question of the rows; and how many wait."""
    built, waiting = [], 0
    for (candidate_id, question_id), group in groupby(
        rows, key=lambda row: (row.candidate_id, row.question_id)
    ):
        group = list(group)
        if any(_scored_on_another_scale(row) for row in group):
            waiting += 1
            continue
        card = ReviewCard(
            candidate_id=candidate_id, question_id=question_id, due_at=group[0].reviewed_at
        )
        for row in group:
            rating = rating_for(status=row.status, score=row.score, missed_count=len(row.missed))
            _card_apply(card, rating=rating, now=row.reviewed_at)
        built.append((card, len(group)))
    return built, waiting


def _scored_on_another_scale(row) -> bool:
    """A submitted answer whose rating would read another scorer version's score (the others
    are rated "again" whatever their score)."""
    return (
        row.status == SessionItem.Status.SUBMITTED
        and row.score is not None
        and row.scorer_version != SCORER_VERSION
    )


def _cards_insert(built: list[tuple[ReviewCard, int]]) -> list[tuple[ReviewCard, int]]:
    """Insert the cards whose question has none yet; returns those."""
    with transaction.atomic():
        taken = set(
            ReviewCard.objects.filter(
                candidate_id__in={card.candidate_id for card, _count in built},
                question_id__in={card.question_id for card, _count in built},
            ).values_list("candidate_id", "question_id")
        )
        fresh = [
            (card, count)
            for card, count in built
            if (card.candidate_id, card.question_id) not in taken
        ]
        # A candidate finishing an answer right now inserts its card first: that one stays.
        ReviewCard.objects.bulk_create([card for card, _count in fresh], ignore_conflicts=True)
    return fresh
