"""End to end in headless Chromium: an interviewer invites, a guest answers, the interviewer watches
live, reviews the transcript, overrides a score and exports it. Two browser contexts, one server."""

import csv
import io
import json
import re

import pytest
from playwright.sync_api import expect

# The browser, new_context and login fixtures come from tests/browser/conftest.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bank(db):
    from content.models import Concept, ModelAnswer, Question, Topic

    topic = Topic.objects.create(name="Docker", slug="docker")
    rows = [
        (
            "What is a Docker image?",
            "An image is a read-only template made of layers.",
            ["layers", "read-only template"],
        ),
        (
            "What is a container?",
            "A container is a running instance of an image.",
            ["running instance", "image"],
        ),
    ]
    questions = []
    for position, (text, answer, labels) in enumerate(rows):
        question = Question.objects.create(
            topic=topic, text=text, slug=f"q{position}", position=position
        )
        ModelAnswer.objects.create(question=question, level="expert", text=answer)
        for rank, label in enumerate(labels):
            Concept.objects.create(question=question, label=label, rank=rank)
        questions.append(question)
    return questions


def test_invited_session_end_to_end(new_context, login, bank, django_user_model, tmp_path):
    from interviews.access import interviewer_grant

    ivy = django_user_model.objects.create_user(
        "ivy", email="ivy@example.com", password="x-pw-123!"
    )
    interviewer_grant(user=ivy)
    interviewer_page = new_context().new_page()
    login(interviewer_page, ivy)

    # Build the session: search the bank, pick both questions, 3 minutes each.
    interviewer_page.goto("/interviewer/sessions/new/")
    interviewer_page.get_by_label("Search questions").fill("image")
    expect(interviewer_page.locator("#question-results")).not_to_contain_text("a container?")
    interviewer_page.get_by_label(re.compile("What is a Docker image")).check()
    interviewer_page.get_by_label("Search questions").fill("")
    expect(interviewer_page.locator("#question-results")).to_contain_text("a container?")
    interviewer_page.get_by_label(re.compile("What is a container")).check()
    interviewer_page.get_by_label("Session title").fill("Platform round")
    interviewer_page.get_by_label("Candidate's name").fill("Gina")
    interviewer_page.get_by_role("button", name="Create session and invite link").click()
    expect(interviewer_page.get_by_role("heading", name="Platform round")).to_be_visible()
    invite_url = interviewer_page.locator("#invite-url").input_value()
    # Our script runs under the strict CSP: it reveals the copy button.
    expect(interviewer_page.get_by_role("button", name="Copy link")).to_be_visible()
    assert "/invite/" in invite_url
    expect(interviewer_page.locator("#progress")).to_contain_text("0 of 2")

    # The candidate, a guest in another context, accepts the invite and answers.
    candidate_page = new_context().new_page()
    candidate_page.goto(invite_url)
    candidate_page.get_by_label("Your name").fill("Gina Guest")
    candidate_page.get_by_role("button", name="Accept and continue").click()
    candidate_page.get_by_role("button", name="Start").click()
    # The questions keep the order they were picked in (image first); this answer covers both.
    expect(candidate_page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    candidate_page.locator("#answer-text").fill(
        "An image is a read-only template of layers; a container is a running instance of it."
    )
    candidate_page.get_by_role("button", name="Submit answer").click()

    # The interviewer's page updates itself: no reload.
    expect(interviewer_page.locator("#progress")).to_contain_text("1 of 2", timeout=20_000)
    expect(interviewer_page.locator("#progress")).to_contain_text("Now on question 2")

    # Invited sessions give feedback at the end, so the next question follows at once.
    expect(candidate_page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    candidate_page.locator("#answer-text").fill("It is made of layers.")
    candidate_page.get_by_role("button", name="Submit answer").click()
    expect(candidate_page).to_have_url(re.compile(r"/sessions/\d+/results/$"))

    # A second person cannot use the same link.
    stranger = new_context().new_page()
    stranger_response = stranger.goto(invite_url)
    assert stranger_response.status == 410
    expect(stranger.get_by_role("alert")).to_contain_text("already been used")

    expect(interviewer_page.locator("#progress")).to_contain_text("2 of 2", timeout=20_000)
    interviewer_page.get_by_role("link", name="Open the transcript").click()

    # Review: untick a concept and override the first question's score with a reason.
    first = interviewer_page.locator("#item-1")
    auto_score = first.locator(".auto-score").inner_text()
    expect(first.locator("mark.concept-hit").first).to_be_visible()
    first.get_by_role("button", name="Mark “layers” missing").click()
    expect(first.locator(".concept-corrected")).to_contain_text("scorer said present")
    first.get_by_label("Override score (0-100, empty to clear)").fill("35")
    first.get_by_label("Reason").fill("Too shallow for this level")
    first.get_by_role("button", name="Save score").click()
    first = interviewer_page.locator("#item-1")
    expect(first.locator(".human-score")).to_have_text("35")
    expect(first.locator(".auto-score")).to_have_text(auto_score)
    interviewer_page.screenshot(path=str(tmp_path / "transcript.png"), full_page=True)

    # Printing (to PDF) leaves out navigation and the review controls but keeps the content.
    interviewer_page.emulate_media(media="print")
    expect(interviewer_page.locator(".subnav")).to_be_hidden()
    expect(first.locator("form.override")).to_be_hidden()
    expect(first.locator(".human-score")).to_be_visible()
    expect(first.locator("mark.concept-hit").first).to_be_visible()
    interviewer_page.emulate_media(media="screen")

    # Export: the stable URLs carry the human and the automatic score.
    session_path = interviewer_page.url.split("/transcript/")[0]
    exported = json.loads(interviewer_page.request.get(f"{session_path}/transcript.json").text())
    item = exported["items"][0]
    assert item["score_override"] == 35 and item["override_reason"] == "Too shallow for this level"
    # The transcript shows the automatic score to a whole point (97.7 reads "98").
    assert abs(item["automatic_score"] - float(auto_score)) <= 0.5
    assert {change["field"] for change in exported["changes"]} == {"concept", "score_override"}
    rows = list(
        csv.DictReader(
            io.StringIO(interviewer_page.request.get(f"{session_path}/transcript.csv").text())
        )
    )
    assert rows[0]["final_score"] == "35.0"
    assert exported["session"]["candidate"] == "Gina Guest"


@pytest.fixture
def running(bank, django_user_model, candidate):
    """running(title) -> (ivy, session): an interviewer's invited session over the bank, which
    `candidate` has started."""
    from interviews.access import interviewer_grant
    from interviews.services import session_start
    from interviews.services.building import SessionPlan, invited_session_create

    ivy = django_user_model.objects.create_user("ivy", "ivy@example.com", "x-pw-123!")
    interviewer_grant(user=ivy)

    def start(title: str):
        session = invited_session_create(
            interviewer=ivy, plan=SessionPlan(title=title, level="expert", questions=bank)
        )
        session.candidate = candidate
        session.save(update_fields=["candidate"])
        session_start(session=session)
        return ivy, session

    return start


def test_the_interviewer_ends_an_interview_the_candidate_left(new_context, login, running):
    from interviews.models import InterviewSession

    ivy, session = running("Left running")

    page = new_context().new_page()
    login(page, ivy)
    page.goto(f"/interviewer/sessions/{session.pk}/")
    expect(page.get_by_role("link", name="Open the transcript")).to_have_count(0)
    page.get_by_role("button", name="End the interview now…").click()
    expect(page.get_by_role("heading", name=re.compile("^End .* now\\?$"))).to_be_visible()
    page.get_by_role("button", name="End the interview now").click()
    expect(page.get_by_role("link", name="Open the transcript")).to_be_visible()
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.ENDED


def test_the_live_list_refresh_leaves_the_keyboard_focus_where_it_was(new_context, login, running):
    """The list is replaced every few seconds: a session link reached with Tab must stay focused,
    or Enter does nothing and the keyboard user starts again from the top."""
    ivy, session = running("Watched")

    page = new_context().new_page()
    login(page, ivy)
    page.goto("/interviewer/live/")
    link = page.get_by_role("link", name="Watched")
    link.focus()
    swapped = "() => new Promise(done => document.body.addEventListener('htmx:afterSettle', done, {once: true}))"
    page.evaluate(swapped)  # the next refresh
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/interviewer/sessions/{session.pk}/$"))


def test_the_session_builder_fits_a_phone_with_a_long_address_in_a_question(
    new_context, login, bank, django_user_model
):
    from interviews.access import interviewer_grant

    ivy = django_user_model.objects.create_user("ivy", "ivy@example.com", "x-pw-123!")
    interviewer_grant(user=ivy)
    bank[0].text = (
        "What does https://docs.docker.com/engine/storage/volumes/#start-a-container-with-a-volume "
        "describe?"
    )
    bank[0].save()
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    login(page, ivy)
    for url in ("/interviewer/sessions/new/", f"/interviewer/sessions/new/?questions={bank[0].pk}"):
        page.goto(url)
        expect(page.get_by_text("https://docs.docker.com").first).to_be_visible()
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] == widths[1], url


@pytest.mark.parametrize("javascript", [True, False])
def test_the_live_pages_say_how_they_update(new_context, login, running, javascript):
    """Without JavaScript nothing refreshes: the pages must not promise it, and say to reload."""
    ivy, session = running("Watched")

    page = new_context(java_script_enabled=javascript).new_page()
    login(page, ivy)
    for url in ("/interviewer/live/", f"/interviewer/sessions/{session.pk}/"):
        page.goto(url)
        # Playwright's text matching skips <noscript>: its text is read from the DOM instead.
        shown = page.evaluate(
            "() => [...document.querySelectorAll('main noscript')]"
            ".filter(e => e.getClientRects().length || e.firstElementChild?.getClientRects().length)"
            ".map(e => e.textContent).join(' ')"
        )
        if javascript:
            assert shown == ""
        else:
            assert "reload the page" in shown
