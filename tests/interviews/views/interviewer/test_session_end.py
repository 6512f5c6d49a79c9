"""Ending a running interview from its page: confirm, end, and the transcript opens."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from interviews.models import InterviewSession, ReviewChange, SessionItem
from interviews.services import ITEM_CLOSED_MESSAGE, answer_autosave
from interviews.views.interviewer.sessions import (
    SESSION_ALREADY_ENDED_MESSAGE,
    SESSION_CLOSED_MESSAGE,
)
from tests.interviews.conftest import START

pytestmark = pytest.mark.django_db

LATER = START + timedelta(hours=2)
SAVED = "An image is a read-only template made of layers."
END_BUTTON = "End the interview now"


@pytest.fixture
def left(running_interview):
    """An untimed interview whose candidate saved a first answer and walked away."""
    session = running_interview()
    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        answer_autosave(
            items=SessionItem.objects.filter(session=session, position=1), text=SAVED, revision=1
        )
    with time_machine.travel(LATER, tick=False):
        yield session


def urls(session):
    return (
        reverse("interviewer:session_detail", args=[session.pk]),
        reverse("interviewer:session_end", args=[session.pk]),
        reverse("interviewer:transcript", args=[session.pk]),
    )


def test_the_owner_confirms_then_ends_and_the_transcript_opens(client, interviewer, left):
    page_url, end_url, transcript_url = urls(left)
    client.force_login(interviewer)
    page = client.get(page_url).content.decode()
    assert f'action="{end_url}"' in page and END_BUTTON in page
    assert "kept as last saved" in page and transcript_url not in page

    confirm = client.post(end_url)
    assert confirm.status_code == 200
    body = confirm.content.decode()
    assert 'name="confirm" value="yes"' in body
    assert f'action="{end_url}" data-submit-once' in body  # a double click posts once
    assert "Question 1 is being answered" in body
    left.refresh_from_db()
    assert left.status == InterviewSession.Status.IN_PROGRESS  # asking changes nothing

    response = client.post(end_url, {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == page_url
    left.refresh_from_db()
    assert left.status == InterviewSession.Status.ENDED
    assert left.items.get(position=1).answer_text == SAVED

    page = client.get(page_url).content.decode()
    assert SESSION_CLOSED_MESSAGE in page and "Ended by the interviewer" in page
    # The questions not reached were skipped, not answered.
    assert "<strong>1 of 3</strong> answered" in page
    assert transcript_url in page and f'action="{end_url}"' not in page
    log = client.get(transcript_url).content.decode().split('id="change-log"')[1]
    assert "<td>ivy</td>" in log and "Session status" in log
    assert "<td>In progress</td><td>Ended by the interviewer</td>" in log


def test_staff_may_end_any_session(client, staff, left):
    client.force_login(staff)
    client.post(urls(left)[1], {"confirm": "yes"})
    left.refresh_from_db()
    assert left.status == InterviewSession.Status.ENDED
    assert ReviewChange.objects.get(session=left).changed_by == staff


@pytest.mark.parametrize(
    ("role", "expected"), [("other_interviewer", 404), ("candidate", 403), ("other_candidate", 403)]
)
def test_others_cannot_end_it(client, request, left, role, expected):
    client.force_login(request.getfixturevalue(role))
    end_url = urls(left)[1]
    assert client.post(end_url).status_code == expected
    assert client.post(end_url, {"confirm": "yes"}).status_code == expected
    left.refresh_from_db()
    assert left.status == InterviewSession.Status.IN_PROGRESS


def test_get_is_not_allowed(client, interviewer, left):
    client.force_login(interviewer)
    assert client.get(urls(left)[1]).status_code == 405
    left.refresh_from_db()
    assert left.status == InterviewSession.Status.IN_PROGRESS


def test_ending_again_says_it_had_ended(client, interviewer, left):
    page_url, end_url, _ = urls(left)
    client.force_login(interviewer)
    client.post(end_url, {"confirm": "yes"})
    for data in ({"confirm": "yes"}, {}):
        response = client.post(end_url, data, follow=True)
        assert response.redirect_chain == [(page_url, 302)]
        body = response.content.decode()
        assert SESSION_ALREADY_ENDED_MESSAGE.format(status="Ended by the interviewer") in body
    assert ReviewChange.objects.filter(session=left).count() == 1


def test_no_button_on_a_finished_session(client, interviewer, finished_session):
    page_url, end_url, transcript_url = urls(finished_session)
    client.force_login(interviewer)
    page = client.get(page_url).content.decode()
    assert transcript_url in page and END_BUTTON not in page and end_url not in page


def test_the_candidate_still_on_the_page_is_told_the_question_is_closed(
    client, interviewer, candidate, left
):
    client.force_login(interviewer)
    client.post(urls(left)[1], {"confirm": "yes"})
    client.force_login(candidate)
    autosave = client.post(
        reverse("interviews:autosave", args=[left.pk, 1]),
        {"answer_text": "Typed after the end.", "revision": "2"},
    )
    assert autosave.status_code == 409
    assert autosave.json() == {"ok": False, "message": ITEM_CLOSED_MESSAGE}

    submit_url = reverse("interviews:item_submit", args=[left.pk, 1])
    data = {"answer_text": "Typed after the end.", "revision": "2"}
    htmx = client.post(submit_url, data, headers={"HX-Request": "true"})
    results_url = reverse("interviews:session_results", args=[left.pk])
    assert htmx.status_code == 200 and htmx["HX-Redirect"] == results_url
    # The results page the browser goes to says why, and shows the unsaved text to copy.
    shown = client.get(results_url).content.decode()
    assert ITEM_CLOSED_MESSAGE in shown and "Typed after the end.</textarea>" in shown
    plain = client.post(submit_url, data, follow=True)
    assert plain.status_code == 200 and plain.redirect_chain[-1] == (results_url, 302)
    body = plain.content.decode()
    assert ITEM_CLOSED_MESSAGE in body and "Ended by the interviewer" in body
    assert "Typed after the end.</textarea>" in body
    assert left.items.get(position=1).answer_text == SAVED
