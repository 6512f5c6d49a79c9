"""The invite token leaves the address bar after the first request: no later URL or Referer has it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    plan = SessionPlan(title="Round", level="expert", questions=[question], per_item_seconds=120)
    return invited_session_create(interviewer=ivy, plan=plan)


def test_only_the_first_request_carries_the_invite_token(page, live_server, invited):
    token = invited.invite.token
    seen: list[tuple[str, str]] = []
    page.on(
        "request", lambda request: seen.append((request.url, request.headers.get("referer", "")))
    )

    page.goto(f"/invite/{token}/")
    expect(page).to_have_url(f"{live_server.url}/invite/")
    page.get_by_label("Your name").fill("Gina Guest")
    page.get_by_role("button", name="Accept and continue").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Question 1 of 1")).to_be_visible()

    assert seen[0][0].endswith(f"/invite/{token}/")
    later = seen[1:]
    assert any(url.endswith(".css") for url, _ in later), "static files were requested"
    assert any("/sessions/" in url for url, _ in later), "later pages were requested"
    carrying = [(url, referer) for url, referer in later if token in url or token in referer]
    assert carrying == []
    assert token not in page.content()
