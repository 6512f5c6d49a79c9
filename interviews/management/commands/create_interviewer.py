"""Create an interviewer account, or promote an account the admin names explicitly."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from interviews.access import interviewer_grant, is_interviewer

INVALID_EMAIL_MESSAGE = "{email!r} is not a valid email address."
EMAIL_OWNED_MESSAGE = (
    "{email} belongs to the existing account {username!r}, which this command did not create. "
    "Anyone can sign up with any address, so make sure that account is really theirs, then run: "
    "manage.py create_interviewer {email} --username {username}"
)
USERNAME_UNKNOWN_MESSAGE = "There is no account {username!r}."
USERNAME_MISMATCH_MESSAGE = (
    "The account {username!r} has the address {actual!r}, not {email}: nothing was changed."
)


def account_find(*, email: str):
    """The account that owns this address (as its email or its username), if any."""
    User = get_user_model()
    return (
        User.objects.filter(email__iexact=email).order_by("pk").first()
        or User.objects.filter(username__iexact=email).order_by("pk").first()
    )


def user_find_or_create(*, email: str) -> tuple[object, str | None]:
    """The account that owns this address, or a new one with a generated password (for demos)."""
    user = account_find(email=email)
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    return user, password


def account_named(*, username: str, email: str):
    """The account the admin named, checked against the address they gave."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(USERNAME_UNKNOWN_MESSAGE.format(username=username))
    if email.lower() not in (user.email.lower(), user.get_username().lower()):
        raise CommandError(
            USERNAME_MISMATCH_MESSAGE.format(username=username, actual=user.email, email=email)
        )
    return user


class Command(BaseCommand):
    help = (
        "Create an interviewer account (printing its password). An address that already has an "
        "account is promoted only when that account is named with --username."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--username",
            help="Promote this existing account, after checking the address is really theirs.",
        )

    def handle(self, *args, email: str, username: str | None, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(INVALID_EMAIL_MESSAGE.format(email=email)) from error
        if username:
            user = account_named(username=username, email=email)
        else:
            user = account_find(email=email)
            # An interviewer already is one: running the command twice stays harmless.
            if user is not None and not is_interviewer(user):
                raise CommandError(
                    EMAIL_OWNED_MESSAGE.format(email=email, username=user.get_username())
                )
        if user is None:
            user, password = user_find_or_create(email=email)
            interviewer_grant(user=user)
            self.stdout.write(f"Created interviewer {email} with password: {password}")
            return
        interviewer_grant(user=user)
        self.stdout.write(f"{user.get_username()} is now an interviewer (password unchanged).")
