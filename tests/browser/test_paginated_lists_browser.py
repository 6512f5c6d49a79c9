"""Paging the interviewer's filtered session list in Chromium: htmx swaps the list alone, the
address and the filters follow, and Back shows the page before. Three sessions a page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def interviewer(django_user_model, monkeypatch):
    from content.models import Question, Topic
    from interviews.access import interviewer_grant
    from interviews.models import InterviewSession

    monkeypatch.setattr("config.pagination.PER_PAGE", 3)
    ivy = django_user_model.objects.create_user("ivy", password="x-pw-123!")
    interviewer_grant(user=ivy)
    question = Question.objects.create(
        topic=Topic.objects.create(name="Docker", slug="docker"), text="Why?", slug="why"
    )
    for number in range(1, 9):
        session = InterviewSession.objects.create(
            kind="invited", created_by=ivy, title=f"Screen {number:02d}", status="completed"
        )
        session.items.create(question=question, position=1, status="submitted", score=number)
        session.created_at = timezone.now() - timedelta(days=100 - number)
        session.save(update_fields=["created_at"])
    InterviewSession.objects.create(kind="invited", created_by=ivy, title="Screen 99")
    return ivy


def shown(page) -> list[str]:
    return page.locator("#session-list tbody a:not([href$='transcript/'])").all_inner_texts()


def test_paging_the_filtered_list_swaps_the_list_and_keeps_the_filters(page, login, interviewer):
    login(page, interviewer)
    page.goto("/interviewer/")
    page.get_by_label("Status").select_option("completed")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".pagination-showing")).to_have_text("Showing 1–3 of 8 sessions")
    page.evaluate("window.notReloaded = true")

    page.get_by_role("link", name="Next").click()
    expect(page.locator(".pagination-showing")).to_have_text("Showing 4–6 of 8 sessions")
    assert shown(page) == ["Screen 05", "Screen 04", "Screen 03"]
    assert page.evaluate("window.notReloaded") is True  # the list alone was swapped
    assert re.search(r"status=completed", page.url) and re.search(r"page=2", page.url)
    expect(page.get_by_label("Status")).to_have_value("completed")

    page.go_back()
    expect(page.locator(".pagination-showing")).to_have_text("Showing 1–3 of 8 sessions")
    assert shown(page) == ["Screen 08", "Screen 07", "Screen 06"]


def test_paging_works_without_javascript(new_context, login, interviewer):
    page = new_context(java_script_enabled=False).new_page()
    login(page, interviewer)
    page.goto("/interviewer/?status=completed")
    page.get_by_role("link", name="Page 3").click()
    expect(page.locator(".pagination-showing")).to_have_text("Showing 7–8 of 8 sessions")
    assert shown(page) == ["Screen 02", "Screen 01"]
