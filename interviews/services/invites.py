"""Invite links: the first person to open one becomes the session's candidate."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from interviews.access import is_interviewer
from interviews.models import (
    INVITE_DEFAULT_LIFETIME,
    InterviewSession,
    SessionInvite,
    invite_token_new,
)

INVITE_UNKNOWN_MESSAGE = (
    "This invite link does not work. Check that you copied all of it; if the interviewer has "
    "sent you a newer link since, use that one (a new link replaces the old)."
)
INVITE_REVOKED_MESSAGE = (
    "This invite link was withdrawn by the interviewer. Ask them for a new one."
)
INVITE_EXPIRED_MESSAGE = "This invite link has expired. Ask the interviewer for a new one."
# The link opens once, so that it cannot re-admit whoever finds it in a shared computer's history:
# who accepted it comes back by logging in (a guest who kept their account has a password).
INVITE_USED_MESSAGE = (
    "This invite link has already been used, so it cannot be opened again. If you accepted it "
    "and kept your account, log in to get back to your interview; otherwise ask the "
    "interviewer for a new link."
)
INVITE_OWN_MESSAGE = "This is your own invite link: send it to the candidate instead of opening it."
INVITE_INTERVIEWER_MESSAGE = (
    "You are signed in as an interviewer, and interviewer accounts show every model answer, so "
    "they cannot take an interview. To take this one as a candidate, log out (or use a private "
    "window) and open the link again: it still works."
)
GUEST_NAME_MISSING_MESSAGE = "Please give your name so the interviewer knows who answered."
INVITE_NOT_RENEWABLE_MESSAGE = "Only an invite nobody has accepted can be renewed."


class InviteRefused(Exception):
    """An invite that cannot be accepted; `gone` is True when the link is dead for good (410),
    `wrong_account` when the link works but not for the account signed in."""

    def __init__(self, message: str, *, gone: bool = True, wrong_account: bool = False) -> None:
        self.message, self.gone, self.wrong_account = message, gone, wrong_account
        super().__init__(message)


def invite_check(invite: SessionInvite, *, user, now: datetime | None = None) -> bool:
    """Raise InviteRefused unless `user` may open it; True when they already accepted it."""
    now = now or timezone.now()
    if invite.revoked_at is not None:
        raise InviteRefused(INVITE_REVOKED_MESSAGE)
    if invite.accepted_at is not None:
        if user.is_authenticated and invite.accepted_by_id == user.pk:
            return True
        raise InviteRefused(INVITE_USED_MESSAGE)
    if invite.expires_at <= now:
        raise InviteRefused(INVITE_EXPIRED_MESSAGE)
    if user.is_authenticated and invite.session.created_by_id == user.pk:
        raise InviteRefused(INVITE_OWN_MESSAGE, gone=False, wrong_account=True)
    if is_interviewer(user):
        # Interviewers read every model answer (access.model_answers_visible), so as this
        # session's candidate they could read the answers to the questions still to come.
        raise InviteRefused(INVITE_INTERVIEWER_MESSAGE, gone=False, wrong_account=True)
    return False


def invite_accept(
    *, token: str, user, guest_name: str = "", now: datetime | None = None
) -> tuple[InterviewSession, object]:
    """Make `user` (or a new guest account named guest_name) the session's candidate.

    Returns the session and the candidate's user, whom the view logs in when it is a new guest.
    A guest is a user with an unusable password: the interview pages then treat them like any
    candidate, and their login session is their only way back until they keep their account
    (services.guests).
    """
    now = now or timezone.now()
    guest_name = guest_name.strip()
    with transaction.atomic():
        invite = (
            SessionInvite.objects.select_for_update()
            .select_related("session")
            .filter(token=token)
            .first()
        )
        if invite is None:
            raise InviteRefused(INVITE_UNKNOWN_MESSAGE)
        if invite_check(invite, user=user, now=now):
            return invite.session, user
        if not user.is_authenticated:
            if not guest_name:
                raise InviteRefused(GUEST_NAME_MISSING_MESSAGE, gone=False)
            user = guest_user_create(name=guest_name)
        session = invite.session
        session.candidate = user
        session.guest_name = guest_name if guest_name else ""
        if not session.candidate_name:
            session.candidate_name = guest_name or user.get_full_name() or user.get_username()
        session.save(update_fields=["candidate", "guest_name", "candidate_name"])
        invite.accepted_at = now
        invite.accepted_by = user
        invite.save(update_fields=["accepted_at", "accepted_by"])
    return session, user


def guest_user_create(*, name: str):
    """An account for a guest candidate: no password, named as they asked."""
    User = get_user_model()
    # Readable where the username shows ("Log out guest-gina-3f9a1c0b"), unique by the random tail.
    user = User(
        username=f"guest-{slugify(name)[:30] or 'candidate'}-{secrets.token_hex(4)}",
        first_name=name[:150],
    )
    user.set_unusable_password()
    user.save()
    return user


def invite_revoke(*, invite: SessionInvite, now: datetime | None = None) -> None:
    """Withdraw the link; a candidate who already accepted keeps their session."""
    if invite.revoked_at is None:
        invite.revoked_at = now or timezone.now()
        invite.save(update_fields=["revoked_at"])


def invite_renew(*, invite: SessionInvite, now: datetime | None = None) -> SessionInvite:
    """A new token and expiry for an invite nobody accepted (the old link stops working)."""
    if invite.accepted_at is not None:
        raise InviteRefused(INVITE_NOT_RENEWABLE_MESSAGE, gone=False)
    invite.token = invite_token_new()
    invite.expires_at = (now or timezone.now()) + INVITE_DEFAULT_LIFETIME
    invite.revoked_at = None
    invite.save(update_fields=["token", "expires_at", "revoked_at"])
    return invite
