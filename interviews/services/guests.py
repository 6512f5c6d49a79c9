"""A guest keeps their account: the user an invite link created gets a username and a password.

A guest has no password, so only their browser's login session leads back to their interview, and
the invite link opens once. Choosing a username and a password makes the same user (its sessions,
results and display name) one that logs in like any other.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q

USERNAME_TAKEN_MESSAGE = (
    "This username is already taken (capitals do not make a name different): choose another one."
)
NOT_A_GUEST_MESSAGE = "This account already has a password: change it on the password page."


class GuestKeepRefused(Exception):
    """The guest account cannot be kept as asked; `message` says why, for the guest."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def username_taken(username: str, *, user) -> bool:
    """Whether someone else logs in as `username` or uses it as their email, whatever its case."""
    others = get_user_model().objects.exclude(pk=user.pk)
    return others.filter(Q(username__iexact=username) | Q(email__iexact=username)).exists()


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def guest_account_keep(*, user, username: str, password: str):
    """Give the guest `user` a username and a password; returns the saved user.

    An email address given as the username is also kept as the account's email, so that
    "Forgot your password?" can reach them. The caller validated the password.
    """
    User = get_user_model()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.has_usable_password():
            raise GuestKeepRefused(NOT_A_GUEST_MESSAGE)
        if username_taken(username, user=locked):
            raise GuestKeepRefused(USERNAME_TAKEN_MESSAGE)
        locked.username = username
        if _is_email(username) and not locked.email:
            locked.email = username
        locked.set_password(password)
        try:
            # Two guests choosing the same name at once: the unique index settles it.
            with transaction.atomic():
                locked.save(update_fields=["username", "email", "password"])
        except IntegrityError:
            raise GuestKeepRefused(USERNAME_TAKEN_MESSAGE) from None
    return locked
