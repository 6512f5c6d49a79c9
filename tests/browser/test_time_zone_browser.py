"""A browser in Auckland: site.js tells the server its zone, and the pages after that show Auckland
times; the time interview.js writes after an autosave names the same zone."""

import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from config.time_zone import TIME_ZONE_COOKIE
from interviews.models import InterviewSession, SessionItem

pytestmark = pytest.mark.browser

AUCKLAND = ZoneInfo("Pacific/Auckland")


def test_the_first_page_sets_the_zone_and_the_next_shows_local_times(
    new_context, login, candidate, start_practice
):
    start_practice(per_item_seconds=300)
    created = InterviewSession.objects.get().created_at.astimezone(AUCKLAND)
    page = new_context(timezone_id="Pacific/Auckland").new_page()
    login(page, candidate)
    page.goto("/sessions/")  # the server does not know the zone yet: the site's default
    expect(page.get_by_role("columnheader", name="Started (UTC)")).to_be_visible()
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies[TIME_ZONE_COOKIE]["value"] == "Pacific/Auckland"
    assert cookies[TIME_ZONE_COOKIE]["path"] == "/"
    assert cookies[TIME_ZONE_COOKIE]["sameSite"] == "Lax"
    page.goto("/sessions/")
    expect(page.get_by_role("columnheader", name="Started (Pacific/Auckland)")).to_be_visible()
    expect(page.get_by_role("cell", name=f"{created:%Y-%m-%d %H:%M}")).to_be_visible()


def test_an_autosave_says_when_in_the_browsers_zone(new_context, login, candidate, start_practice):
    session, _ = start_practice(per_item_seconds=300)
    page = new_context(timezone_id="Pacific/Auckland").new_page()
    login(page, candidate)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill("An image is built in layers.")
    status = page.locator("#save-status")
    expect(status).to_have_text(re.compile(r"^Saved at \d\d:\d\d:\d\d Pacific/Auckland$"))
    saved_at = SessionItem.objects.get(session=session).autosaved_at.astimezone(AUCKLAND)
    expect(status).to_have_text(f"Saved at {saved_at:%H:%M:%S} Pacific/Auckland")
