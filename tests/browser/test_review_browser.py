"""Learning in real chromium: practise, come back the next day to review, retry, see mastery."""

import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.template.defaultfilters import floatformat
from django.utils import timezone
from fsrs import Rating
from playwright.sync_api import expect

from interviews.models import InterviewSession, ReviewCard, SessionItem
from interviews.services.schedule import card_review

pytestmark = pytest.mark.browser

GOOD = "Build an image, then run the image as a container."
PARTIAL = "An image."
BAD = "No idea."


def a_day_passes() -> None:
    """Move every stored time of the candidate's history one day back.

    The live server runs in another thread on the real clock, so the honest way to make it
    "tomorrow" is to make yesterday's answers a day older, schedule included.
    """
    day = timedelta(days=1)
    ReviewCard.objects.update(due_at=F("due_at") - day, last_review_at=F("last_review_at") - day)
    SessionItem.objects.update(
        started_at=F("started_at") - day,
        deadline_at=F("deadline_at") - day,
        finished_at=F("finished_at") - day,
        autosaved_at=F("autosaved_at") - day,
    )
    InterviewSession.objects.update(
        started_at=F("started_at") - day,
        finished_at=F("finished_at") - day,
        created_at=F("created_at") - day,
    )


def answer(page, text: str, heading: str) -> None:
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def test_practice_then_review_the_next_day_retry_and_mastery(page, login, candidate, make_question):
    for number in (1, 2, 3):
        make_question("docker", number)
    login(page, candidate)
    page.goto("/practice/")
    page.get_by_label("Docker (3)").check()
    page.get_by_label("Number of questions").fill("3")
    page.get_by_label("Minutes per question").fill("3")
    page.get_by_role("button", name="Start").click()
    answer(page, GOOD, "Feedback on question 1 of 3")
    page.get_by_role("button", name="Next question").click()
    answer(page, BAD, "Feedback on question 2 of 3")
    page.get_by_role("button", name="Next question").click()
    answer(page, PARTIAL, "Feedback on question 3 of 3")

    first = InterviewSession.objects.get()
    weak = list(
        first.items.filter(answer_text__in=[BAD, PARTIAL])
        .order_by("position")
        .values_list("question__text", flat=True)
    )
    strong = first.items.get(answer_text=GOOD).question.text
    page.goto("/")
    expect(page.get_by_text("Nothing due today.")).to_be_visible()

    a_day_passes()
    page.goto("/")
    expect(page.locator("[data-due-count]")).to_have_text("2")
    page.get_by_role("button", name="Review now").click()
    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    expect(page.get_by_role("timer")).to_have_text(re.compile(r"^(3:00|2:5\d)$"))
    shown = [page.locator(".question-text").inner_text()]
    answer(page, BAD, "Feedback on question 1 of 2")
    expect(page.get_by_text("missed before (second time)").first).to_be_visible()
    page.get_by_role("button", name="Next question").click()
    shown.append(page.locator(".question-text").inner_text())
    answer(page, PARTIAL, "Feedback on question 2 of 2")
    assert sorted(shown) == sorted(weak) and strong not in shown

    page.get_by_role("button", name="Try this question again").click()
    expect(page.get_by_role("heading", name="Question 1 of 1")).to_be_visible()
    assert page.locator(".question-text").inner_text() == shown[1]
    answer(page, GOOD, "Feedback on question 1 of 1")
    after, before = SessionItem.objects.filter(question__text=shown[1]).order_by("-id")[:2]
    change = page.locator("[data-score-change]")
    # Rounded as the template rounds (half up; Python's format rounds a half to even), and the
    # change is the difference of the two numbers shown.
    was, now = int(floatformat(before.score, 0)), int(floatformat(after.score, 0))
    expect(change).to_contain_text(f"Last time {was}, now {now} (+{now - was})")
    expect(change).to_contain_text("Newly covered: container.")

    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", name="Concept mastery")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("coverage of key concepts per day"))
    expect(chart).to_be_visible()
    expect(page.locator("[data-coverage-chart] circle")).to_have_count(2)
    expect(
        page.get_by_role("table", name=re.compile("Coverage of key concepts per day"))
    ).to_be_visible()
    # Container was missed in earlier answers, then covered by the last answer: no longer kept missing.
    expect(page.get_by_text("No concept you still miss")).to_be_visible()
    expect(page.locator(".keep-missing")).to_have_count(0)


def test_review_works_with_javascript_off(new_context, login, candidate, make_question):
    question = make_question("docker", 1)
    card_review(
        candidate_id=candidate.pk,
        question_id=question.pk,
        rating=Rating.Again,
        now=timezone.now() - timedelta(days=1),
    )
    page = new_context(java_script_enabled=False).new_page()
    login(page, candidate)
    page.goto("/")
    expect(page.locator("[data-due-count]")).to_have_text("1")
    page.get_by_role("button", name="Review now").click()
    expect(page.get_by_role("heading", name="Question 1 of 1")).to_be_visible()
    # Without JavaScript a submit is a plain POST, redirected; the last one lands on the results.
    answer(page, GOOD, "Results: Review")
    page.get_by_role("button", name="Try this question again").click()
    expect(page.get_by_role("heading", name="Question 1 of 1")).to_be_visible()
    answer(page, PARTIAL, "Results: Try again")
    before = SessionItem.objects.filter(answer_text=GOOD).latest("id")
    expect(page.locator("[data-score-change]")).to_contain_text(
        f"Last time {before.score:.0f}, now"
    )
