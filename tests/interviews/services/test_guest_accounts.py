"""A guest keeps their account: the same user, now with a username and a password."""

import pytest
from django.contrib.auth.models import AnonymousUser

from interviews.services.guests import (
    NOT_A_GUEST_MESSAGE,
    USERNAME_TAKEN_MESSAGE,
    GuestKeepRefused,
    guest_account_keep,
)
from interviews.services.invites import guest_user_create, invite_accept

PASSWORD = "a-new-passphrase-7"


@pytest.fixture
def guest(invited_session):
    token = invited_session.invite.token
    _, user = invite_accept(token=token, user=AnonymousUser(), guest_name="Gina Guest")
    return user


def test_the_guest_keeps_their_account_sessions_and_name(guest, invited_session):
    kept = guest_account_keep(user=guest, username="gina", password=PASSWORD)
    assert kept.pk == guest.pk
    kept.refresh_from_db()
    assert kept.username == "gina" and kept.has_usable_password()
    assert kept.first_name == "Gina Guest" and kept.email == ""
    invited_session.refresh_from_db()
    assert invited_session.candidate_id == guest.pk
    assert invited_session.guest_name == "Gina Guest"
    assert kept.check_password(PASSWORD)


def test_an_email_as_username_is_also_the_address_for_password_resets(db):
    guest = guest_user_create(name="Gina")
    kept = guest_account_keep(user=guest, username="gina@example.com", password=PASSWORD)
    kept.refresh_from_db()
    assert kept.username == kept.email == "gina@example.com"


@pytest.mark.parametrize("username", ["CASEY", "casey", "Casey@Example.com"])
def test_a_username_taken_whatever_its_case_is_refused(candidate, username):
    guest = guest_user_create(name="Gina")
    with pytest.raises(GuestKeepRefused) as refused:
        guest_account_keep(user=guest, username=username, password=PASSWORD)
    assert refused.value.message == USERNAME_TAKEN_MESSAGE
    guest.refresh_from_db()
    assert guest.username.startswith("guest-") and not guest.has_usable_password()


def test_an_account_with_a_password_is_not_a_guest(candidate):
    with pytest.raises(GuestKeepRefused) as refused:
        guest_account_keep(user=candidate, username="someone", password=PASSWORD)
    assert refused.value.message == NOT_A_GUEST_MESSAGE
    candidate.refresh_from_db()
    assert candidate.username == "casey"
