"""Interview sessions and their items: the state lives here, the transitions in interviews.state."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Avg, Case, Count, F, FloatField, Q, Value, When
from django.db.models.functions import Coalesce
from django.template.defaultfilters import floatformat
from django.urls import reverse

from content.models import Level, Question
from content.scoring import ConceptHit
from interviews.models.matched import (
    MatchedConcept,
    matched_concepts,
    matched_from_json,
    matched_to_json,
)
from interviews.state import (
    ITEM_ANSWERED,
    ITEM_FINISHED,
    SESSION_RUNNING,
    ItemStatus,
    SessionStatus,
)


class InterviewSessionQuerySet(models.QuerySet):
    def for_candidate(self, user) -> InterviewSessionQuerySet:
        return self.filter(candidate=user)

    def created_by(self, user) -> InterviewSessionQuerySet:
        return self.filter(created_by=user)

    def running(self) -> InterviewSessionQuerySet:
        return self.filter(status__in=SESSION_RUNNING)

    def past_deadline(self, cutoff: datetime) -> InterviewSessionQuerySet:
        """Running sessions whose session deadline is before cutoff."""
        return self.running().filter(deadline_at__lt=cutoff)

    def with_scores(self) -> InterviewSessionQuerySet:
        """Annotate item_count, answered_count and average_score: the one session score.

        A session that has ended scores the mean of its items' final scores (a person's override,
        else the reviewed score from corrected concepts, else the automatic score) over every item; a skipped or unanswered item counts as 0 of
        its weight. A session still running has no score yet (None). Every page and export
        reads this annotation; docs/architecture.md says why.
        """
        final = Coalesce(*(f"items__{name}" for name in SessionItem.FINAL_SCORE_FIELDS), Value(0.0))
        return self.annotate(
            item_count=Count("items", distinct=True),
            answered_count=Count("items", filter=Q(items__status__in=ITEM_ANSWERED), distinct=True),
            average_score=Case(
                When(status__in=SESSION_RUNNING, then=Value(None)),
                default=Avg(final),
                output_field=FloatField(),
            ),
        )


class InterviewSession(models.Model):
    """One sitting: a candidate answers an ordered list of questions under server-kept time limits."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", "Practice"
        INVITED = "invited", "Invited by an interviewer"

    Status = SessionStatus

    class FeedbackMode(models.TextChoices):
        AFTER_EACH = "after_each", "After each question"
        AT_END = "at_end", "At the end"

    class Recommendation(models.TextChoices):
        NONE = "", "No recommendation yet"
        STRONG_YES = "strong_yes", "Strong yes"
        YES = "yes", "Yes"
        NO = "no", "No"
        STRONG_NO = "strong_no", "Strong no"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PRACTICE)
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="candidate_sessions",
        help_text="Empty for a guest, or for an invited session nobody has opened yet.",
    )
    guest_name = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="created_sessions",
        help_text="The candidate for practice, the interviewer for an invited session.",
    )
    title = models.CharField(max_length=200, blank=True)
    level = models.CharField(
        max_length=10,
        choices=Level.choices,
        default=Level.EXPERT,
        help_text="Which model answer and which concepts the answers are judged against.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CREATED)
    per_item_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time limit per question; empty means no limit."
    )
    total_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time limit for the whole session; empty means no limit."
    )
    feedback_mode = models.CharField(
        max_length=10, choices=FeedbackMode.choices, default=FeedbackMode.AFTER_EACH
    )
    started_at = models.DateTimeField(null=True, blank=True)
    deadline_at = models.DateTimeField(
        null=True, blank=True, help_text="Absolute end of the session, from total_seconds."
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Filled by an interviewer for invited sessions; a practice session leaves them empty.
    candidate_name = models.CharField(max_length=200, blank=True)
    candidate_email = models.EmailField(blank=True)
    notes = models.TextField(blank=True, help_text="The interviewer's notes.")
    recommendation = models.CharField(
        max_length=12, choices=Recommendation.choices, blank=True, default=Recommendation.NONE
    )
    hide_scores = models.BooleanField(
        default=False,
        help_text="The candidate sees only that each answer was submitted: no score, concepts "
        "or model answers. Interviewers still see everything.",
    )

    objects = InterviewSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["candidate", "-created_at"], name="session_candidate_idx"),
            models.Index(fields=["status", "deadline_at"], name="session_status_deadline_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(per_item_seconds__isnull=True) | Q(per_item_seconds__gt=0),
                name="session_per_item_seconds_positive",
            ),
            models.CheckConstraint(
                condition=Q(total_seconds__isnull=True) | Q(total_seconds__gt=0),
                name="session_total_seconds_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Session {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:session_detail", args=[self.pk])

    @property
    def display_candidate(self) -> str:
        if self.candidate_id:
            return self.candidate.get_full_name() or self.candidate.get_username()
        return self.guest_name or self.candidate_name

    @property
    def contact_email(self) -> str:
        """The email the session was sent to, unless it is the name shown already (people who
        sign up with their email as their username)."""
        if self.candidate_email.casefold() == self.display_candidate.casefold():
            return ""
        return self.candidate_email

    @property
    def is_running(self) -> bool:
        return self.status in SESSION_RUNNING

    @property
    def taken_at(self) -> datetime:
        """When the candidate took the session: its start. An interview is created by the
        interviewer, often days earlier; one never started has only that."""
        return self.started_at or self.created_at


# Items made before the wording was stored on them have none: they count as the current one.
_ASKED_CURRENT_WORDING = Q(asked_text="") | Q(asked_text=F("question__text"))


class SessionItemQuerySet(models.QuerySet):
    def for_candidate(self, user) -> SessionItemQuerySet:
        return self.filter(session__candidate=user)

    def finished(self) -> SessionItemQuerySet:
        return self.filter(status__in=ITEM_FINISHED)

    def reached(self) -> SessionItemQuerySet:
        """Items the candidate was shown: a question skipped when its session ended never was."""
        return self.filter(started_at__isnull=False)

    def answered(self) -> SessionItemQuerySet:
        """Finished items that hold an answer and its score: not the ones skipped unanswered."""
        return self.filter(status__in=ITEM_ANSWERED)

    def scored_by_other_version(self, version: str) -> SessionItemQuerySet:
        """Finished items whose automatic score another scorer version set."""
        return self.finished().filter(score__isnull=False).exclude(scorer_version=version)

    def asked_current_wording(self) -> SessionItemQuerySet:
        """Items asked their question's wording as it reads now: its current concepts fit them."""
        return self.filter(_ASKED_CURRENT_WORDING)

    def asked_earlier_wording(self) -> SessionItemQuerySet:
        """Items asked a wording their question no longer has: an answer to another question,
        which its current concepts do not describe, so no re-score touches them."""
        return self.exclude(_ASKED_CURRENT_WORDING)

    def past_deadline(self, cutoff: datetime) -> SessionItemQuerySet:
        """Active items whose deadline is before cutoff (the sweeper passes now minus the grace)."""
        return self.filter(status=ItemStatus.ACTIVE, deadline_at__lt=cutoff)

    def awaiting_in_interview(self, user) -> SessionItemQuerySet:
        """The user's items still to be answered (pending or active) in a running invited session.

        "The user's" is the candidate who opened the invite, or, before anyone has, the address
        the interviewer entered: the questions must stay hidden from the start.
        """
        person = Q(session__candidate=user)
        if user.email:
            person |= Q(
                session__candidate__isnull=True, session__candidate_email__iexact=user.email
            )
        return self.filter(
            person,
            session__kind=InterviewSession.Kind.INVITED,
            session__status__in=SESSION_RUNNING,
            status__in=(ItemStatus.PENDING, ItemStatus.ACTIVE),
        )


# The autosave_revision column is a 32-bit integer on PostgreSQL (SQLite would store more, and then
# one huge revision would make every later normal save look stale), so revisions stay in this range.
REVISION_MAX = 2**31 - 1


class SessionItem(models.Model):
    """One question within a session: the candidate's answer, its timing and its score."""

    Status = ItemStatus
    # Where the final score comes from, the first one set winning: a person's override, the score
    # moved by corrected concepts, the automatic score. Every reader in SQL coalesces these.
    FINAL_SCORE_FIELDS = ("score_override", "score_reviewed", "score")

    session = models.ForeignKey(InterviewSession, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="session_items")
    position = models.PositiveSmallIntegerField(help_text="1-based order within the session.")
    asked_text = models.TextField(
        blank=True,
        help_text="The question's wording when the session was made; later edits leave it alone.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    answer_text = models.TextField(blank=True)
    autosave_revision = models.PositiveIntegerField(
        default=0, help_text="The browser's counter of the text stored; older saves never win."
    )
    autosaved_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    deadline_at = models.DateTimeField(
        null=True, blank=True, help_text="min(start + per-item limit, session deadline)."
    )
    finished_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was submitted; the deadline when time ran out."
    )
    # The automatic score (content.scoring), stored when the item finishes.
    score = models.FloatField(null=True, blank=True)
    scorer_version = models.CharField(
        max_length=20,
        blank=True,
        default="",
        help_text="The version of the scorer that set the automatic score; empty while unscored.",
    )
    semantic_scoring = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether the optional semantic layer was blended into the automatic score; "
        "empty while unscored, and for scores stored before it was recorded (not known).",
    )
    # Kept when a newer scorer changed the automatic score, so transcripts can show both.
    previous_score = models.FloatField(null=True, blank=True)
    previous_scorer_version = models.CharField(max_length=20, blank=True, default="")
    matched = models.JSONField(
        default=list, blank=True, help_text="Matched concepts: [{label, start, end}] in the answer."
    )
    missed = models.JSONField(default=list, blank=True, help_text="Labels of missed concepts.")
    level_estimate = models.CharField(max_length=20, blank=True)
    feedback = models.TextField(blank=True)
    # A person's correction; the automatic score stays beside it so both can be compared.
    score_override = models.FloatField(null=True, blank=True)
    override_reason = models.TextField(blank=True)
    score_reviewed = models.FloatField(
        null=True,
        blank=True,
        help_text="The automatic score moved by the concepts an interviewer ticked or unticked, "
        "each by its share of the weights; empty while no concept was corrected.",
    )

    objects = SessionItemQuerySet.as_manager()

    class Meta:
        ordering = ["session", "position"]
        indexes = [
            models.Index(fields=["status", "deadline_at"], name="item_status_deadline_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="unique_item_position"),
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(status="active"),
                name="one_active_item_per_session",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="item_score_0_100",
            ),
            models.CheckConstraint(
                condition=Q(previous_score__isnull=True)
                | Q(previous_score__gte=0, previous_score__lte=100),
                name="item_previous_score_0_100",
            ),
            models.CheckConstraint(
                condition=Q(score_override__isnull=True)
                | Q(score_override__gte=0, score_override__lte=100),
                name="item_score_override_0_100",
            ),
            models.CheckConstraint(
                condition=Q(score_reviewed__isnull=True)
                | Q(score_reviewed__gte=0, score_reviewed__lte=100),
                name="item_score_reviewed_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} #{self.position}"

    @property
    def question_text(self) -> str:
        """The wording the candidate was asked (the bank's current one for items made before)."""
        return self.asked_text or self.question.text

    @property
    def final_score(self) -> float | None:
        """The item's score: a person's override, else the reviewed score, else the automatic one.

        InterviewSessionQuerySet.with_scores() applies the same order in SQL.
        """
        for name in self.FINAL_SCORE_FIELDS:
            if (value := getattr(self, name)) is not None:
                return value
        return None

    @property
    def rescore_note(self) -> str:
        """ "re-scored by scorer 2; was 55 with scorer 1" when a newer scorer changed the score."""
        if self.previous_score is None or self.score is None:
            return ""
        # Rounded as every page rounds a score, so the note never shows "was 62" beside 62.
        was, now = floatformat(self.previous_score, 0), floatformat(self.score, 0)
        if was == now:
            return ""
        return (
            f"re-scored by scorer {self.scorer_version}; "
            f"was {was} with scorer {self.previous_scorer_version}"
        )

    @property
    def scoring_note(self) -> str:
        """ "scorer 9, semantic layer off": what made the automatic score ('' while unscored)."""
        if self.score is None:
            return ""
        layer = {True: "on", False: "off", None: "not recorded"}[self.semantic_scoring]
        return f"scorer {self.scorer_version or 'not recorded'}, semantic layer {layer}"

    @property
    def final_score_note(self) -> str:
        """What the candidate reads beside the final score: who changed it from the automatic
        one (never the override's reason, the interviewer's own record), else the re-score note."""
        final = self.final_score
        if final == self.score:
            return self.rescore_note
        # Rounded as every page rounds a score: a change that reads the same needs no word.
        automatic = floatformat(self.score, 0)
        if self.score is None or floatformat(final, 0) == automatic:
            return ""
        who = (
            "your interviewer"
            if self.session.kind == InterviewSession.Kind.INVITED
            else "a reviewer"
        )
        if self.score_override is not None:
            return f"set by {who}; the automatic score was {automatic}"
        return f"{who} corrected the concepts found; the automatic score was {automatic}"

    @property
    def matched_hits(self) -> tuple[ConceptHit, ...]:
        """The stored evidence as ConceptHits (the `matched` JSON is read nowhere else)."""
        return matched_from_json(self.matched)

    @property
    def matched_labels(self) -> list[str]:
        """Labels of the matched concepts, in answer order, each once."""
        return list(dict.fromkeys(hit.label for hit in self.matched_hits))

    @property
    def matched_concepts(self) -> list[MatchedConcept]:
        """The matched concepts as pages list them, each with its "in other words" note."""
        return matched_concepts(self.answer_text, self.matched_hits)

    def matched_store(self, hits) -> None:
        """Set the evidence from ConceptHits (the caller saves)."""
        self.matched = matched_to_json(hits)

    @property
    def is_finished(self) -> bool:
        return self.status in ITEM_FINISHED

    @property
    def limit_seconds(self) -> int | None:
        """The time this item was allowed, once started; None when it had no limit."""
        if self.started_at is None or self.deadline_at is None:
            return None
        return round((self.deadline_at - self.started_at).total_seconds())

    @property
    def used_seconds(self) -> int | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return max(0, round((self.finished_at - self.started_at).total_seconds()))
