"""The functions that write sessions and items: each is atomic and keyword-only.

engine.py is the locked core (activate, finish, advance, session finish); sessions.py and the
other modules orchestrate on top of it.
"""

from interviews.services.answers import AutosaveResult, ItemNotFound, answer_autosave
from interviews.services.draw import (
    NOT_ENOUGH_QUESTIONS_MESSAGE,
    NotEnoughQuestions,
    questions_draw,
)
from interviews.services.engine import FinishResult, item_activate, item_finish, session_finish
from interviews.services.errors import (
    ANSWER_TOO_LONG_MESSAGE,
    BAD_REVISION_MESSAGE,
    DEADLINE_PASSED_MESSAGE,
    ITEM_CLOSED_MESSAGE,
    NEWER_TEXT_KEPT_MESSAGE,
    AnswerRefused,
)
from interviews.services.sessions import (
    expired_sweep,
    practice_session_create,
    session_abandon,
    session_catch_up,
    session_close,
    session_start,
    sessions_catch_up,
)

__all__ = [
    "ANSWER_TOO_LONG_MESSAGE",
    "BAD_REVISION_MESSAGE",
    "DEADLINE_PASSED_MESSAGE",
    "ITEM_CLOSED_MESSAGE",
    "NEWER_TEXT_KEPT_MESSAGE",
    "NOT_ENOUGH_QUESTIONS_MESSAGE",
    "NotEnoughQuestions",
    "AnswerRefused",
    "AutosaveResult",
    "FinishResult",
    "ItemNotFound",
    "answer_autosave",
    "expired_sweep",
    "item_activate",
    "item_finish",
    "practice_session_create",
    "questions_draw",
    "session_abandon",
    "session_catch_up",
    "session_close",
    "session_finish",
    "session_start",
    "sessions_catch_up",
]
