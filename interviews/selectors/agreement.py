"""How often interviewers corrected the automatic scorer, per question."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Avg
from django.db.models.functions import Coalesce

from content.models import Question
from interviews.models import ConceptVerdict, SessionItem


@dataclass
class QuestionAgreement:
    question_id: int
    question: str
    question_slug: str
    reviewed_items: int
    corrected_items: int
    top_corrections: list[tuple[str, int]]
    # Means over the scored answers: the scorer's, and the one the interviewers' review gives
    # (an override, else the reviewed score from corrected concepts, else the scorer's).
    mean_automatic: float | None = None
    mean_reviewed: float | None = None

    @property
    def corrected_share(self) -> float:
        return self.corrected_items / self.reviewed_items if self.reviewed_items else 0.0


def agreement_report(sessions) -> list[QuestionAgreement]:
    """Per question: finished answers, how many had concepts corrected, the most corrected ones."""
    items = SessionItem.objects.finished().filter(session__in=sessions, score__isnull=False)
    totals = Counter(items.values_list("question_id", flat=True))
    verdicts = ConceptVerdict.objects.filter(item__in=items).values_list(
        "item__question_id", "item_id", "concept_label"
    )
    corrected_items: dict[int, set[int]] = defaultdict(set)
    labels: dict[int, Counter] = defaultdict(Counter)
    for question_id, item_id, label in verdicts:
        corrected_items[question_id].add(item_id)
        labels[question_id][label] += 1
    questions = Question.objects.in_bulk(list(totals))
    means = {
        row["question_id"]: row
        for row in items.order_by()
        .values("question_id")
        .annotate(
            automatic=Avg("score"),
            reviewed=Avg(Coalesce("score_override", "score_reviewed", "score")),
        )
    }
    report = [
        QuestionAgreement(
            question_id=pk,
            question=questions[pk].text,
            question_slug=questions[pk].slug,
            reviewed_items=count,
            corrected_items=len(corrected_items[pk]),
            top_corrections=labels[pk].most_common(5),
            mean_automatic=means[pk]["automatic"],
            mean_reviewed=means[pk]["reviewed"],
        )
        for pk, count in totals.items()
    ]
    report.sort(key=lambda row: (-row.corrected_share, -row.reviewed_items, row.question))
    return report
