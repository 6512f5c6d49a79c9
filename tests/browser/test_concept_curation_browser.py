"""Concept curation in the browser: any stored weight saves unchanged."""

import pytest
from playwright.sync_api import expect

from content.models import Concept

pytestmark = pytest.mark.browser


def test_unticking_scored_on_a_077_concept_saves(page, login, make_question, django_user_model):
    from interviews.access import interviewer_grant

    ivy = django_user_model.objects.create_user("ivy", "ivy@example.com", "x-pw-123!")
    interviewer_grant(user=ivy)
    question = make_question("docker", 1)
    concept = Concept.objects.get(question=question, label="image")
    Concept.objects.filter(pk=concept.pk).update(weight=0.77)
    login(page, ivy)
    page.goto(f"/interviewer/questions/{question.slug}/concepts/")

    row = page.get_by_role("form", name="Concept image")
    expect(row.get_by_label("Weight of image")).to_have_value("0.77")
    row.get_by_label("Scored").uncheck()
    row.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Saved “image”")).to_be_visible()
    concept.refresh_from_db()
    assert concept.is_active is False
    assert concept.weight == 0.77


def test_the_sample_score_is_announced_as_its_score_line_only(
    page, login, make_question, django_user_model
):
    """The preview refreshes while the sample answer is typed: its live region says the score in
    one line, not the whole answer echoed back with its misses and feedback; and the region stays
    in place, since a screen reader announces changes to a region, not a region swapped in."""
    from interviews.access import interviewer_grant

    ivy = django_user_model.objects.create_user("ivy", "ivy@example.com", "x-pw-123!")
    interviewer_grant(user=ivy)
    question = make_question("docker", 1)
    login(page, ivy)
    page.goto(f"/interviewer/questions/{question.slug}/concepts/")
    live = "[aria-live], [role=status], [role=alert]"
    page.evaluate(f"window.liveBefore = [...document.querySelectorAll('{live}')]")
    page.get_by_label("Sample answer").fill("An image is a template; a container runs it.")
    expect(page.locator(".preview-score")).to_be_visible()
    regions = page.locator(live)
    expect(regions).to_have_count(1)
    status = regions.first
    expect(status).to_contain_text("Score: " + page.locator(".preview-score").inner_text())
    assert "a container runs it" not in status.text_content()
    assert page.evaluate(f"window.liveBefore.includes(document.querySelector('{live}'))")
