"""Who may see what: a question's model answers stay hidden until the candidate has answered it."""

from __future__ import annotations

from django.db.models import Q

from content.models import Question
from interviews.models import InterviewSession, SessionItem

# Interviewers and staff prepare and review interviews, so they see every model answer.
SEE_ALL_ANSWERS_PERMISSIONS = ("content.view_modelanswer", "interviews.run_interviews")


def model_answers_visible(*, user, question: Question) -> bool:
    """True for staff and interviewers, and for a candidate whose answer to it has been scored."""
    if not user.is_authenticated:
        return False
    if any(user.has_perm(permission) for permission in SEE_ALL_ANSWERS_PERMISSIONS):
        return True
    feedback_shown = Q(session__feedback_mode=InterviewSession.FeedbackMode.AFTER_EACH) | ~Q(
        session__status__in=[InterviewSession.Status.CREATED, InterviewSession.Status.IN_PROGRESS]
    )
    return (
        SessionItem.objects.for_candidate(user)
        .filter(feedback_shown, question=question)
        .filter(status__in=[SessionItem.Status.SUBMITTED, SessionItem.Status.TIMED_OUT])
        .exists()
    )
