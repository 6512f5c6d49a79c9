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
