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
    "ReviewChange",
    "SessionInvite",
    "SessionItem",
    "SessionItemQuerySet",
    "SessionTemplate",
    "SessionTemplateQuestion",
    "invite_token_new",
]
