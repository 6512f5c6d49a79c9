"""A score an interviewer changed reads the same way on every page that shows it."""

import re

import pytest
from django.urls import reverse

from interviews.models import SessionItem

pytestmark = pytest.mark.django_db


def progress_cell(client, interviewer, item) -> str:
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:session_detail", args=[item.session_id]))
    row = re.search(r'<tr class="item-[a-z_]+"><td>1</td>.*?</tr>', page.content.decode(), re.S)
    return re.sub(r"\s+", " ", row.group(0))


@pytest.fixture
def first_item(finished_session):
    return finished_session.items.get(position=1)


def test_progress_names_the_automatic_score_beside_a_changed_one(client, interviewer, first_item):
    SessionItem.objects.filter(pk=first_item.pk).update(
        score=40.0, score_override=75.0, override_reason="ok"
    )
    assert '<td>75 <span class="muted">(auto 40)</span></td>' in progress_cell(
        client, interviewer, first_item
    )


@pytest.mark.parametrize("field", ["score_override", "score_reviewed"])
def test_progress_leaves_out_an_automatic_score_that_reads_the_same(
    client, interviewer, first_item, field
):
    # 37.6 and 37.5 both read 38: "38 (auto 38)" would say nothing and look like a mistake.
    SessionItem.objects.filter(pk=first_item.pk).update(score=37.5, **{field: 37.6})
    cell = progress_cell(client, interviewer, first_item)
    assert "<td>38</td>" in cell
    assert "auto" not in cell
