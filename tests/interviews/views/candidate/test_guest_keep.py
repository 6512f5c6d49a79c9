"""A guest keeps their account on the password page, and is warned before logging out."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from interviews.services.guests import USERNAME_TAKEN_MESSAGE
from tests.interviews.conftest import session_play

PASSWORD = "a-new-passphrase-7"
WARNING = "cannot come back"


@pytest.fixture
def guest_client(client, invited_session):
    client.get(reverse("interviewer:invite_open", args=[invited_session.invite.token]))
    client.post(reverse("interviewer:invite"), {"name": "Gina Guest"})
    invited_session.refresh_from_db()
    client.guest = invited_session.candidate
    return client


def keep(client, username="gina", password=PASSWORD, confirm=None):
    data = {"username": username, "password1": password, "password2": confirm or password}
    return client.post(reverse("password_change"), data)


def test_the_password_page_offers_a_guest_to_keep_their_account(guest_client):
    page = guest_client.get(reverse("password_change")).content.decode()
    assert "that link is how you get back" not in page
    assert "only once" in page and 'name="username"' in page and 'name="password1"' in page
    assert 'name="old_password"' not in page


def test_keeping_the_account_logs_in_like_anyone_else(guest_client, invited_session):
    response = keep(guest_client)
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:history")
    followed = guest_client.get(response["Location"]).content.decode()
    assert "Log out gina" in followed and "log in as gina" in followed
    guest = invited_session.candidate
    guest.refresh_from_db()
    assert guest.username == "gina" and guest.first_name == "Gina Guest"
    # The same browser stays logged in; after a log-out the new password lets them back in.
    guest_client.post(reverse("logout"))
    assert guest_client.get(reverse("interviews:history")).status_code == 302
    back = Client()
    assert (
        back.post(reverse("login"), {"username": "gina", "password": PASSWORD}).status_code == 302
    )
    assert invited_session.title in back.get(reverse("interviews:history")).content.decode()
    # The link alone admits nobody after the log-out, and says how to get back; logged in, it leads
    # to the interview.
    link = reverse("interviewer:invite_open", args=[invited_session.invite.token])
    guest_client.get(link)
    refused = guest_client.get(reverse("interviewer:invite"))
    assert refused.status_code == 410 and "kept your account, log in" in refused.content.decode()
    back.get(link)
    assert back.get(reverse("interviewer:invite"))["Location"] == invited_session.get_absolute_url()


def test_a_taken_username_is_refused_whatever_its_case_and_kept_in_the_form(
    guest_client, candidate
):
    response = keep(guest_client, username="CaSey")
    assert response.status_code == 200
    page = response.content.decode()
    assert USERNAME_TAKEN_MESSAGE.replace("'", "&#x27;") in page
    assert 'value="CaSey"' in page
    guest_client.guest.refresh_from_db()
    assert not guest_client.guest.has_usable_password()


@pytest.mark.parametrize(
    ("password", "confirm", "says"),
    [
        ("12345678", None, "too common"),
        ("short", None, "too short"),
        ("zebra-crossing-7", None, "too similar"),
        (PASSWORD, "another-passphrase-8", "didn’t match"),
    ],
)
def test_django_s_password_rules_apply(guest_client, password, confirm, says):
    response = keep(guest_client, username="zebra-crossing-7", password=password, confirm=confirm)
    assert response.status_code == 200
    page = response.content.decode()
    assert says in page and 'value="zebra-crossing-7"' in page
    guest_client.guest.refresh_from_db()
    assert not guest_client.guest.has_usable_password()


def test_someone_with_a_password_still_changes_it_the_usual_way(client, candidate):
    client.force_login(candidate)
    page = client.get(reverse("password_change")).content.decode()
    assert 'name="old_password"' in page and 'name="username"' not in page


def test_a_guest_s_log_out_asks_first_without_javascript(guest_client):
    home = guest_client.get("/").content.decode()
    confirm_url = reverse("interviews:logout_confirm")
    assert f'href="{confirm_url}"' in home
    assert f'action="{reverse("logout")}"' not in home
    page = guest_client.get(confirm_url).content.decode()
    assert WARNING in page
    assert f'href="{reverse("password_change")}"' in page and "Keep my account" in page
    form = re.search(r'<form method="post" action="/accounts/logout/"[^>]*>', page)
    assert form and "data-clears-drafts" in form.group(0)
    assert "Log out anyway" in page
    guest_client.post(reverse("logout"))
    assert guest_client.get(reverse("interviews:history")).status_code == 302


def test_someone_with_a_password_logs_out_in_one_click(client, candidate):
    client.force_login(candidate)
    home = client.get("/").content.decode()
    assert f'action="{reverse("logout")}" data-clears-drafts' in home
    assert WARNING not in client.get(reverse("interviews:logout_confirm")).content.decode()


def test_the_interview_and_its_results_offer_to_keep_the_account(
    guest_client, invited_session, candidate
):
    notice = "once you log out, you cannot come back to this interview or its results"
    interview = reverse("interviews:session_detail", args=[invited_session.pk])
    results = reverse("interviews:session_results", args=[invited_session.pk])
    assert notice in guest_client.get(interview).content.decode()
    session_play(invited_session, ["An image has layers.", "A container runs an image."])
    page = guest_client.get(results).content.decode()
    assert notice in page and f'href="{reverse("password_change")}"' in page
    # Someone with a password is told nothing of the kind.
    invited_session.candidate = candidate
    invited_session.save(update_fields=["candidate"])
    guest_client.force_login(candidate)
    assert notice not in guest_client.get(results).content.decode()
