"""A 503 from a busy database: the page says so, keeps the text, and saves it again by itself."""

import re

import pytest
from playwright.sync_api import expect

from config.busy import DATABASE_BUSY_MESSAGE

pytestmark = pytest.mark.browser

TEXT = "typed while the database was locked"


def test_autosave_answered_503_says_busy_and_saves_on_the_retry(
    new_context, login, candidate, start_practice
):
    session, item = start_practice(per_item_seconds=600)
    context = new_context()
    busy_answers = []

    def busy_once(route):
        if busy_answers:
            route.continue_()
            return
        busy_answers.append(route.request.url)
        route.fulfill(
            status=503,
            headers={"Retry-After": "5"},
            content_type="text/plain; charset=utf-8",
            body=DATABASE_BUSY_MESSAGE,
        )

    context.route("**/autosave/", busy_once)
    page = context.new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill(TEXT)
    expect(page.locator("#save-status")).to_have_text(re.compile("server is busy"))
    expect(page.locator("#save-status")).to_have_text(re.compile("^Saved at"), timeout=15_000)
    assert busy_answers
    item.refresh_from_db()
    assert item.answer_text == TEXT
