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


def results_page(client, item) -> str:
    client.force_login(item.session.candidate)
    page = client.get(reverse("interviews:session_results", args=[item.session_id]))
    return page.content.decode()


OVERRIDDEN = "(set by your interviewer; the automatic score was 40)"
REVIEWED = "(your interviewer corrected the concepts found; the automatic score was 40)"


@pytest.mark.parametrize(
    ("changed", "note"),
    [
        ({"score_override": 75.0, "override_reason": "talked it through"}, OVERRIDDEN),
        ({"score_reviewed": 55.0}, REVIEWED),
        # An override wins over the reviewed score, so the note names the override.
        ({"score_reviewed": 55.0, "score_override": 75.0, "override_reason": "ok"}, OVERRIDDEN),
    ],
)
def test_candidate_results_say_the_interviewer_changed_the_score(client, first_item, changed, note):
    SessionItem.objects.filter(pk=first_item.pk).update(score=40.0, **changed)
    page = results_page(client, first_item)
    assert page.count(note) == 2  # the table and the feedback's score line
    # The reason is the interviewer's own record, written for the transcript.
    assert "talked it through" not in page


def test_candidate_results_have_no_note_for_a_change_that_reads_the_same(client, first_item):
    SessionItem.objects.filter(pk=first_item.pk).update(score=37.5, score_reviewed=37.6)
    assert "your interviewer" not in results_page(client, first_item)


def test_a_practice_answer_changed_in_review_names_no_interviewer(client, start_practice):
    # Staff may review any session, a practice one too: its candidate has no interviewer.
    session, item = start_practice(1)
    SessionItem.objects.filter(pk=item.pk).update(
        status="submitted", score=40.0, score_override=60.0, override_reason="ok"
    )
    session.status = "completed"
    session.save(update_fields=["status"])
    page = results_page(client, item)
    assert "(set by a reviewer; the automatic score was 40)" in page
    assert "your interviewer" not in page
