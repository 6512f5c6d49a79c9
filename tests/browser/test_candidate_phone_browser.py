"""The candidate's pages on a 390 px phone screen, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from content.models import ModelAnswer
from interviews.services import item_finish, session_abandon

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Real model answers run to thousands of pixels; these do too.
LONG_ANSWER = "\n\n".join(
    f"Paragraph {number}: an image is a read-only template built from layers, and a container "
    "is a running instance of that image with its own writable layer on top."
    for number in range(40)
)


def on_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_feedback_score_and_next_button_are_on_the_first_screen(
    new_context, login, candidate, make_question, start_practice
):
    first = make_question("docker", 1)
    make_question("docker", 2)
    ModelAnswer.objects.filter(question__topic=first.topic).update(text=LONG_ANSWER)
    session, _ = start_practice(2)
    page = new_context(viewport=PHONE).new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("An image is a read-only template")
    page.get_by_role("button", name="Submit answer").click()

    expect(page.get_by_role("heading", name=re.compile("^Feedback on question 1"))).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    score = page.locator("#stage .score")
    next_button = page.get_by_role("button", name="Next question")
    expect(score).to_be_visible()
    assert on_first_screen(page, score)
    assert on_first_screen(page, next_button)
    # The model answers are there, closed, and open on a tap.
    expert = page.locator("details.model-answer", has_text="Expert answer")
    expect(expert).not_to_have_attribute("open", "")
    expect(expert.get_by_text("Paragraph 0:")).to_be_hidden()
    expert.locator("summary").click()
    expect(expert.get_by_text("Paragraph 0:")).to_be_visible()
    next_button.click()
    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()


def test_the_clock_stays_in_sight_while_typing_a_long_answer(
    new_context, login, candidate, start_practice
):
    session, _ = start_practice(per_item_seconds=600)
    page = new_context(viewport=PHONE).new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    answer = page.get_by_label("Your answer")
    # A tall answer box, as a long answer makes it, scrolled to its end as typing does.
    answer.evaluate("element => { element.style.height = '2500px'; }")
    answer.fill("Layers are cached. " * 200)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    clock = page.get_by_role("timer")
    expect(clock).to_have_text(re.compile(r"^(10:00|9:5\d)$"))
    assert page.evaluate("window.scrollY") > 1000
    assert on_first_screen(page, clock)
    # Let the autosave the typing started finish: a request still running on the server when the
    # test's database is emptied holds a row lock, and PostgreSQL's TRUNCATE then deadlocks on it.
    expect(page.locator("#save-status")).to_have_text(re.compile("^Saved at"))


def test_without_javascript_the_clock_says_when_time_ends(
    new_context, login, candidate, start_practice
):
    session, _ = start_practice(per_item_seconds=120)
    item = session.items.get(position=1)
    page = new_context(java_script_enabled=False, viewport=PHONE).new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    ends = f"{item.deadline_at:%H:%M}"
    expect(
        page.get_by_text(f"Time ends at {ends} UTC; your answer is saved when you submit.")
    ).to_be_visible()
    expect(page.get_by_text("Not saved yet")).to_have_count(0)
    expect(page.get_by_role("timer")).to_be_hidden()


def test_tables_scroll_inside_themselves_instead_of_pushing_the_page_sideways(
    new_context, login, candidate, start_practice
):
    for _ in range(2):  # two finished sessions: the history draws its chart and lists both
        session, item = start_practice(2)
        item_finish(item_id=item.pk, text="An image is a read-only template", revision=1)
        session_abandon(session=session)
    page = new_context(viewport=PHONE).new_page()
    login(page, candidate)
    for url in ("/sessions/", session.get_absolute_url() + "results/", "/progress/"):
        page.goto(url)
        expect(page.locator("table.data").first).to_be_visible()
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] == widths[1], url
        # Nothing is cut off: each table can still be scrolled to its last column.
        for table in page.locator("table.data").all():
            box = table.locator("xpath=..").bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], url


# A question that names a web address or a command line has words wider than a phone.
URL_QUESTION = (
    "What does https://docs.docker.com/engine/storage/volumes/#start-a-container-with-a-volume "
    "describe, and what does --mount=type=bind,source=/srv/app/config,target=/etc/app,readonly do?"
)


def test_a_question_with_a_long_address_wraps_instead_of_widening_the_page(
    new_context, login, candidate, make_question, start_practice
):
    question = make_question("docker", 1)
    question.text = URL_QUESTION
    question.save()
    session, item = start_practice(1)
    page = new_context(viewport=PHONE).new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    expect(page.locator(".question-text")).to_have_text(URL_QUESTION)
    urls = [session.get_absolute_url()]
    item_finish(item_id=item.pk, text="An image is a read-only template", revision=1)
    urls += [
        session.get_absolute_url() + "results/",
        f"/practice/chosen/?topic={question.topic.slug}",
        question.topic.get_absolute_url(),
    ]
    for url in urls:
        page.goto(url)
        expect(page.get_by_text(URL_QUESTION[:40]).first).to_be_visible()
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] == widths[1], url
