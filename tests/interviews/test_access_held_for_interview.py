"""Questions waiting in a running interview are held back from practice and their answers hidden."""

import pytest
from django.urls import reverse

from interviews.access import model_answers_visible, questions_held_for_interview
from interviews.services import (
    NotEnoughQuestions,
    item_activate,
    item_finish,
    practice_session_create,
    session_start,
)
from interviews.services.building import SessionPlan, invited_session_create

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def interview(interviewer, candidate, make_question):
    """An invited session of two questions that the candidate has accepted and started."""
    questions = [make_question("docker", number) for number in (1, 2)]
    plan = SessionPlan(title="Screen", level="expert", questions=questions)
    session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    session_start(session=session)
    return session


def practice(candidate, topic, count):
    return practice_session_create(
        candidate=candidate,
        topics=[topic],
        count=count,
        level="expert",
        per_item_seconds=None,
        total_seconds=None,
        feedback_mode="after_each",
    )


def page(client, question):
    return client.get(question.get_absolute_url()).content.decode()


def test_practice_never_draws_a_question_waiting_in_the_interview(
    interview, candidate, make_question
):
    first, second = (item.question for item in interview.items.order_by("position"))
    make_question("docker", 3)
    item_finish(item_id=item_activate(session=interview).pk, text="an image", revision=1)
    held = set(questions_held_for_interview(candidate).values_list("question_id", flat=True))
    assert held == {second.pk}
    for _ in range(5):
        drawn = practice(candidate, second.topic, 2)
        assert second.pk not in {item.question_id for item in drawn.items.all()}
        drawn.delete()
    with pytest.raises(NotEnoughQuestions) as refused:
        practice(candidate, second.topic, 3)
    assert refused.value.available == 2


def test_other_people_still_practise_those_questions(interview, other_user):
    assert not questions_held_for_interview(other_user).exists()
    drawn = practice(other_user, interview.items.first().question.topic, 2)
    assert drawn.items.count() == 2


def test_the_repro_blank_practice_reveals_nothing_while_the_item_waits(
    client, interview, candidate, make_question
):
    """Item 2 is active; a practice on the topic with feedback after each, submitted blank."""
    first, second = (item.question for item in interview.items.order_by("position"))
    make_question("docker", 3)
    item_finish(item_id=item_activate(session=interview).pk, text="an image", revision=1)
    item_activate(session=interview)
    session = practice(candidate, second.topic, 2)
    session_start(session=session)
    client.force_login(candidate)
    for position in (1, 2):
        item = item_activate(session=session)
        response = client.post(
            reverse("interviews:item_submit", args=[session.pk, position]),
            {"answer_text": "", "revision": "1"},
            **HTMX,
        )
        assert response.status_code == 200
        assert item.question_id != second.pk
        client.post(reverse("interviews:item_next", args=[session.pk]), **HTMX)
    assert not model_answers_visible(user=candidate, question=second)
    assert "An expert answer." not in page(client, second)


def test_an_earlier_practice_answer_is_hidden_until_the_invited_item_is_finished(
    client, interviewer, candidate, make_question
):
    question = make_question("docker", 1)
    earlier = practice(candidate, question.topic, 1)
    session_start(session=earlier)
    item_finish(item_id=earlier.items.get().pk, text="an image", revision=1)
    assert model_answers_visible(user=candidate, question=question)

    plan = SessionPlan(title="Screen", level="expert", questions=[question])
    interview = invited_session_create(interviewer=interviewer, plan=plan)
    interview.candidate = candidate
    interview.save(update_fields=["candidate"])
    assert not model_answers_visible(user=candidate, question=question)
    client.force_login(candidate)
    assert "An expert answer." not in page(client, question)
    results = client.get(reverse("interviews:session_results", args=[earlier.pk]))
    body = results.content.decode()
    assert "An expert answer." not in body and "Key concepts you missed" not in body
    assert "held back until you have answered it in your interview" in body

    session_start(session=interview)
    item_finish(item_id=item_activate(session=interview).pk, text="an image", revision=1)
    assert model_answers_visible(user=candidate, question=question)
    assert "An expert answer." in page(client, question)


def test_running_practice_feedback_hides_the_concepts_of_a_waiting_question(
    client, interviewer, candidate, make_question
):
    question = make_question("docker", 1, concepts=("image", "registry"))
    running = practice(candidate, question.topic, 1)
    session_start(session=running)
    plan = SessionPlan(title="Screen", level="expert", questions=[question])
    interview = invited_session_create(interviewer=interviewer, plan=plan)
    interview.candidate = candidate
    interview.save(update_fields=["candidate"])
    client.force_login(candidate)
    body = client.post(
        reverse("interviews:item_submit", args=[running.pk, 1]),
        {"answer_text": "", "revision": "1"},
        **HTMX,
    ).content.decode()
    assert "Feedback on question 1 of 1" in body
    assert "registry" not in body and "An expert answer." not in body
    assert "held back until you have answered it in your interview" in body


def test_a_session_that_hides_scores_reveals_no_model_answers(client, interview, candidate):
    interview.hide_scores = True
    interview.save(update_fields=["hide_scores"])
    for _ in range(2):
        item_finish(item_id=item_activate(session=interview).pk, text="an image", revision=1)
    interview.refresh_from_db()
    assert not interview.is_running
    question = interview.items.first().question
    assert not model_answers_visible(user=candidate, question=question)


@pytest.fixture
def practised_then_invited(interviewer, candidate, make_question):
    """The candidate practised a question (covering one concept, missing another) twice, then an
    interview that asks it was made for them: the question now waits there."""
    question = make_question("docker", 1, concepts=("layer cache", "registry mirror"))
    for _ in range(2):
        earlier = practice(candidate, question.topic, 1)
        session_start(session=earlier)
        item_finish(item_id=earlier.items.get().pk, text="it uses the layer cache", revision=1)
    plan = SessionPlan(title="Screen", level="expert", questions=[question])
    interview = invited_session_create(interviewer=interviewer, plan=plan)
    interview.candidate = candidate
    interview.save(update_fields=["candidate"])
    return interview


@pytest.mark.parametrize(
    "url",
    [reverse("interviews:attempts_export"), reverse("interviews:mastery") + "?topic=docker"],
    ids=["attempts-csv", "progress-page"],
)
def test_progress_pages_hide_the_concepts_of_a_waiting_question(
    client, candidate, practised_then_invited, url
):
    client.force_login(candidate)
    body = client.get(url).content.decode()
    assert "registry mirror" not in body and "layer cache" not in body

    session_start(session=practised_then_invited)
    item = item_activate(session=practised_then_invited)
    item_finish(item_id=item.pk, text="an answer", revision=1)
    body = client.get(url).content.decode()
    assert "registry mirror" in body and "layer cache" in body
