"""A session shows the wording it asked, whatever the bank's question says later."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from fsrs import Rating

from content.authoring import question_update
from content.revisions import QuestionState
from interviews.selectors.exports import transcript_csv, transcript_data
from interviews.services import item_finish
from interviews.services.building import SessionPlan, invited_session_create
from interviews.services.learning import (
    PracticeSettings,
    chosen_session_create,
    retry_session_create,
    review_session_create,
)
from interviews.services.schedule import card_review

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


def test_review_retry_and_picked_sessions_store_the_wording_too(bank, candidate):
    """Every way a practice session is made keeps what it asked, not only the drawn ones."""
    settings = PracticeSettings(level="expert")
    picked = chosen_session_create(
        candidate=candidate, question_ids=[bank[0].pk], settings=settings
    )
    item = picked.items.get()
    item_finish(item_id=item.pk, text="An image has layers.")
    retry = retry_session_create(candidate=candidate, item=item)
    card_review(
        candidate_id=candidate.pk,
        question_id=bank[1].pk,
        rating=Rating.Again,
        now=timezone.now() - dt.timedelta(days=2),
    )
    review = review_session_create(candidate=candidate, settings=settings)
    for session, question in ((picked, bank[0]), (retry, bank[0]), (review, bank[1])):
        assert session.items.get().asked_text == question.text


def test_the_order_of_a_session_not_started_shows_the_wording_it_will_ask(
    client, bank, interviewer, staff
):
    """The candidate is asked the wording stored when the session was made: the interviewer's
    list of questions to reorder shows that one, not a rewording made since."""
    plan = SessionPlan(title="T", level="expert", questions=bank[:2])
    session = invited_session_create(interviewer=interviewer, plan=plan)
    old = bank[0].text
    question_update(
        question=bank[0], author=staff, state=QuestionState("Reworded: what is an image?", "E.")
    )
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:session_detail", args=[session.pk])).content.decode()
    order = page[page.index('id="order"') :]
    assert old in order and "Reworded" not in order


def test_transcript_and_results_show_the_model_answers_of_the_wording_asked(
    client, finished_session, interviewer, candidate, staff
):
    """Rewording a question into another one brings new model answers: beside an answer to the
    old wording, the transcript and the candidate's results show the answers that wording had."""
    item = finished_session.items.get(position=1)
    old_expert = item.question.model_answer("expert").text
    question_update(
        question=item.question,
        author=staff,
        state=QuestionState("What is a Docker network?", "A network joins containers."),
    )
    client.force_login(interviewer)
    transcript = client.get(reverse("interviewer:transcript", args=[finished_session.pk]))
    first = transcript.content.decode().split('id="item-2"')[0]
    assert old_expert in first and "A network joins containers." not in first
    client.force_login(candidate)
    results = client.get(reverse("interviews:session_results", args=[finished_session.pk]))
    page = results.content.decode()
    assert old_expert in page and "A network joins containers." not in page


def test_a_question_whose_wording_stayed_shows_its_current_model_answers(
    client, finished_session, interviewer, staff
):
    item = finished_session.items.get(position=1)
    question_update(
        question=item.question,
        author=staff,
        state=QuestionState(item.question.text, "A better expert answer."),
    )
    client.force_login(interviewer)
    transcript = client.get(reverse("interviewer:transcript", args=[finished_session.pk]))
    assert "A better expert answer." in transcript.content.decode()
