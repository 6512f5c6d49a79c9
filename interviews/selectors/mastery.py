"""Concept mastery per topic: what the candidate covered and missed, and coverage over time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from content.models import Question, Topic
from interviews import state
from interviews.models import InterviewSession
from interviews.selectors.attempts import Attempt, attempts_of, held_question_ids

KEEP_MISSING_SHOWN = 5


@dataclass(slots=True)
class ConceptStat:
    label: str
    covered: int = 0
    missed: int = 0
    last_seen: datetime | None = None
    missed_last: bool = False  # the last answer that was asked it missed it
    missed_in: list[int] = field(default_factory=list)  # question ids, each once
    needs: list[Question] = field(default_factory=list)  # of missed_in, the ones open for practice

    @property
    def coverage(self) -> float:
        """Share of this concept's appearances that the answers covered, 0-100."""
        return 100.0 * self.covered / (self.covered + self.missed)

    @property
    def keeps_missing(self) -> bool:
        """Missed at least twice and still missed: a concept covered every time since its
        misses has been learnt, and the progress page stops pointing at it."""
        return self.missed >= 2 and self.missed_last


@dataclass(frozen=True, slots=True)
class CoveragePoint:
    day: date
    attempts: int
    coverage: float  # covered concepts / all concepts asked that day, 0-100


@dataclass(slots=True)
class TopicMastery:
    topic: Topic
    attempt_count: int
    concepts: list[ConceptStat]  # most missed first
    points: list[CoveragePoint]  # oldest first
    keep_missing: list[ConceptStat]  # each with .needs: the questions it was missed in


def topics_practised(candidate) -> list[Topic]:
    """The topics the candidate has practice attempts in, by name."""
    return list(
        Topic.objects.filter(
            questions__session_items__session__candidate=candidate,
            questions__session_items__session__kind=InterviewSession.Kind.PRACTICE,
            questions__session_items__status__in=state.ITEM_ANSWERED,
        ).distinct()
    )


def topic_mastery(candidate, topic: Topic) -> TopicMastery:
    """Counts, last seen and coverage over time for one topic: three queries in all."""
    attempts = attempts_of(candidate, topic_ids=[topic.pk])
    # A question waiting in the candidate's interview keeps its concepts to itself until then.
    held = held_question_ids(candidate)
    concepts = _concept_stats([attempt for attempt in attempts if attempt.question_id not in held])
    keep_missing = [stat for stat in concepts if stat.keeps_missing][:KEEP_MISSING_SHOWN]
    wanted = {pk for stat in keep_missing for pk in stat.missed_in}
    # Only the ones the candidate may practise now: a bank unpublished since would make the link
    # open an empty picker (a question held for an interview left the stats above).
    questions = (
        Question.objects.filter(pk__in=wanted, topic__in=Topic.objects.published()).in_bulk()
        if wanted
        else {}
    )
    for stat in keep_missing:
        stat.needs = [questions[pk] for pk in stat.missed_in if pk in questions]
    return TopicMastery(
        topic=topic,
        attempt_count=len(attempts),
        concepts=concepts,
        points=_coverage_points(attempts),
        keep_missing=keep_missing,
    )


def _concept_stats(attempts: list[Attempt]) -> list[ConceptStat]:
    stats: dict[str, ConceptStat] = {}
    for attempt in attempts:
        for label in attempt.covered:
            stat = stats.setdefault(label, ConceptStat(label))
            stat.covered += 1
            stat.last_seen = attempt.finished_at
            stat.missed_last = False
        for label in attempt.missed:
            stat = stats.setdefault(label, ConceptStat(label))
            stat.missed += 1
            stat.last_seen = attempt.finished_at
            stat.missed_last = True
            if attempt.question_id not in stat.missed_in:
                stat.missed_in.append(attempt.question_id)
    return sorted(stats.values(), key=lambda s: (-s.missed, s.coverage, s.label))


def _coverage_points(attempts: list[Attempt]) -> list[CoveragePoint]:
    by_day: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for attempt in attempts:
        # The reader's calendar day (the active zone), as the page labels it, not UTC's.
        totals = by_day[timezone.localdate(attempt.finished_at)]
        totals[0] += 1
        totals[1] += len(attempt.covered)
        totals[2] += len(attempt.covered) + len(attempt.missed)
    return [
        CoveragePoint(day=day, attempts=count, coverage=100.0 * covered / asked if asked else 0.0)
        for day, (count, covered, asked) in sorted(by_day.items())
    ]
