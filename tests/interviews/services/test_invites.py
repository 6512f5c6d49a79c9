"""Invite links: first opener wins; revoked, expired, unknown and used links get a clear page."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from interviews.models import INVITE_DEFAULT_LIFETIME
from interviews.services import invites
from interviews.services.invites import (
    GUEST_NAME_MISSING_MESSAGE,
    INVITE_EXPIRED_MESSAGE,
    INVITE_OWN_MESSAGE,
    INVITE_REVOKED_MESSAGE,
    INVITE_UNKNOWN_MESSAGE,
    INVITE_USED_MESSAGE,
    InviteRefused,
)

pytestmark = pytest.mark.django_db


def invite_url(session) -> str:
    return reverse("interviewer:invite_open", args=[session.invite.token])


def invite_page(client, session) -> str:
    """Open the link as a browser does: the token goes into the session, the page is /invite/."""
    client.get(invite_url(session))
    return reverse("interviewer:invite")


def test_tokens_are_long_and_unique(invited_session, bank, interviewer):
    from interviews.services.building import SessionPlan, invited_session_create

    other = invited_session_create(
        interviewer=interviewer, plan=SessionPlan(title="b", level="expert", questions=bank[:1])
    )
    assert len(invited_session.invite.token) >= 43
    assert invited_session.invite.token != other.invite.token


def test_signed_in_candidate_accepts_and_lands_on_the_interview(client, candidate, invited_session):
    client.force_login(candidate)
    response = client.post(invite_page(client, invited_session))
    assert response["Location"] == reverse("interviews:session_detail", args=[invited_session.pk])
    invited_session.refresh_from_db()
    assert invited_session.candidate == candidate
    assert invited_session.invite.accepted_by == candidate
    # The interview page lets them in.
    assert client.get(response["Location"]).status_code == 200


def test_guest_must_give_a_name(client, invited_session):
    response = client.post(invite_page(client, invited_session), {"name": "   "})
    assert response.status_code == 200
    assert GUEST_NAME_MISSING_MESSAGE in response.content.decode()
    invited_session.refresh_from_db()
    assert invited_session.candidate is None


def test_a_used_link_refuses_a_signed_in_second_person(
    client, candidate, other_candidate, invited_session
):
    invites.invite_accept(token=invited_session.invite.token, user=candidate)
    client.force_login(other_candidate)
    for response in (
        client.get(invite_page(client, invited_session)),
        client.post(invite_page(client, invited_session)),
    ):
        assert response.status_code == 410
        assert INVITE_USED_MESSAGE in response.content.decode()
    invited_session.refresh_from_db()
    assert invited_session.candidate == candidate


def test_revoked_link_is_gone(client, invited_session):
    invites.invite_revoke(invite=invited_session.invite)
    response = client.get(invite_page(client, invited_session))
    assert response.status_code == 410
    assert INVITE_REVOKED_MESSAGE in response.content.decode()


def test_unknown_link_is_not_found():
    response = Client().get(reverse("interviewer:invite_open", args=["no-such-token"]))
    assert response.status_code == 404
    assert INVITE_UNKNOWN_MESSAGE in response.content.decode()


def test_link_expires_at_its_expiry(invited_session):
    created = invited_session.invite.expires_at - INVITE_DEFAULT_LIFETIME
    url = invite_url(invited_session)
    with time_machine.travel(invited_session.invite.expires_at - timedelta(seconds=1)):
        assert Client().get(url, follow=True).status_code == 200
    with time_machine.travel(invited_session.invite.expires_at):
        response = Client().get(url, follow=True)
        assert response.status_code == 410
        assert INVITE_EXPIRED_MESSAGE in response.content.decode()
    assert created < invited_session.invite.expires_at


def test_interviewer_cannot_take_their_own_invite(client, interviewer, invited_session):
    client.force_login(interviewer)
    response = client.get(invite_page(client, invited_session))
    assert response.status_code == 200
    page = response.content.decode()
    assert INVITE_OWN_MESSAGE in page
    # No button that can only be refused again: the way back to the session instead.
    assert "Accept and continue" not in page and "You will take it as" not in page
    assert f'href="{reverse("interviewer:session_detail", args=[invited_session.pk])}"' in page
    with pytest.raises(InviteRefused):
        invites.invite_accept(token=invited_session.invite.token, user=interviewer)


def test_renew_replaces_the_token_and_revoke_from_the_page(client, interviewer, invited_session):
    old_url = invite_url(invited_session)
    client.force_login(interviewer)
    client.post(reverse("interviewer:invite_renew", args=[invited_session.pk]))
    invited_session.invite.refresh_from_db()
    replaced = Client().get(old_url)
    # The old link says a newer one may have replaced it, not only that it was mistyped.
    assert replaced.status_code == 404 and "newer link" in replaced.content.decode()
    assert Client().get(invite_url(invited_session), follow=True).status_code == 200
    client.post(reverse("interviewer:invite_revoke", args=[invited_session.pk]))
    invited_session.invite.refresh_from_db()
    assert invited_session.invite.status == "revoked"
    assert Client().get(invite_url(invited_session), follow=True).status_code == 410


def test_an_accepted_invite_cannot_be_renewed(candidate, invited_session):
    invites.invite_accept(token=invited_session.invite.token, user=candidate)
    invited_session.invite.refresh_from_db()
    with pytest.raises(InviteRefused):
        invites.invite_renew(invite=invited_session.invite)
    assert invited_session.invite.accepted_at <= timezone.now()


def test_guest_usernames_read_well_and_never_collide():
    first = invites.guest_user_create(name="Gina Guest")
    second = invites.guest_user_create(name="Gina Guest")
    assert first.username.startswith("guest-gina-guest-")
    assert first.username != second.username
    assert invites.guest_user_create(name="李").username.startswith("guest-")


def test_the_link_redirects_to_a_page_without_the_token_and_no_later_page_has_it(
    client, invited_session
):
    token = invited_session.invite.token

    first = client.get(invite_url(invited_session))

    assert first.status_code == 302 and first["Location"] == reverse("interviewer:invite")
    page = client.get(first["Location"])
    assert page.status_code == 200 and token not in page.content.decode()
    accepted = client.post(page.request["PATH_INFO"], {"name": "Gina Guest"})
    assert token not in accepted["Location"]
    interview = client.get(accepted["Location"])
    assert interview.status_code == 200 and token not in interview.content.decode()
    # Coming back to the token-less page lets the guest straight into their interview.
    assert client.get(reverse("interviewer:invite"))["Location"] == accepted["Location"]


def test_the_token_less_page_without_a_link_opened_is_not_found(client, invited_session):
    response = client.get(reverse("interviewer:invite"))
    assert response.status_code == 404
    assert INVITE_UNKNOWN_MESSAGE in response.content.decode()
