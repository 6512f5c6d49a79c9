"""What interviewers add to sessions: reusable templates, invite links, and the review log."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from content.models import Level, Question
from interviews.models.sessions import InterviewSession

Recommendation = InterviewSession.Recommendation

INVITE_TOKEN_BYTES = 32
INVITE_DEFAULT_LIFETIME = timedelta(days=7)


def invite_token_new() -> str:
    """An unguessable URL-safe token for an invite link (256 bits)."""
    return secrets.token_urlsafe(INVITE_TOKEN_BYTES)


class SessionTemplate(models.Model):
    """A reusable interview plan: which questions, at which level, with how much time."""

    name = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_templates"
    )
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.EXPERT)
    per_item_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time for each question; empty for no per-question limit."
    )
    total_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time for the whole session; empty for no overall limit."
    )
    notes = models.TextField(blank=True)
    hide_scores = models.BooleanField(
        default=False, help_text="Sessions made from it hide scores from the candidate."
    )
    questions = models.ManyToManyField(
        Question, through="SessionTemplateQuestion", related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        permissions = [
            ("run_interviews", "Can run interviews for candidates and review their transcripts"),
        ]

    def __str__(self) -> str:
        return self.name


class SessionTemplateQuestion(models.Model):
    template = models.ForeignKey(
        SessionTemplate, on_delete=models.CASCADE, related_name="template_questions"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["template", "position"]
        constraints = [
            models.UniqueConstraint(fields=["template", "question"], name="template_question_once"),
        ]

    def __str__(self) -> str:
        return f"{self.template} #{self.position}"


class SessionInvite(models.Model):
    """A link that lets the first person who opens it take an invited session."""

    session = models.OneToOneField(
        "interviews.InterviewSession", on_delete=models.CASCADE, related_name="invite"
    )
    token = models.CharField(max_length=64, unique=True, default=invite_token_new)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when a guest without an account accepted.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invite to session {self.session_id}"

    def get_absolute_url(self) -> str:
        return reverse("interviewer:invite_open", args=[self.token])

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.accepted_at:
            return "accepted"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"


def changed_by_account_deleted(collector, field, sub_objs, using) -> None:
    """SET_NULL for a change's author that also records that it had one, so the review log reads
    "a deleted user", not the command that made a change no person made (a re-score).

    Not lazy, unlike SET_NULL: the collector loads the rows' ids and updates both fields by id;
    lazily, each update would filter on the author, which the other one may have cleared first.
    """
    collector.add_field_update(ReviewChange._meta.get_field("changed_by_deleted"), True, sub_objs)
    collector.add_field_update(field, None, sub_objs)


class ReviewChange(models.Model):
    """One change to a session: who (or which command), when, what, old and new value.

    Review corrections, the interviewer ending a running session (the status change), and what
    a re-score moved: the automatic score, each concept's tick, the reviewed score.
    """

    class Field(models.TextChoices):
        CONCEPT = "concept", "Concept ticked or unticked"
        SCORE_OVERRIDE = "score_override", "Score override"
        NOTES = "notes", "Notes"
        RECOMMENDATION = "recommendation", "Recommendation"
        RESCORE = "rescore", "Automatic re-score"
        RESCORE_REVIEWED = "rescore_reviewed", "Reviewed score, after a re-score"
        STATUS = "status", "Session status"

    session = models.ForeignKey(
        "interviews.InterviewSession", on_delete=models.CASCADE, related_name="review_changes"
    )
    item = models.ForeignKey(
        "interviews.SessionItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="review_changes",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=changed_by_account_deleted,
        related_name="+",
        help_text="Who made it; empty for an automatic change, or once their account is deleted.",
    )
    changed_by_deleted = models.BooleanField(
        default=False, help_text="Made by a person whose account was deleted since."
    )
    changed_by_command = models.CharField(
        max_length=100,
        blank=True,
        default="",
        help_text="The command that made an automatic change, e.g. 'manage.py rescore'.",
    )
    changed_at = models.DateTimeField(default=timezone.now)
    field = models.CharField(max_length=20, choices=Field.choices)
    concept_label = models.CharField(max_length=200, blank=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["field", "concept_label"])]

    def __str__(self) -> str:
        return f"{self.get_field_display()} on session {self.session_id}"

    @property
    def changed_by_shown(self) -> str:
        """Who made the change, as the review log reads it."""
        username = self.changed_by.get_username() if self.changed_by else None
        return self.author_shown(
            username, deleted=self.changed_by_deleted, command=self.changed_by_command
        )

    @staticmethod
    def author_shown(username: str | None, *, deleted: bool, command: str = "") -> str:
        """A person's name, "a deleted user" once their account is gone, else the command that
        made the change, or "system" for an automatic change that names none."""
        if username:
            return username
        if deleted:
            return "a deleted user"
        return command or "system"

    @property
    def old_shown(self) -> str:
        return self.value_shown(self.old_value)

    @property
    def new_shown(self) -> str:
        return self.value_shown(self.new_value)

    def value_shown(self, value) -> str:
        """A logged value as the review log reads it: "present", "Strong yes", not True, "strong_yes"."""
        if self.field == self.Field.CONCEPT and isinstance(value, bool):
            return "present" if value else "missing"
        if self.field == self.Field.RESCORE and self.concept_label:
            # A tick the re-score moved; none where the answer was not judged against the concept.
            return "not judged" if value is None else "present" if value else "missing"
        if self.field == self.Field.RECOMMENDATION and value in Recommendation.values:
            return Recommendation(value).label
        if self.field == self.Field.STATUS and value in InterviewSession.Status.values:
            return InterviewSession.Status(value).label
        return "–" if value is None else str(value)


class ConceptVerdict(models.Model):
    """An interviewer's judgement that a concept is (or is not) in an answer, against the scorer's."""

    item = models.ForeignKey(
        "interviews.SessionItem", on_delete=models.CASCADE, related_name="concept_verdicts"
    )
    concept_label = models.CharField(max_length=200)
    present = models.BooleanField(help_text="True when the interviewer says the answer has it.")
    auto_present = models.BooleanField(help_text="What the automatic scorer said.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "concept_label"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "concept_label"], name="one_verdict_per_concept"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.concept_label}: {'present' if self.present else 'absent'}"
