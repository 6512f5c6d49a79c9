"""A guest who keeps their account gets back to their interview after logging out.

The invite link opens once, so a guest's only way back is a username and a password of their own;
logging out warns them first, and the final log-out still drops the answer drafts of this browser.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-new-passphrase-7"


@pytest.fixture
def invited(django_user_model):
    from content.models import ModelAnswer, Question, Topic
    from interviews.access import interviewer_grant
    from interviews.services.building import SessionPlan, invited_session_create

    topic = Topic.objects.create(name="Docker", slug="docker")
    question = Question.objects.create(topic=topic, text="What is an image?", slug="q1")
    ModelAnswer.objects.create(question=question, level="expert", text="A read-only template.")
    ivy = django_user_model.objects.create_user("ivy", password="x-pw-123!")
    interviewer_grant(user=ivy)
    plan = SessionPlan(title="Round one", level="expert", questions=[question])
    return invited_session_create(interviewer=ivy, plan=plan)


def leave_a_draft(page) -> None:
    """An answer draft of this page's user, as interview.js names it ("draft:<user>:...")."""
    page.evaluate(
        "() => window.localStorage.setItem(document.body.dataset.draftsOwner + '1:1', 'typed')"
    )
    assert page.evaluate("() => window.localStorage.length") == 1


def test_a_guest_keeps_their_account_logs_out_and_comes_back(page, live_server, invited):
    page.goto(f"/invite/{invited.invite.token}/")
    page.get_by_label("Your name").fill("Gina Guest")
    page.get_by_role("button", name="Accept and continue").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    interview_url = page.url

    page.get_by_role("link", name="Keep my account").first.click()
    page.get_by_label("Username or email address").fill("gina")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Keep my account").click()
    expect(page.get_by_role("status")).to_contain_text("log in as gina")

    # An answer draft left in this browser goes with the log-out, as for anyone.
    leave_a_draft(page)
    page.get_by_role("button", name="Log out gina").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    assert page.evaluate("() => window.localStorage.length") == 0

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("gina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/sessions/")
    page.get_by_role("link", name="Round one").click()
    expect(page).to_have_url(interview_url)
    expect(page.get_by_role("button", name="Start")).to_be_visible()


def test_a_guest_s_log_out_warns_first(page, invited):
    page.goto(f"/invite/{invited.invite.token}/")
    page.get_by_label("Your name").fill("Gina Guest")
    page.get_by_role("button", name="Accept and continue").click()
    leave_a_draft(page)

    page.get_by_role("link", name="Log out guest-gina-guest-").click()
    expect(page.get_by_text("you cannot come back to your interview")).to_be_visible()
    expect(page.get_by_role("link", name="Keep my account").last).to_be_visible()
    page.get_by_role("button", name="Log out anyway").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    assert page.evaluate("() => window.localStorage.length") == 0
