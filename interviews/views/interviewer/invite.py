"""The public invite link: the first person to open it becomes the session's candidate."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from interviews.forms.interviewer import GuestForm
from interviews.models import SessionInvite
from interviews.services.invites import (
    INVITE_UNKNOWN_MESSAGE,
    InviteRefused,
    invite_accept,
    invite_check,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
def invite_open(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows who invited you and asks a guest's name; POST accepts and starts the interview."""
    invite = SessionInvite.objects.select_related("session__created_by").filter(token=token).first()
    form = GuestForm(request.POST if request.method == "POST" else None)
    error = ""
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
            status = 404 if invite is None else 410
            return render(
                request,
                "interviews/interviewer/invite_gone.html",
                {"message": refused.message},
                status=status,
            )
        error = refused.message
    context = {"invite": invite, "form": form, "error": error}
    return render(request, "interviews/interviewer/invite_open.html", context)
