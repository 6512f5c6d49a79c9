"""Building invited sessions: pick or draw questions, save plans as templates, create sessions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import pluralize
from django.utils import timezone

from content.models import Question, QuestionQuerySet
from interviews.models import (
    INVITE_DEFAULT_LIFETIME,
    InterviewSession,
    SessionInvite,
    SessionItem,
    SessionTemplate,
    SessionTemplateQuestion,
)

NO_QUESTIONS_MESSAGE = "Pick at least one question, or draw some at random."
NOT_ENOUGH_TO_DRAW_MESSAGE = (
    "The bank has only {available} question{plural} matching these filters."
)
ORDER_LOCKED_MESSAGE = "The candidate has started, so the order of the questions stays as it is."
TEMPLATE_BANKS_GONE_MESSAGE = (
    "{count} question{plural} of this template {verb} from {some_banks} you can no longer use: "
    "{banks}. Create the session without {pronoun}, or build a new template."
)
TEMPLATE_EMPTY_MESSAGE = (
    "None of this template's questions is available to you any more: build a new session."
)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """What an interviewer chose on the build page, before anything is stored."""

    title: str
    level: str
    questions: Sequence[Question]
    per_item_seconds: int | None = None
    total_seconds: int | None = None
    candidate_name: str = ""
    candidate_email: str = ""
    notes: str = ""
    hide_scores: bool = False


class PlanError(ValueError):
    """A plan that cannot become a session; the message is for the interviewer."""


def questions_search(
    *, user, text: str = "", topic_slug: str = "", level: str = ""
) -> QuestionQuerySet:
    """Questions of the banks this interviewer may use, matching the text, topic and level."""
    questions = Question.objects.visible_to(user).select_related("topic")
    if text:
        questions = questions.filter(Q(text__icontains=text) | Q(topic__name__icontains=text))
    if topic_slug:
        questions = questions.filter(topic__slug=topic_slug)
    if level:
        questions = questions.filter(model_answers__level=level)
    return questions.distinct()


def questions_random(*, user, count: int, topic_slug: str = "", level: str = "") -> list[Question]:
    """Draw `count` different questions at random from those matching the filters."""
    pool = questions_search(user=user, topic_slug=topic_slug, level=level)
    available = pool.count()
    if count > available:
        plural = "" if available == 1 else "s"
        raise PlanError(NOT_ENOUGH_TO_DRAW_MESSAGE.format(available=available, plural=plural))
    ids = list(pool.order_by("?").values_list("pk", flat=True)[:count])
    by_id = Question.objects.select_related("topic").in_bulk(ids)
    return [by_id[pk] for pk in ids]


def invited_session_create(
    *, interviewer, plan: SessionPlan, now: datetime | None = None
) -> InterviewSession:
    """Store an invited session with its items and a fresh invite link."""
    if not plan.questions:
        raise PlanError(NO_QUESTIONS_MESSAGE)
    now = now or timezone.now()
    with transaction.atomic():
        session = InterviewSession.objects.create(
            kind=InterviewSession.Kind.INVITED,
            created_by=interviewer,
            title=plan.title,
            level=plan.level,
            per_item_seconds=plan.per_item_seconds,
            total_seconds=plan.total_seconds,
            feedback_mode=InterviewSession.FeedbackMode.AT_END,
            candidate_name=plan.candidate_name,
            candidate_email=plan.candidate_email,
            notes=plan.notes,
            hide_scores=plan.hide_scores,
        )
        SessionItem.objects.bulk_create(
            SessionItem(
                session=session, question=question, position=position, asked_text=question.text
            )
            for position, question in enumerate(plan.questions, start=1)
        )
        SessionInvite.objects.create(session=session, expires_at=now + INVITE_DEFAULT_LIFETIME)
    return session


def session_item_move(*, session: InterviewSession, item_id: int, direction: str) -> None:
    """Swap a question with its neighbour ("up" or "down") while the session has not started."""
    with transaction.atomic():
        session = InterviewSession.objects.select_for_update().get(pk=session.pk)
        if session.status != InterviewSession.Status.CREATED:
            raise PlanError(ORDER_LOCKED_MESSAGE)
        items = list(session.items.order_by("position"))
        index = next((i for i, item in enumerate(items) if item.pk == item_id), None)
        other = None if index is None else index + (-1 if direction == "up" else 1)
        if other is None or direction not in ("up", "down") or not 0 <= other < len(items):
            return
        moved, neighbour = items[index], items[other]
        positions = (moved.position, neighbour.position)
        # Position 0 is never used, so it frees the slot under the unique (session, position).
        moved.position = 0
        moved.save(update_fields=["position"])
        neighbour.position = positions[0]
        neighbour.save(update_fields=["position"])
        moved.position = positions[1]
        moved.save(update_fields=["position"])


def template_create(*, interviewer, name: str, plan: SessionPlan) -> SessionTemplate:
    """Save a plan's questions, level and times (not the candidate) as a reusable template."""
    if not plan.questions:
        raise PlanError(NO_QUESTIONS_MESSAGE)
    with transaction.atomic():
        template = SessionTemplate.objects.create(
            name=name or plan.title or "Untitled template",
            created_by=interviewer,
            level=plan.level,
            per_item_seconds=plan.per_item_seconds,
            total_seconds=plan.total_seconds,
            notes=plan.notes,
            hide_scores=plan.hide_scores,
        )
        SessionTemplateQuestion.objects.bulk_create(
            SessionTemplateQuestion(template=template, question=question, position=position)
            for position, question in enumerate(plan.questions, start=1)
        )
    return template


@dataclass(frozen=True, slots=True)
class TemplateQuestions:
    """A template's questions, in order, split by whether the interviewer may still use their bank.

    A bank's owner may stop sharing it, or staff unpublish a site bank; a template saved before
    must not hand out its questions after that.
    """

    usable: list[Question]
    unavailable: list[Question]

    @property
    def unavailable_banks(self) -> list[str]:
        return sorted({question.topic.name for question in self.unavailable})


def template_questions(template: SessionTemplate, *, user) -> TemplateQuestions:
    return templates_questions([template], user=user)[0]


def templates_questions(templates: Sequence[SessionTemplate], *, user) -> list[TemplateQuestions]:
    """template_questions of each template, in two queries however many templates there are."""
    rows = (
        SessionTemplateQuestion.objects.filter(template__in=templates)
        .select_related("question__topic")
        .order_by("template", "position")
    )
    questions: dict[int, list[Question]] = defaultdict(list)
    for row in rows:
        questions[row.template_id].append(row.question)
    asked = [question.pk for rows_of_one in questions.values() for question in rows_of_one]
    usable_ids = set(
        Question.objects.visible_to(user).filter(pk__in=asked).values_list("pk", flat=True)
    )
    return [
        TemplateQuestions(
            usable=[q for q in questions[template.pk] if q.pk in usable_ids],
            unavailable=[q for q in questions[template.pk] if q.pk not in usable_ids],
        )
        for template in templates
    ]


def plan_from_template(
    template: SessionTemplate,
    *,
    user,
    candidate_name: str = "",
    candidate_email: str = "",
    without_unavailable: bool = False,
) -> SessionPlan:
    """The template as a plan of `user`'s; PlanError when some of its banks are no longer theirs.

    Leaving questions out changes the interview, so it takes the interviewer's word
    (`without_unavailable`), given on the template list where the missing banks are named.
    """
    questions = template_questions(template, user=user)
    if questions.unavailable and not without_unavailable:
        banks = ", ".join(f"“{name}”" for name in questions.unavailable_banks)
        count = len(questions.unavailable)
        message = TEMPLATE_BANKS_GONE_MESSAGE.format(
            count=count,
            plural=pluralize(count),
            verb=pluralize(count, "comes,come"),
            some_banks=pluralize(len(questions.unavailable_banks), "a bank,banks"),
            banks=banks,
            pronoun=pluralize(count, "it,them"),
        )
        raise PlanError(message)
    if not questions.usable:
        raise PlanError(TEMPLATE_EMPTY_MESSAGE)
    return SessionPlan(
        title=template.name,
        level=template.level,
        questions=questions.usable,
        per_item_seconds=template.per_item_seconds,
        total_seconds=template.total_seconds,
        candidate_name=candidate_name,
        candidate_email=candidate_email,
        notes=template.notes,
        hide_scores=template.hide_scores,
    )
