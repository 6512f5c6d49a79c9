"""A session shows the wording it asked, whatever the bank's question says later."""

import pytest
from django.urls import reverse

from content.authoring import question_update
from content.revisions import QuestionState
from interviews.selectors.exports import transcript_csv, transcript_data
from interviews.services.building import SessionPlan, invited_session_create

pytestmark = pytest.mark.django_db


def test_items_store_the_wording_when_the_session_is_made(bank, interviewer):
    plan = SessionPlan(title="T", level="expert", questions=bank[:1])
    session = invited_session_create(interviewer=interviewer, plan=plan)
    assert session.items.get().asked_text == "What is a Docker image?"


def test_transcript_and_results_keep_the_old_wording_after_an_edit(
    client, finished_session, interviewer, candidate, staff
):
    item = finished_session.items.get(position=1)
    question = item.question
    old = question.text
    question_update(
        question=question, author=staff, state=QuestionState("Reworded: what is an image?", "E.")
    )
    question.refresh_from_db()
    assert question.text == "Reworded: what is an image?"
    client.force_login(interviewer)
    transcript = client.get(reverse("interviewer:transcript", args=[finished_session.pk]))
    assert old in transcript.content.decode()
    assert "Reworded" not in transcript.content.decode()
    assert transcript_data(finished_session)["items"][0]["question"] == old
    assert old in transcript_csv(finished_session)
    client.force_login(candidate)
    results = client.get(reverse("interviews:session_results", args=[finished_session.pk]))
    assert old in results.content.decode()
    assert "Reworded" not in results.content.decode()
