"""Text that reached the server after its question's deadline, or after the question was finished
(the session ended, another tab submitted): never saved, but shown back once, so the candidate
can copy it. The deadline holds; what was typed is not lost from sight.

The htmx pages show it in the fragment they return; a plain form post (no JavaScript) is
redirected, so the text waits in the login session until the next interview or results page.
That holds for a text sent after the login itself ended, too (login_back_to_session).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from interviews.forms.ids import number_read
from interviews.models import InterviewSession

_KEY = "interviews.late_text"


def late_text(position: int, text: str | None) -> dict | None:
    """What the page shows for a refused text: None when there is nothing worth showing."""
    if text is None or not text.strip():
        return None
    return {"position": position, "text": text}


def late_text_nul_shown(position: int, text: str) -> dict | None:
    """late_text of a text refused for its NUL characters, each shown as \ufffd as a browser
    shows it: a copy of it can then be stored."""
    return late_text(position, text.replace("\x00", "\ufffd"))


def late_text_keep(request: HttpRequest, session: InterviewSession, shown: dict | None) -> None:
    """Keep a refused text for the next page of this session (the plain-form path)."""
    if shown is not None:
        request.session[_KEY] = {"session": session.pk, **shown}


def late_text_take(request: HttpRequest, session: InterviewSession) -> dict | None:
    """The refused text kept for this session, once: a reload no longer shows it."""
    kept = request.session.get(_KEY)
    if not kept or kept.get("session") != session.pk:
        return None
    del request.session[_KEY]
    return {"position": kept["position"], "text": kept["text"]}


def login_back_to_session(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """login_required for the forms of the interview and results pages, which post to addresses
    that take nothing else: logged in again, the candidate comes back to the session (its results
    once it has ended), not to a page saying the address takes only a form. The answer a plain form post carried (the login expired, or
    someone logged out in another tab) waits in the login session, which logging in keeps, and
    that page shows it once. htmx reloads the page instead, and interview.js keeps its draft."""

    @wraps(view)
    def guarded(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, pk, *args, **kwargs)
        position = number_read(request.POST.get("position", ""))
        shown = late_text(kwargs.get("position", position), request.POST.get("answer_text"))
        if shown is not None and shown["position"] is not None and not request.htmx:
            request.session[_KEY] = {"session": pk, **shown}
        return redirect_to_login(reverse("interviews:session_detail", args=[pk]))

    return guarded
