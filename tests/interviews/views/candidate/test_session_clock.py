"""The session's own clock between questions: the time keeps running while feedback is read."""

import datetime as dt
import re
from datetime import timedelta

import time_machine
from django.urls import reverse

from interviews.models import InterviewSession, SessionItem
from interviews.views.candidate.session import SESSION_TIME_UP_MESSAGE

START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


def at(seconds: int):
    return time_machine.travel(START + timedelta(seconds=seconds), tick=False)


def submit_first(client, session, *, seconds: int = 30) -> str:
    with at(seconds):
        response = client.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "An image is a template for a container", "revision": "1"},
            **HTMX,
        )
    assert response.status_code == 200
    return response.content.decode()


def session_clock(body: str) -> str:
    """The timer block of the stage, from its opening tag to its closing one."""
    match = re.search(r'<div class="timer[^"]*"[^>]*data-timer[^>]*>.*?</div>', body, re.S)
    assert match, "no timer on the page"
    return match.group(0)


def test_feedback_shows_the_session_time_left(logged_in, start_session):
    session, _ = start_session(count=2, per_item_seconds=None, total_seconds=600)
    body = submit_first(logged_in, session, seconds=30)
    assert "Feedback on question 1 of 2" in body
    clock = session_clock(body)
    assert 'data-remaining-seconds="570"' in clock
    # Without JavaScript: the time left when the page was made, and the end that never goes stale.
    assert "Session time left: 9:30 (it ends at 00:09 UTC)." in clock
    # The score, then the clock and the next step, then the long parts.
    assert body.index('class="score"') < body.index("data-timer") < body.index("Your answer</h3>")

    with at(90):
        page = logged_in.get(session.get_absolute_url()).content.decode()
    assert "<html" in page
    clock = session_clock(page)
    assert 'data-remaining-seconds="510"' in clock
    assert "Session time left: 8:30 (it ends at 00:09 UTC)." in clock
    # With JavaScript, the clock at zero sends this form: the server ends the session then.
    next_form = re.search(r"<form [^>]*>", page[page.index("data-timer") :]).group(0)
    assert reverse("interviews:item_next", args=[session.pk]) in next_form
    assert "data-time-up-form" in next_form


def test_the_done_screen_with_hidden_scores_shows_it_too(logged_in, start_session):
    session, _ = start_session(count=2, per_item_seconds=None, total_seconds=600)
    InterviewSession.objects.filter(pk=session.pk).update(hide_scores=True)
    body = submit_first(logged_in, session, seconds=60)
    assert "Question 1 of 2 is done" in body
    assert "Session time left: 9:00 (it ends at 00:09 UTC)." in session_clock(body)


def test_no_session_clock_without_a_session_limit(logged_in, start_session):
    session, _ = start_session(count=2, per_item_seconds=180)
    body = submit_first(logged_in, session)
    assert "Feedback on question 1 of 2" in body
    assert "data-timer" not in body
    assert "Session time left" not in body


def test_next_question_after_the_session_time_is_up_ends_it(logged_in, start_session):
    session, _ = start_session(count=2, per_item_seconds=None, total_seconds=600)
    submit_first(logged_in, session)
    # One second past the deadline, inside the grace: no question may start any more.
    with at(601):
        response = logged_in.post(reverse("interviews:item_next", args=[session.pk]), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert SESSION_TIME_UP_MESSAGE in body
    assert "See your results" in body and "Question 2 of 2" not in body
    assert "data-timer" not in body
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.EXPIRED
    assert session.finished_at == START + timedelta(seconds=600)
    second = SessionItem.objects.get(session=session, position=2)
    assert second.status == SessionItem.Status.SKIPPED and second.started_at is None


def test_without_javascript_next_after_the_time_is_up_goes_to_the_results(logged_in, start_session):
    session, _ = start_session(count=2, per_item_seconds=None, total_seconds=600)
    submit_first(logged_in, session)
    with at(601):
        response = logged_in.post(reverse("interviews:item_next", args=[session.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "interviews:session_results", args=[session.pk]
    )
    assert SESSION_TIME_UP_MESSAGE in response.content.decode()
