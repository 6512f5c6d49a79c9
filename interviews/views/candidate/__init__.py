"""Candidate views: thin functions over interviews.services."""

from interviews.views.candidate.accounts import signup
from interviews.views.candidate.autosave import autosave
from interviews.views.candidate.pages import history, home
from interviews.views.candidate.practice import practice_new
from interviews.views.candidate.session import (
    item_next,
    item_submit,
    session_begin,
    session_detail,
    session_end,
    session_results,
)

__all__ = [
    "autosave",
    "history",
    "home",
    "item_next",
    "item_submit",
    "practice_new",
    "session_begin",
    "session_detail",
    "session_end",
    "session_results",
    "signup",
]
