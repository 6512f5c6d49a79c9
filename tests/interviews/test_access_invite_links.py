"""Invite links, tried the ways a stranger or a wrong person would: dead links stay dead and make
no account, a token opens its own session only, tokens cannot be guessed, and an interviewer's
account cannot take someone else's interview.

The everyday behaviour (first opener wins, the token leaves the address bar, renew and revoke)
is in tests/interviews/services/test_invites.py.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from content.models import Topic
from interviews.models import INVITE_DEFAULT_LIFETIME, SessionInvite, invite_token_new
from interviews.services import invites
from interviews.services.building import SessionPlan, invited_session_create
from interviews.services.invites import (
    INVITE_EXPIRED_MESSAGE,
    INVITE_INTERVIEWER_MESSAGE,
    INVITE_REVOKED_MESSAGE,
    INVITE_UNKNOWN_MESSAGE,
    INVITE_USED_MESSAGE,
)

pytestmark = pytest.mark.django_db


def open_link(client: Client, token: str):
    """The link as a browser follows it: the token into the visitor's session, then /invite/."""
    client.get(reverse("interviewer:invite_open", args=[token]))
    return reverse("interviewer:invite")


def accounts() -> int:
    return get_user_model().objects.count()


@pytest.fixture
def second_session(bank, interviewer):
    plan = SessionPlan(title="Second", level="expert", questions=bank[1:2])
    return invited_session_create(interviewer=interviewer, plan=plan)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda invite, user: invites.invite_accept(token=invite.token, user=user),
            INVITE_USED_MESSAGE,
        ),
        (lambda invite, user: invites.invite_revoke(invite=invite), INVITE_REVOKED_MESSAGE),
        (lambda invite, user: None, INVITE_EXPIRED_MESSAGE),  # opened after its expiry below
    ],
    ids=["used", "revoked", "expired"],
)
def test_a_dead_link_lets_a_guest_in_nowhere_and_makes_no_account(
    invited_session, candidate, spoil, message
):
    invite = invited_session.invite
    spoil(invite, candidate)
    before, guest = accounts(), Client()
    with time_machine.travel(invite.expires_at + INVITE_DEFAULT_LIFETIME):
        page = open_link(guest, invite.token)
        for response in (guest.get(page), guest.post(page, {"name": "Mallory"})):
            assert response.status_code == 410
            assert message in response.content.decode()
        assert accounts() == before
        # Still nobody: the interview pages send the visitor to log in.
        interview = guest.get(reverse("interviews:session_detail", args=[invited_session.pk]))
        assert interview.status_code == 302 and interview["Location"].startswith("/accounts/login/")
    invited_session.refresh_from_db()
    assert invited_session.candidate in (None, candidate)


def test_a_token_opens_its_own_session_and_no_other(invited_session, second_session):
    guest = Client()
    guest.post(open_link(guest, second_session.invite.token), {"name": "Gina"})
    second_session.refresh_from_db()
    assert second_session.candidate is not None
    assert (
        guest.get(reverse("interviews:session_detail", args=[second_session.pk])).status_code == 200
    )
    for name in ("interviews:session_detail", "interviews:session_results"):
        assert guest.get(reverse(name, args=[invited_session.pk])).status_code == 404
    invited_session.refresh_from_db()
    assert invited_session.candidate is None and invited_session.invite.accepted_at is None


def test_a_renewed_link_replaces_the_old_token_for_good(invited_session):
    old = invited_session.invite.token
    invites.invite_renew(invite=invited_session.invite)
    response = Client().get(reverse("interviewer:invite_open", args=[old]))
    assert response.status_code == 404 and INVITE_UNKNOWN_MESSAGE in response.content.decode()


def test_a_token_that_is_almost_right_opens_nothing(invited_session):
    token = invited_session.invite.token
    for guess in (token[:-1], token + "A", token.upper(), token.swapcase(), token[1:] + token[0]):
        if guess == token:
            continue
        response = Client().get(reverse("interviewer:invite_open", args=[guess]))
        assert response.status_code == 404, guess


def test_tokens_carry_256_random_bits_in_the_url_safe_alphabet():
    tokens = [invite_token_new() for _ in range(2000)]
    assert len(set(tokens)) == len(tokens)
    assert {len(token) for token in tokens} == {43}  # 32 bytes of base64 without padding
    alphabet = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert set("".join(tokens)) <= alphabet
    # Every character equally likely: the first 42 characters carry 6 bits each (the last, 4).
    counts = Counter(character for token in tokens for character in token[:42])
    entropy = -sum(n / counts.total() * math.log2(n / counts.total()) for n in counts.values())
    assert entropy > 5.95
    assert SessionInvite._meta.get_field("token").max_length >= 43


def test_a_signed_in_interviewer_cannot_take_another_interviewer_s_interview(
    client, invited_session, other_interviewer, bank
):
    """An interviewer's account reads every model answer on the question pages, so taking an
    interview with it would show the answers of the questions still to come. They are told to
    take it as a guest (logged out) instead, and the link stays open for that."""
    Topic.objects.update(is_published=True, shared_with_everyone=True)
    client.force_login(other_interviewer)
    page = open_link(client, invited_session.invite.token)
    shown = client.get(page)
    assert shown.status_code == 200
    assert INVITE_INTERVIEWER_MESSAGE in shown.content.decode()
    assert "Accept and continue" not in shown.content.decode()
    refused = client.post(page)
    assert refused.status_code == 200 and INVITE_INTERVIEWER_MESSAGE in refused.content.decode()
    invited_session.refresh_from_db()
    assert invited_session.candidate is None and invited_session.invite.status == "open"

    guest = Client()
    accepted = guest.post(open_link(guest, invited_session.invite.token), {"name": "Ivan"})
    assert accepted["Location"] == reverse("interviews:session_detail", args=[invited_session.pk])
    question = guest.get(bank[1].get_absolute_url()).content.decode()
    assert "running instance of an image" not in question  # bank[1]'s model answer
