"""Which questions a practice session asks: unseen first, then the ones answered worst."""

from __future__ import annotations

import random
from collections.abc import Sequence

from django.db.models import Max
from django.db.models.functions import Coalesce

from content.models import Question, Topic
from content.scoring.bands import SOLID_FROM
from interviews import state
from interviews.access import questions_held_for_interview
from interviews.models import SessionItem

NOT_ENOUGH_QUESTIONS_MESSAGE = (
    "The chosen topics have only {available} question{plural}: ask for {available} or fewer, "
    "or pick more topics."
)
# Below this best score a question counts as not yet mastered and comes back early: the line
# between a partial and a solid answer, the review schedule's "hard" and "good".
LOW_SCORE = SOLID_FROM


class NotEnoughQuestions(ValueError):
    def __init__(self, available: int) -> None:
        self.available = available
        plural = "" if available == 1 else "s"
        super().__init__(NOT_ENOUGH_QUESTIONS_MESSAGE.format(available=available, plural=plural))


def questions_draw(
    *, topics: Sequence[Topic], count: int, candidate, rng: random.Random | None = None
) -> list[Question]:
    """Pick count questions at random, preferring unseen ones, then those scored low."""
    rng = rng or random.Random()
    questions = Question.objects.filter(topic__in=topics)
    if candidate is not None:
        # A question waiting in the candidate's running interview must not turn up in practice.
        questions = questions.exclude(pk__in=questions_held_for_interview(candidate))
    question_ids = list(questions.order_by("id").values_list("id", flat=True))
    if len(question_ids) < count:
        raise NotEnoughQuestions(len(question_ids))
    best_scores: dict[int, float | None] = {}
    if candidate is not None and candidate.is_authenticated:
        history = (
            SessionItem.objects.for_candidate(candidate)
            .filter(question_id__in=question_ids)
            .filter(status__in=state.ITEM_SHOWN)
            .values("question_id")
            .annotate(best=Max(Coalesce(*SessionItem.FINAL_SCORE_FIELDS)))
        )
        best_scores = {row["question_id"]: row["best"] for row in history}

    def preference(question_id: int) -> tuple[int, float]:
        if question_id not in best_scores:
            tier = 0
        elif (best_scores[question_id] or 0.0) < LOW_SCORE:
            tier = 1
        else:
            tier = 2
        return (tier, rng.random())

    chosen = sorted(question_ids, key=preference)[:count]
    by_id = Question.objects.in_bulk(chosen)
    return [by_id[question_id] for question_id in chosen]
