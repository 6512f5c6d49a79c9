"""Sign-up, log in and out, password change and reset, and login throttling."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

PASSWORD = "a-long-passphrase-1"
LOCKED_TEXT = "Too many failed log-in attempts"


@pytest.fixture
def axes_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.25  # hours
    return 3


def test_signup_creates_a_candidate_and_logs_in(client, db):
    response = client.post(
        reverse("interviews:signup"),
        {
            "username": "newbie",
            "email": "newbie@example.com",
            "password1": "correct horse battery",
            "password2": "correct horse battery",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:practice_new")
    user = get_user_model().objects.get(username="newbie")
    assert not user.is_staff and user.email == "newbie@example.com"
    page = client.get(reverse("interviews:practice_new")).content.decode()
    assert "Welcome, newbie!" in page and "Log out newbie" in page


def test_signup_mistakes_get_messages(client, db):
    response = client.post(
        reverse("interviews:signup"),
        {"username": "x", "email": "not-an-email", "password1": "123", "password2": "456"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter a valid email address." in content
    assert "The two password fields didn" in content


def test_login_and_logout_by_post(client, candidate):
    response = client.post(
        reverse("login"), {"username": "casey", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1] == (reverse("interviews:home"), 302)
    assert "Log out casey" in client.get("/").content.decode()
    assert client.get(reverse("logout")).status_code == 405  # log out only by POST
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "Log in" in client.get("/").content.decode()


def test_wrong_password_says_so(client, candidate):
    response = client.post(reverse("login"), {"username": "casey", "password": "nope"})
    assert response.status_code == 200
    assert "didn't match" in response.content.decode().replace("&#x27;", "'")


def test_password_change(client, candidate):
    client.force_login(candidate)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another long phrase",
            "new_password2": "another long phrase",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    candidate.refresh_from_db()
    assert candidate.check_password("another long phrase")


def test_password_reset_by_email(client, candidate, settings):
    response = client.post(reverse("password_reset"), {"email": "casey@example.com"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Mock Interview password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session value
    response = client.post(
        form_url, {"new_password1": "brand new phrase 9", "new_password2": "brand new phrase 9"}
    )
    assert response["Location"] == reverse("password_reset_complete")
    candidate.refresh_from_db()
    assert candidate.check_password("brand new phrase 9")


def failed_login(client):
    return client.post(reverse("login"), {"username": "casey", "password": "wrong"})


def test_failed_logins_lock_out_with_a_friendly_page_then_cool_off(client, candidate, axes_limit):
    start = dt.datetime(2026, 5, 1, 23, 55, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(axes_limit - 1):
            assert LOCKED_TEXT not in failed_login(client).content.decode()
        locked = failed_login(client)
        assert locked.status_code == 429
        assert LOCKED_TEXT in locked.content.decode()
        assert "paused for 15 minutes" in locked.content.decode()
        # Even the right password is refused while locked.
        right = client.post(reverse("login"), {"username": "casey", "password": PASSWORD})
        assert right.status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=14), tick=False):
        right = client.post(reverse("login"), {"username": "casey", "password": PASSWORD})
        assert right.status_code == 429
    # A refused attempt counts too, so the 15-minute cool-off runs from the last one.
    with time_machine.travel(start + dt.timedelta(minutes=28, seconds=59), tick=False):
        right = client.post(reverse("login"), {"username": "casey", "password": PASSWORD})
        assert right.status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=44, seconds=1), tick=False):
        right = client.post(reverse("login"), {"username": "casey", "password": PASSWORD})
        assert right.status_code == 302


def test_lockout_is_per_username_and_address(client, candidate, other_user, axes_limit):
    for _ in range(axes_limit):
        failed_login(client)
    other = client.post(reverse("login"), {"username": "olive", "password": "a-long-passphrase-2"})
    assert other.status_code == 302


@pytest.mark.parametrize("address", ["casey@example.com", "CASEY@Example.COM", "casey@EXAMPLE.com"])
def test_signup_refuses_an_address_another_account_has_in_any_case(client, candidate, address):
    from interviews.forms.candidate import EMAIL_TAKEN_MESSAGE

    response = client.post(
        reverse("interviews:signup"),
        {
            "username": "impostor",
            "email": address,
            "password1": "correct horse battery",
            "password2": "correct horse battery",
        },
    )

    assert response.status_code == 200
    assert str(EMAIL_TAKEN_MESSAGE).replace("'", "&#x27;") in response.content.decode()
    assert not get_user_model().objects.filter(username="impostor").exists()


def test_an_interviewer_lands_on_their_sessions_after_login(client, candidate):
    from interviews.access import interviewer_grant

    interviewer_grant(user=candidate)
    response = client.post(
        reverse("login"), {"username": "casey", "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1] == ("/interviewer/", 302)


def test_an_explicit_next_still_wins_after_login(client, candidate):
    response = client.post(
        reverse("login") + "?next=/sessions/",
        {"username": "casey", "password": PASSWORD},
    )
    assert response["Location"] == "/sessions/"


def test_a_guest_is_offered_to_keep_their_account_not_a_form_they_cannot_fill_in(client, db):
    from interviews.services.invites import guest_user_create

    guest = guest_user_create(name="Gina Guest")
    client.force_login(guest)
    change_url = reverse("password_change")

    home = client.get(reverse("interviews:home")).content.decode()
    page = client.get(change_url)

    assert f'<a href="{change_url}">Keep my account</a>' in home
    assert ">Password</a>" not in home
    assert page.status_code == 200
    assert 'name="old_password"' not in page.content.decode()
    assert "without a password" in page.content.decode()


def test_an_account_with_a_password_keeps_the_link_and_the_form(client, candidate):
    client.force_login(candidate)
    change_url = reverse("password_change")
    assert f'href="{change_url}"' in client.get(reverse("interviews:home")).content.decode()
    assert 'name="old_password"' in client.get(change_url).content.decode()


SIGNUP = {
    "username": "newbie",
    "email": "newbie@example.com",
    "password1": "correct horse battery",
    "password2": "correct horse battery",
}


def test_signup_carries_next_from_the_login_page_to_where_it_leads(client, db):
    """Sent to log in on the way to a page, a new candidate signs up instead and gets there."""
    login_page = client.get("/accounts/login/?next=/review/").content.decode()
    assert 'href="/accounts/signup/?next=/review/"' in login_page
    page = client.get("/accounts/signup/?next=/review/").content.decode()
    assert '<input type="hidden" name="next" value="/review/">' in page
    assert 'href="/accounts/login/?next=/review/"' in page
    # A mistake shows the form again, still on the way there.
    refused = client.post("/accounts/signup/", {**SIGNUP, "password2": "other", "next": "/review/"})
    assert '<input type="hidden" name="next" value="/review/">' in refused.content.decode()
    response = client.post("/accounts/signup/", {**SIGNUP, "next": "/review/"})
    assert response.status_code == 302 and response["Location"] == "/review/"


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_signup_ignores_a_next_that_leaves_the_site(client, db, unsafe):
    page = client.get("/accounts/signup/", {"next": unsafe}).content.decode()
    assert "evil.example" not in page and "javascript:" not in page
    response = client.post("/accounts/signup/", {**SIGNUP, "next": unsafe})
    assert response["Location"] == reverse("interviews:practice_new")
