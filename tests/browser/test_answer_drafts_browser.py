"""Answer drafts kept in the browser: back after a crash for the same user, gone for anyone else.

interview.js keeps text the server has not acknowledged in localStorage. On a shared computer that
copy must not outlive the person who typed it: logging out clears it, and a page signed in as
someone else clears it too.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TEXT = "typed while the connection was down"


def stored_texts(page) -> list[str]:
    """Every value in the page's localStorage."""
    return page.evaluate("() => Object.values(window.localStorage)")


def type_unsaved(context, login, user, session):
    """`user` types into the session's answer box while no autosave reaches the server."""
    context.route("**/autosave/", lambda route: route.abort())
    page = context.new_page()
    login(page, user)
    page.goto(session.get_absolute_url())
    page.get_by_label("Your answer").fill(TEXT)
    expect(page.locator("#save-status")).to_have_text(re.compile("^Not saved"))
    assert any(TEXT in value for value in stored_texts(page))
    return page


def test_unsaved_text_comes_back_after_a_crash_and_logging_out_clears_it(
    new_context, login, candidate, start_practice
):
    session, _ = start_practice(per_item_seconds=600)
    context = new_context()
    # A crashed tab sends nothing as it goes: no beacon carries the text to the server.
    context.add_init_script("navigator.sendBeacon = () => false;")
    crashed = type_unsaved(context, login, candidate, session)
    # Closing the page blurs the answer box, whose handler saves at once; a request still waiting
    # on the route when the page goes is let through to the server. A crash sends nothing more.
    crashed.evaluate("() => { window.fetch = () => new Promise(() => {}); }")
    crashed.close()

    page = context.new_page()
    page.goto(session.get_absolute_url())
    expect(page.get_by_label("Your answer")).to_have_value(TEXT)
    assert any(TEXT in value for value in stored_texts(page))

    page.get_by_role("button", name=re.compile("^Log out")).click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    assert not any(TEXT in value for value in stored_texts(page))


def test_the_same_user_gets_a_draft_back_after_logging_in_again_and_nobody_else_keeps_it(
    new_context, login, candidate, other_user, start_practice
):
    session, _ = start_practice(per_item_seconds=600)
    context = new_context()
    page = type_unsaved(context, login, candidate, session)
    # The login ends without the Log out button (it expired); the log-in page keeps the draft.
    context.clear_cookies()
    page.goto("/accounts/login/")
    assert any(TEXT in value for value in stored_texts(page))
    login(page, candidate)
    page.goto(session.get_absolute_url())
    expect(page.get_by_label("Your answer")).to_have_value(TEXT)

    # Someone else signs in on this browser without the first user having logged out.
    context.clear_cookies()
    login(page, other_user)
    page.goto("/")
    expect(page.get_by_role("button", name="Log out olive")).to_be_visible()
    assert not any(TEXT in value for value in stored_texts(page))
