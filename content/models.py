"""The question bank: topics, questions, their two model answers, and key concepts."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, Value
from django.db.models.functions import Lower
from django.db.models.lookups import Exact
from django.urls import reverse

# Object permissions on banks, answered by content.access.BankAccessBackend.
VIEW_TOPIC = "content.view_topic"
CHANGE_TOPIC = "content.change_topic"
# Topic slugs that would shadow the authoring pages' own addresses under bank/ (content/urls.py).
RESERVED_TOPIC_SLUGS = frozenset({"new", "preview", "questions"})
# Held by the Interviewer group: the right to own banks and write questions.
ADD_TOPIC = "content.add_topic"


def is_author(user) -> bool:
    """True for users who may own banks and write questions: interviewers and staff."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_staff or user.has_perm(ADD_TOPIC))
    )


class Level(models.TextChoices):
    EXPERT = "expert", "Expert"
    BEGINNER = "beginner", "Beginner"


class TopicQuerySet(models.QuerySet):
    """Who may use and edit a bank: the one home of these rules (pages and sessions ask here).

    - Staff see and edit every bank; an owner sees and edits their own.
    - Other interviewers use a bank shared with them or with everyone, or published.
    - Everybody else (candidates, visitors) sees only banks published for practice; an invited
      candidate meets other questions only inside their own session.
    """

    def with_question_counts(self) -> "TopicQuerySet":
        return self.annotate(question_count=Count("questions"))

    def by_name(self) -> "TopicQuerySet":
        """Meta.ordering, said explicitly: a query with an aggregate (the counts) leaves it out,
        and a page of a list needs a stable order."""
        return self.order_by("name", "id")

    def named(self, name: str) -> "TopicQuerySet":
        """Banks called `name` in any case (surrounding spaces aside): how files find banks."""
        return self.filter(Exact(Lower("name"), Lower(Value(name.strip()))))

    def owned_by(self, owner) -> "TopicQuerySet":
        """The banks of `owner`; None: the site banks."""
        return self.filter(owner__isnull=True) if owner is None else self.filter(owner=owner)

    def published(self) -> "TopicQuerySet":
        return self.filter(is_published=True)

    def visible_to(self, user) -> "TopicQuerySet":
        if user.is_authenticated and user.is_active and user.is_staff:
            return self.all()
        if is_author(user):
            # A subquery rather than a join, so counts annotated afterwards stay right.
            shared = Topic.shared_with.through.objects.filter(user=user).values("topic_id")
            return self.filter(
                Q(owner=user)
                | Q(shared_with_everyone=True)
                | Q(pk__in=shared)
                | Q(is_published=True)
            )
        return self.published()

    def editable_by(self, user) -> "TopicQuerySet":
        if user.is_authenticated and user.is_active and user.is_staff:
            return self.all()
        if is_author(user):
            return self.filter(owner=user)
        return self.none()

    def curatable_by(self, user) -> "TopicQuerySet":
        """Banks whose concepts this user may correct: their own, and the site banks they use.

        Correcting the site bank's concepts is shared interviewer work (the agreement page counts
        it); an interviewer's own bank takes corrections only from its owner and staff.
        """
        site_banks = self.visible_to(user).filter(owner__isnull=True)
        return self.filter(Q(pk__in=self.editable_by(user)) | Q(pk__in=site_banks))


class Topic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    source_name = models.CharField(
        max_length=255, blank=True, help_text="File name of the Q&A document it was imported from."
    )
    # A bank without an owner is the site's (the bundled and imported ones): staff edit it, and
    # it is published and shared unless staff say otherwise. Interviewers' banks start private.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="banks",
        help_text="The interviewer who owns this bank; empty for a site bank.",
    )
    shared_with_everyone = models.BooleanField(
        default=True, help_text="Every interviewer may use its questions in their sessions."
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="banks_shared",
        help_text="Interviewers who may use its questions in their sessions.",
    )
    is_published = models.BooleanField(
        default=True,
        verbose_name="published for practice",
        help_text="Candidates may practise on it and read its questions.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            # A file finds its bank by name among its uploader's banks (content.banks). Site banks
            # are kept apart by the forms only: deleting an account turns its banks into site
            # banks, and a database rule would then refuse to delete the account.
            models.UniqueConstraint(
                Lower("name"),
                "owner",
                condition=Q(owner__isnull=False),
                name="one_bank_name_per_owner",
                violation_error_message="This owner already has a bank of this name.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("content:topic_detail", args=[self.slug])

    @property
    def is_site_bank(self) -> bool:
        return self.owner_id is None


class QuestionQuerySet(models.QuerySet):
    def for_topic(self, topic: Topic) -> "QuestionQuerySet":
        return self.filter(topic=topic)

    def visible_to(self, user) -> "QuestionQuerySet":
        return self.filter(topic__in=Topic.objects.visible_to(user))

    def editable_by(self, user) -> "QuestionQuerySet":
        return self.filter(topic__in=Topic.objects.editable_by(user))

    def curatable_by(self, user) -> "QuestionQuerySet":
        return self.filter(topic__in=Topic.objects.curatable_by(user))


class Question(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Stable identity derived from the question text, so re-imports update in place.",
    )
    uid = models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Stable identity written into exported documents; it survives edits of the wording.",
    )
    position = models.PositiveIntegerField(default=0, help_text="Order in the source document.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["topic__name", "position", "id"]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("content:question_detail", args=[self.slug])

    def model_answer(self, level: str) -> "ModelAnswer | None":
        """The model answer at this level, or None when the source had none."""
        return next((a for a in self.model_answers.all() if a.level == level), None)


class ModelAnswer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="model_answers")
    level = models.CharField(max_length=10, choices=Level.choices)
    text = models.TextField(help_text="The answer body as in the source, without the posting date.")
    posted_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["question", "-level"]
        constraints = [
            models.UniqueConstraint(fields=["question", "level"], name="one_answer_per_level"),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} answer to {self.question}"


class ConceptQuerySet(models.QuerySet):
    def active(self) -> "ConceptQuerySet":
        return self.filter(is_active=True)


class Concept(models.Model):
    """A key idea a good answer expresses; extracted automatically, then curated by people."""

    class Tier(models.TextChoices):
        CORE = "core", "Core (beginner and expert)"
        ADVANCED = "advanced", "Advanced (expert only)"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Extracted automatically"
        CURATED = "curated", "Curated by a person"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="concepts")
    label = models.CharField(max_length=200)
    variants = models.JSONField(
        default=list, blank=True, help_text="Other ways of saying it: plurals, abbreviations."
    )
    weight = models.FloatField(default=1.0)
    tier = models.CharField(max_length=10, choices=Tier.choices, default=Tier.CORE)
    negated = models.BooleanField(
        default=False,
        help_text='The model answer states this negatively ("X does not need Y"): '
        "an answer that also negates it earns the credit.",
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    is_active = models.BooleanField(
        default=True,
        help_text="Unticked concepts are kept (so re-extraction does not bring them back) but not scored.",
    )
    rank = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConceptQuerySet.as_manager()

    class Meta:
        ordering = ["question", "rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "label"], name="unique_concept_label"),
            models.CheckConstraint(condition=models.Q(weight__gte=0), name="concept_weight_gte_0"),
        ]

    def __str__(self) -> str:
        return self.label


class BankUpload(models.Model):
    """An uploaded bank file kept between its preview and the interviewer's confirmation.

    The preview must not write the bank, and a file input cannot be sent again; so the text waits
    here, readable only by its uploader, and is deleted on import (or after a day, at the next upload).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bank_uploads"
    )
    file_name = models.CharField(max_length=255)
    format_name = models.CharField(max_length=20)
    topic_name = models.CharField(max_length=200, blank=True, help_text="For CSV files only.")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


def author_account_deleted(collector, field, sub_objs, using) -> None:
    """SET_NULL for a revision's author that also records that it had one, so its history reads
    "by a deleted user", not "by the importer", whose revisions have no author.

    Not lazy, unlike SET_NULL: the collector loads the rows' ids and updates both fields by id;
    lazily, each update would filter on the author, which the other one may have cleared first.
    """
    collector.add_field_update(QuestionRevision._meta.get_field("author_deleted"), True, sub_objs)
    collector.add_field_update(field, None, sub_objs)


class QuestionRevision(models.Model):
    """One saved state of a question's wording and model answers: who saved it, and when.

    The question keeps its identity (pk, slug) across revisions; sessions store the wording they
    asked on their own items, so restoring or editing never rewrites what a candidate saw.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 for the first state recorded, then 2, 3...")
    text = models.TextField()
    expert_answer = models.TextField(blank=True)
    beginner_answer = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=author_account_deleted,
        related_name="+",
        help_text="Who saved it; empty for the state as imported, or once their account is deleted.",
    )
    author_deleted = models.BooleanField(
        default=False, help_text="Saved by a person whose account was deleted since."
    )
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="unique_revision_number"),
        ]

    def __str__(self) -> str:
        return f"{self.question.slug} r{self.number}"
