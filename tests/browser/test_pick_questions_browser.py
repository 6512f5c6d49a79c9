"""The Pick questions list in real chromium: each question reads as one line of text per row."""

import pytest

from content.models import Question

pytestmark = pytest.mark.browser

LONG = (
    "Describe the various network drivers available in Docker (bridge, host, overlay, macvlan, "
    "none) and when to use each one."
)


def test_a_long_question_keeps_its_topic_name_whole(page, login, candidate, make_question):
    """The label laid the question and its topic out side by side, squeezing the topic into a
    narrow column that broke inside the word ("(Dock" / "er)"); and the list kept its bullets
    beside each checkbox."""
    question = make_question("docker", 1)
    Question.objects.filter(pk=question.pk).update(text=LONG)
    login(page, candidate)
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto("/practice/chosen/?topic=docker")
    topic = page.locator(".picker-list li .muted").first
    lines = topic.evaluate(
        "el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)"
    )
    assert lines < 1.5
    marker = page.locator(".picker-list li").first.evaluate(
        "li => getComputedStyle(li).listStyleType"
    )
    assert marker == "none"
