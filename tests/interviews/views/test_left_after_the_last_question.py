"""A candidate who leaves after the last question: every page tells the same story at once.

The candidate's list, the interviewer's list, the live view and the transcript each say whether
the session has finished. A session ends when no question is left to answer, at the time its
last answer finished, whether the sweeper has come by yet or not.
"""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from interviews.models import InterviewSession, SessionItem
from interviews.services import answer_autosave, expired_sweep
from interviews.state import SESSION_RUNNING
from interviews.timing import grace_seconds
from tests.interviews.conftest import START

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
SECOND = timedelta(seconds=1)


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def clients(candidate, interviewer):
    """(the candidate's browser, the interviewer's browser)."""
    mine, theirs = Client(), Client()
    mine.force_login(candidate)
    theirs.force_login(interviewer)
    return mine, theirs


def candidate_list_shows_finished(clients, session) -> bool:
    results = reverse("interviews:session_results", args=[session.pk])
    return f'href="{results}"' in clients[0].get(reverse("interviews:history")).content.decode()


def interviewer_list_shows_finished(clients, session) -> bool:
    transcript = reverse("interviewer:transcript", args=[session.pk])
    page = clients[1].get(reverse("interviewer:session_list")).content.decode()
    return f'href="{transcript}"' in page


def transcript_opens(clients, session) -> bool:
    return clients[1].get(reverse("interviewer:transcript", args=[session.pk])).status_code == 200


def export_shows_finished(clients, session) -> bool:
    export = clients[1].get(reverse("interviewer:transcript_json", args=[session.pk])).json()
    return export["session"]["status"] not in SESSION_RUNNING


def live_view_shows_finished(clients, session) -> bool:
    page = clients[1].get(reverse("interviewer:live")).content.decode()
    return f'id="live-session-{session.pk}"' not in page


PAGES = {
    "candidate's list": candidate_list_shows_finished,
    "interviewer's list": interviewer_list_shows_finished,
    "transcript": transcript_opens,
    "transcript export": export_shows_finished,
    "live view": live_view_shows_finished,
}


def shown_finished(clients, session, *, first: str = "live view") -> dict[str, bool]:
    """Whether each page shows the session finished, `first` asked first: a page that applies
    passed deadlines itself decides for the pages asked after it."""
    order = [first, *(name for name in PAGES if name != first)]
    return {name: PAGES[name](clients, session) for name in order}


def answer_submit(client, session, position: int, text: str):
    url = reverse("interviews:item_submit", args=[session.pk, position])
    return client.post(url, {"answer_text": text, "revision": "1"}, **HTMX)


@pytest.mark.parametrize("per_item_seconds", [180, None], ids=["per question", "no limits"])
def test_a_session_ends_with_its_last_answer_though_the_candidate_never_comes_back(
    clients, running_interview, per_item_seconds
):
    session = running_interview(count=2, per_item_seconds=per_item_seconds)
    mine, _theirs = clients
    last_answer_at = START + timedelta(seconds=90)
    with at(START + timedelta(seconds=30)):
        answer_submit(mine, session, 1, "An image is built from a Dockerfile.")
    with at(last_answer_at):
        response = answer_submit(mine, session, 2, "A running instance of an image.")
    # Then the tab is closed: no other request from the candidate.
    assert response.headers["HX-Redirect"] == reverse(
        "interviews:session_results", args=[session.pk]
    )
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.COMPLETED
    assert session.finished_at == last_answer_at
    stored = list(SessionItem.objects.filter(session=session).values())

    with at(last_answer_at + timedelta(days=3)):
        assert expired_sweep() == (0, 0)
        assert shown_finished(clients, session) == dict.fromkeys(
            [
                "candidate's list",
                "interviewer's list",
                "transcript",
                "transcript export",
                "live view",
            ],
            True,
        )
    session.refresh_from_db()
    assert session.finished_at == last_answer_at
    assert list(SessionItem.objects.filter(session=session).values()) == stored


def test_the_practice_feedback_screen_after_the_last_answer_offers_only_the_results(
    candidate, start_practice
):
    """After each answer its feedback shows; after the last one the session has ended already,
    so leaving that screen leaves nothing running, and its buttons lead to the results."""
    with at(START):
        session, first = start_practice(2, per_item_seconds=180)
    client = Client()
    client.force_login(candidate)
    with at(START + timedelta(seconds=20)):
        answer_submit(client, session, 1, "An image")
        client.post(reverse("interviews:item_next", args=[session.pk]), **HTMX)
    with at(START + timedelta(seconds=50)):
        feedback = answer_submit(client, session, 2, "A container").content.decode()
    results = reverse("interviews:session_results", args=[session.pk])
    assert "Feedback on question 2 of 2" in feedback
    assert f'href="{results}"' in feedback and "Next question" not in feedback
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.COMPLETED
    assert session.finished_at == START + timedelta(seconds=50)

    with at(START + timedelta(days=1)):
        end = client.post(reverse("interviews:session_end", args=[session.pk]), **HTMX)
        assert end.headers["HX-Redirect"] == results
        assert client.get(results).status_code == 200
        assert f'href="{results}"' in client.get(reverse("interviews:history")).content.decode()
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.COMPLETED
    assert session.finished_at == START + timedelta(seconds=50)


@pytest.mark.parametrize("first", list(PAGES))
@pytest.mark.parametrize(
    ("after_deadline", "finished"),
    [(timedelta(0), False), (SECOND, True)],
    ids=["to the end of the grace", "a second later"],
)
def test_pages_agree_once_the_last_question_ran_out_before_the_sweeper_came_by(
    clients, running_interview, after_deadline, finished, first
):
    """The candidate closed the tab on the last question, timed per question: each page applies
    the passed deadline as the live view does, so none waits for the sweeper."""
    session = running_interview(count=2, per_item_seconds=180)
    mine, _theirs = clients
    with at(START + timedelta(seconds=30)):
        answer_submit(mine, session, 1, "An image is built from a Dockerfile.")
    last = SessionItem.objects.get(session=session, position=2)
    with at(START + timedelta(seconds=60)):
        answer_autosave(items=SessionItem.objects.filter(pk=last.pk), text="A running", revision=1)

    grace = timedelta(seconds=grace_seconds())
    with at(last.deadline_at + grace + after_deadline):
        shown = shown_finished(clients, session, first=first)
    assert shown == dict.fromkeys(PAGES, finished)
    session.refresh_from_db()
    last.refresh_from_db()
    assert session.is_running is not finished
    if finished:
        assert (last.status, last.answer_text) == (SessionItem.Status.TIMED_OUT, "A running")
        assert session.finished_at == last.finished_at == last.deadline_at
