"""In real headless Chromium, no page breaks the Content-Security-Policy: ours and the admin's."""

import re

import pytest
from playwright.sync_api import expect

from content.models import ModelAnswer, Question, Topic

# Runs in tests/browser so it shares that folder's one chromium (two sync Playwright instances
# cannot live in one thread); the page fixture there gives a fresh context on live_server.
pytestmark = [pytest.mark.django_db(transaction=True)]

# Recorded by the browser itself, whatever the console says.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def record_console(page, message) -> None:
    # Chromium asks for /favicon.ico on its own; that 404 is not a page's problem.
    if message.location.get("url", "").endswith("/favicon.ico"):
        return
    if message.type == "error" or "Content Security Policy" in message.text:
        page.console_problems.append(f"{message.location.get('url')}: {message.text}")


@pytest.fixture
def page(page):
    """The page, recording CSP violations and console errors from the first navigation on."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_problems = []
    page.on("console", lambda message: record_console(page, message))
    page.on("pageerror", lambda error: page.console_problems.append(str(error)))
    return page


@pytest.fixture
def question(db):
    topic = Topic.objects.create(name="Docker", slug="docker", description="Containers")
    question = Question.objects.create(
        topic=topic, text="What is an image?", slug="what-is-an-image"
    )
    ModelAnswer.objects.create(question=question, level="expert", text="A read-only template.")
    return question


def visit(page, url: str) -> None:
    response = page.goto(url)
    assert response.status < 400, url
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], f"{url}: {violations}"
    assert [p for p in page.console_problems if "Content Security Policy" in p] == [], url


def test_candidate_pages_run_under_the_policy(page, live_server, question):
    for path in ("/", "/topics/", "/topics/docker/", question.get_absolute_url()):
        visit(page, live_server.url + path)
    assert page.console_problems == []
    # htmx loaded (from our origin, with the nonce) and took its configuration from the meta tag.
    assert page.evaluate("htmx.config.allowEval") is False
    assert page.evaluate("htmx.config.allowScriptTags") is False


def test_admin_runs_under_the_policy(page, live_server, question, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.com", "a-long-passphrase-1")
    visit(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-passphrase-1")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    visit(page, live_server.url + "/admin/")
    model_pages = sorted(
        {
            re.sub(r"^https?://[^/]+", "", href)
            for href in page.eval_on_selector_all(
                "#content-main a[href]", "links => links.map(link => link.href)"
            )
            if re.search(r"/admin/\w+/\w+/(add/)?$", href)
        }
    )
    assert "/admin/content/topic/add/" in model_pages
    for path in model_pages:
        visit(page, live_server.url + path)
    visit(page, live_server.url + f"/admin/content/question/{question.pk}/change/")
    # The prepopulated slug is filled by the admin's own script: it ran under the policy.
    visit(page, live_server.url + "/admin/content/topic/add/")
    page.locator("#id_name").press_sequentially("Kubernetes Basics")
    assert page.input_value("#id_slug") == "kubernetes-basics"
    assert page.console_problems == []


def test_interview_and_interviewer_pages_run_under_the_policy(
    page, live_server, make_question, candidate, django_user_model
):
    """Typing (autosave by fetch), submitting and the interviewer's pages, with no violation."""
    from django.test import Client

    for number in (1, 2):
        make_question("docker", number)

    def sign_in(user) -> None:
        client = Client()
        client.force_login(user)
        page.context.clear_cookies()
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )

    sign_in(candidate)
    visit(page, live_server.url + "/practice/")
    page.check("input[name=topics]")
    page.fill("input[name=count]", "2")
    page.click("form.practice-form button[type=submit]")
    page.wait_for_selector("#answer-text")
    visit(page, page.url)
    page.locator("#answer-text").press_sequentially("An image is a read-only template.")
    page.locator("#answer-text").blur()
    # (wait_for_function would eval a string, which this very policy refuses)
    expect(page.locator("[data-save-status]")).to_contain_text("Saved")
    page.click("#answer-form button[type=submit]")
    page.wait_for_selector("form[action$='/next/']")
    assert page.evaluate("window.__cspViolations") == []
    session_path = page.url.removeprefix(live_server.url)

    staff = django_user_model.objects.create_user(
        "sam", password="a-long-passphrase-3", is_staff=True
    )
    sign_in(staff)
    session_id = session_path.strip("/").split("/")[1]
    for path in ("/interviewer/", "/interviewer/live/", f"/interviewer/sessions/{session_id}/"):
        visit(page, live_server.url + path)
    assert page.console_problems == []
