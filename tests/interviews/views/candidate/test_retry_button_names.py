"""The results list a Try again button under every answer: a screen reader's list of buttons
must tell them apart, while each still reads the words on it (WCAG 2.5.3, label in name)."""

import re

import pytest

from interviews.services import item_activate, item_finish


@pytest.mark.django_db
def test_each_try_again_button_names_its_question(client, candidate, start_practice):
    session, item = start_practice(3)
    item_finish(item_id=item.pk, text="An image.")
    for _number in range(2):
        item_finish(item_id=item_activate(session=session).pk, text="A container.")
    client.force_login(candidate)
    page = client.get(f"/sessions/{session.pk}/results/").content.decode()
    buttons = re.findall(r'<form[^>]*class="retry-form".*?<button[^>]*>(.*?)</button>', page, re.S)
    names = [" ".join(re.sub(r"<[^>]+>", "", button).split()) for button in buttons]
    assert names == [f"Try this question again: question {number}" for number in (1, 2, 3)]
