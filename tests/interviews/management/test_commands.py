"""create_interviewer creates or promotes; it prints a password only for a new account."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from interviews.access import is_interviewer

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_create_interviewer_makes_a_new_user_with_a_working_password(django_user_model):
    output = run("create_interviewer", "ada@example.com")
    password = re.search(r"password: (\S+)", output).group(1)
    user = django_user_model.objects.get(email="ada@example.com")
    assert is_interviewer(user)
    assert user.check_password(password)


def test_create_interviewer_promotes_an_existing_user_and_keeps_the_password(django_user_model):
    django_user_model.objects.create_user("bob", email="Bob@Example.com", password="s3cret-pass")
    output = run("create_interviewer", "bob@example.com", "--username", "bob")
    assert "password:" not in output
    assert django_user_model.objects.count() == 1
    user = django_user_model.objects.get()
    assert is_interviewer(user)
    assert user.check_password("s3cret-pass")


def test_create_interviewer_twice_is_harmless(django_user_model):
    run("create_interviewer", "ada@example.com")
    run("create_interviewer", "ada@example.com")
    assert django_user_model.objects.count() == 1


def test_create_interviewer_refuses_a_bad_email():
    with pytest.raises(CommandError, match="not a valid email"):
        run("create_interviewer", "not-an-email")


def test_seed_demo_creates_users_and_a_scored_session_once(bank, django_user_model):
    from interviews.models import InterviewSession

    first = run("seed_demo")
    assert "demo-interviewer@example.com / " in first
    assert "demo-candidate@example.com / " in first
    session = InterviewSession.objects.get(title="Demo: Docker basics")
    assert session.status == "completed"
    assert session.candidate.email == "demo-candidate@example.com"
    assert all(item.score is not None for item in session.items.all())
    assert is_interviewer(django_user_model.objects.get(email="demo-interviewer@example.com"))

    second = run("seed_demo")
    assert " / " not in second.replace("/interviewer/sessions/", "")
    assert InterviewSession.objects.filter(title="Demo: Docker basics").count() == 1
    assert django_user_model.objects.count() == 2


def test_seed_demo_imports_the_bundled_bank_when_empty():
    from content.models import Question

    run("seed_demo")
    assert Question.objects.filter(topic__slug__icontains="docker").exists()


def _signed_up(django_user_model, username: str, email: str):
    return django_user_model.objects.create_user(username, email=email, password="s3cret-pass")


@pytest.mark.parametrize("typed", ["colleague@example.com", "Colleague@Example.com"])
def test_create_interviewer_refuses_an_address_a_stranger_signed_up_with(django_user_model, typed):
    from interviews.management.commands.create_interviewer import EMAIL_OWNED_MESSAGE

    stranger = _signed_up(django_user_model, "mallory", "colleague@example.com")

    with pytest.raises(CommandError) as caught:
        run("create_interviewer", typed)

    assert str(caught.value) == EMAIL_OWNED_MESSAGE.format(email=typed, username="mallory")
    assert not is_interviewer(django_user_model.objects.get(pk=stranger.pk))
    assert django_user_model.objects.count() == 1


def test_create_interviewer_promotes_an_account_the_admin_names(django_user_model):
    colleague = _signed_up(django_user_model, "colleague", "colleague@example.com")
    output = run("create_interviewer", "colleague@example.com", "--username", "colleague")
    assert "password:" not in output
    assert is_interviewer(django_user_model.objects.get(pk=colleague.pk))


@pytest.mark.parametrize(
    ("username", "message"),
    [("nobody", "There is no account 'nobody'."), ("other", "has the address")],
)
def test_a_named_account_must_exist_and_own_the_address(django_user_model, username, message):
    _signed_up(django_user_model, "other", "other@example.com")
    with pytest.raises(CommandError, match=message):
        run("create_interviewer", "colleague@example.com", "--username", username)
    assert not any(is_interviewer(user) for user in django_user_model.objects.all())
