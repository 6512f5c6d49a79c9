"""Create an interviewer account, or promote an existing user to interviewer."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from interviews.access import interviewer_grant

INVALID_EMAIL_MESSAGE = "{email!r} is not a valid email address."


def user_find_or_create(*, email: str) -> tuple[object, str | None]:
    """The user with this email (or username), or a new one with a generated password."""
    User = get_user_model()
    user = (
        User.objects.filter(email__iexact=email).order_by("pk").first()
        or User.objects.filter(username__iexact=email).order_by("pk").first()
    )
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(username=email, email=email, password=password)
    return user, password


class Command(BaseCommand):
    help = "Create an interviewer account (printing its password), or promote an existing user."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(INVALID_EMAIL_MESSAGE.format(email=email)) from error
        user, password = user_find_or_create(email=email)
        interviewer_grant(user=user)
        if password:
            self.stdout.write(f"Created interviewer {email} with password: {password}")
        else:
            self.stdout.write(f"{user.get_username()} is now an interviewer (password unchanged).")
