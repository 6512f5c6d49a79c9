"""The interviews app's models: sessions and their items, and what interviewers add to them."""

from interviews.models.interviewer import (
    INVITE_DEFAULT_LIFETIME,
    ConceptVerdict,
    ReviewChange,
    SessionInvite,
    SessionTemplate,
    SessionTemplateQuestion,
    invite_token_new,
)
from interviews.models.review import ReviewCard, ReviewCardQuerySet, day_end
from interviews.models.sessions import (
    InterviewSession,
    InterviewSessionQuerySet,
    SessionItem,
    SessionItemQuerySet,
)

__all__ = [
    "INVITE_DEFAULT_LIFETIME",
    "ConceptVerdict",
    "InterviewSession",
    "InterviewSessionQuerySet",
    "ReviewCard",
    "ReviewCardQuerySet",
    "ReviewChange",
    "SessionInvite",
    "SessionItem",
    "SessionItemQuerySet",
    "SessionTemplate",
    "SessionTemplateQuestion",
    "day_end",
    "invite_token_new",
]
