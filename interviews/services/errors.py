"""Messages users see when the engine refuses something; tests import these constants."""

from content.scoring import MAX_ANSWER_CHARS

DEADLINE_PASSED_MESSAGE = (
    "Time is up for this question, so this text arrived too late and was not saved. "
    "Everything saved before the deadline is kept."
)
ITEM_CLOSED_MESSAGE = "This question is already finished, so the text was not saved."
NEWER_TEXT_KEPT_MESSAGE = (
    "A newer version of this answer, saved from another tab or device, was submitted instead "
    "of this text."
)
ANSWER_TOO_LONG_MESSAGE = (
    f"This answer is too long: please keep it under {MAX_ANSWER_CHARS:,} characters. "
    "The text was not saved."
)
BAD_REVISION_MESSAGE = "The save was not understood (no revision number). Reload the page."


class AnswerRefused(Exception):
    """Text the engine will not store; the message is for the candidate."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
