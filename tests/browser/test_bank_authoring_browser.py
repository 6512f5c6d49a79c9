"""End to end in headless Chromium: an interviewer writes a bank, runs a session on it for a guest,
edits a wording (the session keeps what it asked), restores the earlier revision, and exports the
bank to Markdown and imports it back without changing anything."""

import re

import pytest
from playwright.sync_api import expect

from tests.content.formats.conftest import snapshot

# The new_context and login fixtures come from tests/browser/conftest.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTIONS = [
    (
        "What is a readiness probe?",
        "A readiness probe tells Kubernetes when a pod can receive traffic.\n"
        "- A failing readiness probe removes the pod from service endpoints\n"
        "- A liveness probe restarts a stuck container",
        "A readiness probe says when the pod is ready for requests.",
    ),
    (
        "What does a Deployment do?",
        "A Deployment manages ReplicaSets and rolls out new pod versions gradually.\n"
        "Tip: kubectl rollout undo goes back one version.",
        "A Deployment keeps the wanted number of pods running.",
    ),
]


def _write_question(page, text: str, expert: str, beginner: str) -> None:
    page.get_by_label("Question", exact=True).fill(text)
    page.get_by_label("Expert answer").fill(expert)
    page.get_by_label("Beginner answer").fill(beginner)


DESCRIPTION = "Probes, deployments and rollouts.\nFor backend developers."


def test_interviewer_writes_a_bank_and_runs_it(new_context, login, django_user_model, tmp_path):
    from content.models import Question
    from interviews.access import interviewer_grant

    ivy = django_user_model.objects.create_user("ivy", "ivy@example.com", "x-pw-123!")
    interviewer_grant(user=ivy)
    page = new_context().new_page()
    login(page, ivy)

    # A new bank, then two questions with both answers.
    page.goto("/bank/new/")
    page.get_by_label("Name").fill("Kubernetes drills")
    page.get_by_label("Description").fill(DESCRIPTION)
    page.get_by_role("button", name="Create the bank").click()
    expect(page.get_by_role("heading", name="New question")).to_be_visible()

    text, expert, beginner = QUESTIONS[0]
    _write_question(page, text, expert, beginner)
    # The live preview (htmx) renders the list as the bank will show it, before any save.
    preview = page.locator("#preview")
    expect(preview.locator("li", has_text="A liveness probe restarts")).to_be_visible()
    # The Preview button posts the page (the path without JavaScript) and keeps what was typed.
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#preview li", has_text="service endpoints")).to_be_visible()
    expect(page.get_by_label("Beginner answer")).to_have_value(beginner)
    assert not Question.objects.exists()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Edit question")).to_be_visible()
    first = Question.objects.get(text=text)
    labels = list(first.concepts.filter(is_active=True).values_list("label", flat=True))
    assert "liveness probe restarts" in labels
    expect(page.locator("#concepts li")).to_have_count(first.concepts.count())
    expect(page.locator("#concepts")).to_contain_text("liveness probe restarts")

    page.get_by_role("link", name="Kubernetes drills").click()
    page.get_by_role("link", name="Add a question").click()
    _write_question(page, *QUESTIONS[1])
    expect(page.locator("#preview .callout-tip")).to_contain_text("kubectl rollout undo")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#concepts li").first).to_be_visible()
    assert Question.objects.filter(topic__name="Kubernetes drills").count() == 2

    # A session on the bank for a guest, who opens the invite link in another context.
    page.goto("/interviewer/sessions/new/")
    page.get_by_label("Topic").select_option(label="Kubernetes drills")
    page.wait_for_load_state("networkidle")  # the results are swapped in before picking
    page.get_by_label(re.compile("What is a readiness probe")).check()
    page.get_by_label(re.compile("What does a Deployment do")).check()
    page.get_by_label("Session title").fill("Kubernetes round")
    page.get_by_role("button", name="Create session and invite link").click()
    invite_url = page.locator("#invite-url").input_value()
    session_path = page.url.rstrip("/")
    guest = new_context().new_page()
    guest.goto(invite_url)
    guest.get_by_label("Your name").fill("Gina Guest")
    guest.get_by_role("button", name="Accept and continue").click()
    guest.get_by_role("button", name="Start").click()
    expect(guest.locator(".question-text")).to_have_text(QUESTIONS[0][0])
    guest.locator("#answer-text").fill("It removes a pod that is not ready from the endpoints.")
    guest.get_by_role("button", name="Submit answer").click()
    expect(guest.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    guest.locator("#answer-text").fill("It rolls out new pod versions gradually.")
    guest.get_by_role("button", name="Submit answer").click()
    expect(guest).to_have_url(re.compile(r"/sessions/\d+/results/$"))

    # Edit the wording: same question (same address), a new revision.
    editor = f"/bank/questions/{first.slug}/"
    page.goto(editor)
    page.get_by_label("Question", exact=True).fill("When is a pod ready for traffic?")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved a new revision.")).to_be_visible()
    assert page.url.endswith(editor)
    first.refresh_from_db()
    assert first.text == "When is a pod ready for traffic?"
    # The earlier session still shows the wording it asked, to both sides.
    page.goto(f"{session_path}/transcript/")
    expect(page.locator("#item-1")).to_contain_text(QUESTIONS[0][0])
    expect(page.locator("main")).not_to_contain_text("When is a pod ready")
    guest.reload()
    expect(guest.locator("main")).to_contain_text(QUESTIONS[0][0])

    # History: the diff is in the page; restoring revision 1 brings the wording back.
    page.goto(f"{editor}history/")
    expect(page.locator("#revision-2 .diff-added")).to_contain_text("When is a pod ready")
    expect(page.locator("#revision-2 .diff-removed")).to_contain_text(QUESTIONS[0][0])
    page.get_by_role("button", name="Restore revision 1").click()
    expect(page.get_by_text("Restored revision 1 as a new revision.")).to_be_visible()
    expect(page.get_by_role("heading", name="Revision 3 (current)")).to_be_visible()
    first.refresh_from_db()
    assert first.text == QUESTIONS[0][0]
    assert first.revisions.count() == 3

    # Export the bank to Markdown and import the file back: the preview finds nothing to change.
    page.goto(f"/topics/{first.topic.slug}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Markdown").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    before = snapshot()
    page.get_by_role("link", name="import a file").click()
    page.get_by_label("Bank file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator("#import-summary")).to_contain_text(
        "0 questions to create, 0 to update, 2 left as they are"
    )
    expect(page.locator("#import-nothing")).to_be_visible()
    assert snapshot() == before
    assert first.topic.__class__.objects.get(pk=first.topic_id).description == DESCRIPTION
