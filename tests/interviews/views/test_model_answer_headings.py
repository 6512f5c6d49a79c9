"""A model answer's own headings sit one level below the heading that names the answer, so that
a screen reader's list of headings nests them: as peers, "Key Benefits:" of the expert answer read
like one more part of the feedback, beside "Your answer" and "Key concepts you missed"."""

import re

import pytest

from content.models import ModelAnswer
from interviews.services import item_activate, item_finish

SECTIONED = "Docker images are layered.\n\nKey Benefits:\n- Smaller images\n- Faster builds"


def _headings(page: str) -> list[tuple[int, str]]:
    found = re.findall(r"<h(\d)[^>]*>(.*?)</h\1>", page, re.S)
    return [(int(level), re.sub(r"<[^>]+>", "", text).strip()) for level, text in found]


def _below(headings: list[tuple[int, str]], name: str, child: str) -> bool:
    """Whether `child` comes after the heading `name` one level deeper."""
    levels = {text: level for level, text in headings}
    order = [text for _level, text in headings]
    return order.index(child) > order.index(name) and levels[child] == levels[name] + 1


@pytest.mark.django_db
def test_the_feedback_nests_the_model_answers_headings(client, candidate, start_practice):
    session, item = start_practice(2)
    ModelAnswer.objects.filter(level="expert").update(text=SECTIONED)
    item_finish(item_id=item.pk, text="An image.")
    client.force_login(candidate)
    stage = client.get(f"/sessions/{session.pk}/").content.decode()
    assert _below(_headings(stage), "Expert answer", "Key Benefits:")
    item_finish(item_id=item_activate(session=session).pk, text="A container.")
    results = client.get(f"/sessions/{session.pk}/results/").content.decode()
    assert _below(_headings(results), "Expert answer", "Key Benefits:")


@pytest.mark.django_db
def test_the_transcript_nests_the_model_answers_headings(client, interviewer, finished_session):
    first = finished_session.items.get(position=1)
    ModelAnswer.objects.filter(question=first.question, level="expert").update(text=SECTIONED)
    client.force_login(interviewer)
    page = client.get(f"/interviewer/sessions/{finished_session.pk}/transcript/").content.decode()
    assert _below(_headings(page), "Expert model answer", "Key Benefits:")
