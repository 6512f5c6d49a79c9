"""Text that reached the server after its question's deadline, or after the question was finished
(the session ended, another tab submitted): never saved, but shown back once, so the candidate
can copy it. The deadline holds; what was typed is not lost from sight.

The htmx pages show it in the fragment they return; a plain form post (no JavaScript) is
redirected, so the text waits in the login session until the next interview or results page.
"""

from __future__ import annotations

from django.http import HttpRequest

from interviews.models import InterviewSession

_KEY = "interviews.late_text"


def late_text(position: int, text: str | None) -> dict | None:
    """What the page shows for a refused text: None when there is nothing worth showing."""
    if text is None or not text.strip():
        return None
    return {"position": position, "text": text}


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
