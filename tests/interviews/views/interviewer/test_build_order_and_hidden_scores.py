"""Building a session keeps the picked order and can reorder it; a session can hide scores."""

import pytest
from django.urls import reverse

from interviews.forms.interviewer import questions_moved
from interviews.models import InterviewSession, SessionTemplate
from interviews.services import building
from tests.interviews.conftest import session_play

pytestmark = pytest.mark.django_db

BUILD = "/interviewer/sessions/new/"


def build(client, questions, **extra):
    data = {"level": "expert", "time_mode": "none", "questions": [q.pk for q in questions]}
    return client.post(BUILD, {**data, **extra})


def asked_order(session):
    return [item.question_id for item in session.items.order_by("position")]


def test_a_built_session_keeps_the_picked_order(client, interviewer, bank):
    client.force_login(interviewer)
    picked = [bank[2], bank[0], bank[1]]
    build(client, picked, action="create")
    assert asked_order(InterviewSession.objects.get()) == [q.pk for q in picked]


def test_a_template_keeps_the_picked_order_too(client, interviewer, bank):
    client.force_login(interviewer)
    build(client, [bank[1], bank[0]], action="template", template_name="Two")
    template = SessionTemplate.objects.get()
    questions = building.template_questions(template, user=interviewer)
    assert [q.pk for q in questions.usable] == [bank[1].pk, bank[0].pk]


def test_the_build_page_lists_chosen_questions_in_picked_order(client, interviewer, bank):
    client.force_login(interviewer)
    page = build(client, [bank[2], bank[0]], action="search").content.decode()
    chosen = page[page.index("picker-chosen") : page.index("<h2>Bank</h2>")]
    assert chosen.index(bank[2].text) < chosen.index(bank[0].text)


def test_reordering_works_without_javascript(client, interviewer, bank):
    client.force_login(interviewer)
    page = build(client, [bank[0], bank[1], bank[2]], move=f"up:{bank[2].pk}").content.decode()
    chosen = page[page.index("picker-chosen") : page.index("<h2>Bank</h2>")]
    assert chosen.index(bank[2].text) < chosen.index(bank[1].text)
    assert f'name="move" value="down:{bank[0].pk}"' in chosen
    assert not InterviewSession.objects.exists()
    # The page posts the questions in the order it shows them.
    build(client, [bank[0], bank[2], bank[1]], action="create")
    assert asked_order(InterviewSession.objects.get()) == [bank[0].pk, bank[2].pk, bank[1].pk]


@pytest.mark.parametrize(
    ("move", "expected"),
    [
        ("up:3", ["1", "3", "2"]),
        ("down:1", ["2", "1", "3"]),
        ("up:1", ["1", "2", "3"]),
        ("down:3", ["1", "2", "3"]),
        ("up:9", ["1", "2", "3"]),
        ("sideways:2", ["1", "2", "3"]),
    ],
)
def test_questions_moved(move, expected):
    assert questions_moved(["1", "2", "3"], move) == expected


def test_hide_scores_is_set_on_the_build_page(client, interviewer, bank):
    client.force_login(interviewer)
    assert "Hide scores from the candidate" in client.get(BUILD).content.decode()
    build(client, [bank[0]], action="create", hide_scores="on")
    assert InterviewSession.objects.get().hide_scores is True


@pytest.fixture
def hidden_finished(invited_session, candidate):
    invited_session.candidate = candidate
    invited_session.hide_scores = True
    invited_session.save()
    return session_play(invited_session, ["An image has layers and a Dockerfile.", "A container."])


def test_candidate_sees_only_submitted_when_scores_are_hidden(client, candidate, hidden_finished):
    item = hidden_finished.items.get(position=1)
    assert item.score is not None and item.score > 0
    client.force_login(candidate)
    results = client.get(reverse("interviews:session_results", args=[hidden_finished.pk]))
    body = results.content.decode()
    assert results.status_code == 200
    assert "Submitted" in body
    assert 'class="score"' not in body and "/100" not in body
    assert "Key concepts you missed" not in body and "model-answer" not in body
    history = client.get(reverse("interviews:history")).content.decode()
    assert "<td>Submitted</td>" in history
    assert f"<td>{round(hidden_finished.items.first().score)}</td>" not in history


def test_interviewer_still_sees_scores_of_a_hidden_session(client, interviewer, hidden_finished):
    client.force_login(interviewer)
    transcript = client.get(reverse("interviewer:transcript", args=[hidden_finished.pk]))
    assert "Automatic score" in transcript.content.decode()
    item = hidden_finished.items.get(position=1)
    assert f"{item.score:.0f}</strong>" in transcript.content.decode()


def test_practice_feedback_is_unchanged_when_scores_are_shown(client, candidate, start_practice):
    session, item = start_practice(2)
    client.force_login(candidate)
    body = client.post(
        reverse("interviews:item_submit", args=[session.pk, 1]),
        {"answer_text": "an image", "revision": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert 'class="score"' in body


def move(client, session, item, direction):
    url = reverse("interviewer:session_item_move", args=[session.pk, item.pk])
    return client.post(url, {"direction": direction})


def test_a_built_session_can_be_reordered_until_the_candidate_starts(
    client, interviewer, invited_session, bank
):
    from interviews.services import session_start
    from interviews.services.building import ORDER_LOCKED_MESSAGE

    client.force_login(interviewer)
    detail = reverse("interviewer:session_detail", args=[invited_session.pk])
    page = client.get(detail).content.decode()
    assert "Order of the questions" in page
    second = invited_session.items.get(position=2)
    response = move(client, invited_session, second, "up")
    assert response.status_code == 302 and response["Location"].endswith("#order")
    assert asked_order(invited_session) == [bank[1].pk, bank[0].pk]
    move(client, invited_session, second, "up")  # already first: nothing changes
    assert asked_order(invited_session) == [bank[1].pk, bank[0].pk]
    move(client, invited_session, second, "down")
    assert asked_order(invited_session) == [bank[0].pk, bank[1].pk]

    session_start(session=invited_session)
    page = client.post(
        reverse("interviewer:session_item_move", args=[invited_session.pk, second.pk]),
        {"direction": "up"},
        follow=True,
    ).content.decode()
    assert ORDER_LOCKED_MESSAGE in page
    assert "Order of the questions" not in page
    assert asked_order(invited_session) == [bank[0].pk, bank[1].pk]


def test_another_interviewer_cannot_reorder(client, other_interviewer, invited_session, bank):
    client.force_login(other_interviewer)
    response = move(client, invited_session, invited_session.items.get(position=2), "up")
    assert response.status_code == 404
    assert asked_order(invited_session) == [bank[0].pk, bank[1].pk]


def test_a_question_of_another_session_cannot_be_moved_through_this_one(
    client, interviewer, invited_session, bank
):
    plan = building.SessionPlan(title="Second", level="expert", questions=bank[:2])
    other = building.invited_session_create(interviewer=interviewer, plan=plan)
    client.force_login(interviewer)

    response = move(client, invited_session, other.items.get(position=2), "up")

    assert response.status_code == 404
    assert asked_order(other) == [bank[0].pk, bank[1].pk]
