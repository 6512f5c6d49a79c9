"""Who may see what, in one place: roles, sessions, and a question's model answers.

- Every user is a candidate and sees only their own sessions; anyone else's is a 404.
- Interviewers (a group holding `interviews.run_interviews`) see the sessions they created;
  staff see every session.
- A question's model answers are visible to staff and interviewers, and to a candidate once
  their answer to it has been scored and shown, unless the session hides scores.
- A question the candidate has yet to answer in a running invited session is held back: practice
  never draws it, and its model answers and concepts stay hidden from them until the invited
  item is finished (`questions_held_for_interview`). The question bank asks this through
  `user.has_perm(VIEW_MODEL_ANSWER, question)`, answered by ModelAnswerAccessBackend, so the
  bank never imports this app.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from content.models import Question
from interviews.models import InterviewSession, InterviewSessionQuerySet, SessionItem
from interviews.state import ITEM_ANSWERED, SESSION_RUNNING

INTERVIEWER_GROUP = "Interviewer"
RUN_INTERVIEWS = "interviews.run_interviews"
VIEW_MODEL_ANSWER = "content.view_modelanswer"

# (app_label, codename) pairs the interviewer group holds.
INTERVIEWER_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("interviews", "run_interviews"),
    ("interviews", "add_sessiontemplate"),
    ("interviews", "change_sessiontemplate"),
    ("interviews", "delete_sessiontemplate"),
    ("interviews", "view_sessiontemplate"),
    ("content", "view_question"),
    # Own banks and write questions (content.models.is_author checks this).
    ("content", "add_topic"),
    ("content", "add_concept"),
    ("content", "change_concept"),
    ("content", "view_concept"),
)

# Interviewers and staff prepare and review interviews, so they see every model answer.
SEE_ALL_ANSWERS_PERMISSIONS = (VIEW_MODEL_ANSWER, RUN_INTERVIEWS)


# --- Roles ---


def interviewer_group_ensure() -> Group:
    """Create the interviewer group if needed and give it exactly its permissions."""
    group, _ = Group.objects.get_or_create(name=INTERVIEWER_GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in INTERVIEWER_PERMISSIONS
    ]
    group.permissions.add(*wanted)
    return group


def is_interviewer(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True for users who may run interviews: the interviewer group, staff and superusers."""
    return user.is_authenticated and (user.is_staff or user.has_perm(RUN_INTERVIEWS))


def interviewer_grant(*, user: AbstractBaseUser) -> None:
    """Put a user in the interviewer group."""
    user.groups.add(interviewer_group_ensure())


def interviewer_required(view):
    """Anonymous users go to the login page; signed-in users without the role get a 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_interviewer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


# --- Sessions ---


def session_own_get(request: HttpRequest, pk: int) -> InterviewSession:
    """The requester's own session as its candidate; anyone else's is a 404, so ids reveal nothing."""
    return get_object_or_404(InterviewSession.objects.for_candidate(request.user), pk=pk)


def sessions_reviewable(user) -> InterviewSessionQuerySet:
    """The sessions this interviewer may see: the ones they created, or every one for staff."""
    sessions = InterviewSession.objects.all()
    return sessions if user.is_staff else sessions.filter(created_by=user)


def session_reviewable_get(request: HttpRequest, pk: int) -> InterviewSession:
    """The session if the requester may review it, else 404 (so ids of others' sessions leak nothing)."""
    return get_object_or_404(
        sessions_reviewable(request.user).select_related("candidate", "created_by"), pk=pk
    )


def item_reviewable_get(request: HttpRequest, session_pk: int, item_pk: int) -> SessionItem:
    return get_object_or_404(
        SessionItem.objects.select_related("session", "question"),
        pk=item_pk,
        session__in=sessions_reviewable(request.user),
        session_id=session_pk,
    )


def sessions_invited(user) -> InterviewSessionQuerySet:
    """The invited sessions this interviewer may see (lists leave out practice sessions)."""
    return sessions_reviewable(user).filter(kind=InterviewSession.Kind.INVITED)


# --- Model answers ---


def questions_held_for_interview(user) -> QuerySet:
    """Ids of the questions `user` has yet to answer in a running invited session (a subquery).

    Until each is answered there, practice must not ask it and nothing may show its model
    answers or concepts to this user; use it as `.exclude(pk__in=...)` on questions.
    """
    if not user.is_authenticated:
        return SessionItem.objects.none().values("question_id")
    return SessionItem.objects.awaiting_in_interview(user).values("question_id")


def model_answers_visible(*, user, question: Question) -> bool:
    """True for staff and interviewers, and for a candidate whose answer to it has been scored.

    Never for a candidate while the question awaits their answer in a running interview.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if any(user.has_perm(permission) for permission in SEE_ALL_ANSWERS_PERMISSIONS):
        return True
    if questions_held_for_interview(user).filter(question_id=question.pk).exists():
        return False
    feedback_shown = (
        Q(session__feedback_mode=InterviewSession.FeedbackMode.AFTER_EACH)
        | ~Q(session__status__in=SESSION_RUNNING)
    ) & Q(session__hide_scores=False)
    return (
        SessionItem.objects.for_candidate(user)
        .filter(feedback_shown, question=question, status__in=ITEM_ANSWERED)
        .exists()
    )


class ModelAnswerAccessBackend:
    """An authentication backend that only answers object permissions on questions.

    `user.has_perm("content.view_modelanswer", question)` reaches this; Django's ModelBackend
    answers only permissions without an object, so the two never disagree. It authenticates
    nobody.
    """

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if perm != VIEW_MODEL_ANSWER or not isinstance(obj, Question):
            return False
        return model_answers_visible(user=user_obj, question=obj)
