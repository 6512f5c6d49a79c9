"""A candidate's review schedule: one FSRS card per candidate and question, kept in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from content.models import Question, Topic


def day_end(now: datetime) -> datetime:
    """The first instant of the reader's next day, in UTC: a card is due "today" when due before it.

    The reader's day is the active time zone's (config/time_zone.py), the zone the pages show
    due dates in, so a question shown due on Tuesday is due on the reader's Tuesday. Midnight is
    found on the calendar, not by adding 24 hours: days of 23 or 25 hours end at their midnight.
    """
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)
    return midnight.astimezone(UTC)


class ReviewCardQuerySet(models.QuerySet):
    def for_candidate(self, user) -> ReviewCardQuerySet:
        return self.filter(candidate=user)

    def in_published_banks(self) -> ReviewCardQuerySet:
        """Cards of banks still published for practice: an owner may unpublish one later."""
        return self.filter(question__topic__in=Topic.objects.published())

    def due(self, now: datetime) -> ReviewCardQuerySet:
        """Cards due by the end of the reader's day (day_end), most overdue first."""
        return self.filter(due_at__lt=day_end(now)).order_by("due_at", "id")

    def upcoming(self, now: datetime) -> ReviewCardQuerySet:
        return self.filter(due_at__gte=day_end(now)).order_by("due_at", "id")


class ReviewCard(models.Model):
    """When a candidate should see a question again, as the FSRS scheduler last decided it.

    The fields mirror fsrs.Card so the scheduler's own code does every calculation; nothing
    here computes an interval.
    """

    class State(models.IntegerChoices):
        # The values are fsrs.State's.
        LEARNING = 1, "Learning"
        REVIEW = 2, "Review"
        RELEARNING = 3, "Relearning"

    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cards"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="review_cards")
    state = models.PositiveSmallIntegerField(choices=State.choices, default=State.LEARNING)
    step = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The learning step; empty in the review state."
    )
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due_at = models.DateTimeField(help_text="When the question is due again (UTC).")
    last_review_at = models.DateTimeField(null=True, blank=True)
    last_rating = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 again, 2 hard, 3 good, 4 easy (fsrs.Rating)."
    )
    review_count = models.PositiveIntegerField(default=0)
    lapse_count = models.PositiveIntegerField(
        default=0, help_text="How often a question already in review was rated 'again'."
    )

    objects = ReviewCardQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["candidate", "due_at"], name="review_candidate_due_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "question"], name="one_review_card_per_question"
            ),
            models.CheckConstraint(
                condition=Q(last_rating__isnull=True) | Q(last_rating__gte=1, last_rating__lte=4),
                name="review_rating_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} / {self.question_id} due {self.due_at:%Y-%m-%d}"
