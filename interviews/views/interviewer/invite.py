"""The public invite link: the first person to open it becomes the session's candidate.

The link's token leaves the address bar at once: /invite/<token>/ keeps it in the visitor's session
and redirects to /invite/, so the token never reaches a Referer, the address bar, or the access-log
lines of the page, its static files and what follows.
"""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_safe

from interviews.forms.interviewer import GuestForm
from interviews.models import SessionInvite
from interviews.services.invites import (
    INVITE_UNKNOWN_MESSAGE,
    InviteRefused,
    invite_accept,
    invite_check,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
INVITE_SESSION_KEY = "invite_token"


def _gone(request: HttpRequest, message: str, *, status: int) -> HttpResponse:
    context = {"message": message}
    return render(request, "interviews/interviewer/invite_gone.html", context, status=status)


@cache_control(private=True, no_store=True)
@require_safe
def invite_open(request: HttpRequest, token: str) -> HttpResponse:
    """Keep the token in the visitor's session and send them to the token-less invite page."""
    if not SessionInvite.objects.filter(token=token).exists():
        return _gone(request, INVITE_UNKNOWN_MESSAGE, status=404)
    request.session[INVITE_SESSION_KEY] = token
    return redirect("interviewer:invite")


@cache_control(private=True, no_store=True)
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """GET shows who invited you and asks a guest's name; POST accepts and starts the interview."""
    token = request.session.get(INVITE_SESSION_KEY, "")
    invite = SessionInvite.objects.select_related("session__created_by").filter(token=token).first()
    form = GuestForm(request.POST if request.method == "POST" else None)
    error, wrong_account = "", False
    try:
        if invite is None:
            raise InviteRefused(INVITE_UNKNOWN_MESSAGE)
        if request.method == "GET":
            if invite_check(invite, user=request.user):
                return redirect(invite.session.get_absolute_url())
        elif form.is_valid():
            session, user = invite_accept(
                token=token, user=request.user, guest_name=form.cleaned_data["name"]
            )
            if not request.user.is_authenticated:
                login(request, user, backend=MODEL_BACKEND)
            return redirect(session.get_absolute_url())
    except InviteRefused as refused:
        if refused.gone:
            return _gone(request, refused.message, status=404 if invite is None else 410)
        error, wrong_account = refused.message, refused.wrong_account
    context = {"invite": invite, "form": form, "error": error, "wrong_account": wrong_account}
    return render(request, "interviews/interviewer/invite_open.html", context)
