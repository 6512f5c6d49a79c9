"""Who may see which session: interviewers their own, staff all; everyone else gets a 404."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from interviews.models import InterviewSession, InterviewSessionQuerySet, SessionItem
from interviews.roles import is_interviewer


def interviewer_required(view):
    """Anonymous users go to the login page; signed-in users without the role get a 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_interviewer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


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
