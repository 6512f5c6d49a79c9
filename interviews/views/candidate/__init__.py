"""Candidate views: thin functions over interviews.services."""

from interviews.views.candidate.accounts import landing, signup
from interviews.views.candidate.autosave import autosave
from interviews.views.candidate.guests import logout_confirm, password_page
from interviews.views.candidate.learning import (
    attempts_export,
    item_retry,
    mastery,
    practice_chosen,
    review,
)
from interviews.views.candidate.pages import history, home
from interviews.views.candidate.practice import practice_new
from interviews.views.candidate.session import (
    item_next,
    item_submit,
    session_begin,
    session_detail,
    session_end,
    session_end_confirm,
    session_results,
)

__all__ = [
    "attempts_export",
    "autosave",
    "history",
    "home",
    "item_next",
    "item_retry",
    "item_submit",
    "landing",
    "logout_confirm",
    "mastery",
    "password_page",
    "practice_chosen",
    "practice_new",
    "review",
    "session_begin",
    "session_detail",
    "session_end",
    "session_end_confirm",
    "session_results",
    "signup",
]
