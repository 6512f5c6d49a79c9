"""What the candidate reads: feedback order, the clock without JavaScript, level wording, limits."""

import datetime as dt
import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from content.scoring.nonanswer import FEEDBACK_NON_ANSWER
from interviews.models import InterviewSession, SessionItem
from interviews.services import item_finish, session_abandon

START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


def submit_first(logged_in, session) -> str:
    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        response = logged_in.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "An image is a template for a container", "revision": "1"},
            **HTMX,
        )
    assert response.status_code == 200
    return response.content.decode()


def test_feedback_puts_score_then_next_before_the_long_parts(logged_in, start_session):
    session, _ = start_session(count=2)
    body = submit_first(logged_in, session)
    score = body.index('class="score"')
    next_button = body.index(">Next question</button>")
    own_answer = body.index("Your answer</h3>")
    model_answer = body.index("An expert answer.")
    assert score < next_button < own_answer < model_answer
    assert body.count('class="score"') == 1


def test_model_answers_are_collapsed_in_details(logged_in, start_session):
    session, _ = start_session(count=2)
    body = submit_first(logged_in, session)
    blocks = re.findall(r"<details class=\"model-answer\"( open)?>(.*?)</details>", body, re.S)
    assert len(blocks) == 2
    assert all(opened == "" for opened, _ in blocks)
    assert "An expert answer." in blocks[0][1] or "An expert answer." in blocks[1][1]


def test_results_page_collapses_model_answers_too(logged_in, start_session):
    session, _ = start_session(count=1)
    submit_first(logged_in, session)
    body = logged_in.get(reverse("interviews:session_results", args=[session.pk])).content
    assert body.decode().count('<details class="model-answer">') == 2


def test_without_javascript_the_clock_says_when_time_ends(logged_in, start_session):
    session, _ = start_session(count=1, per_item_seconds=180)
    with time_machine.travel(START + timedelta(seconds=10), tick=False):
        body = logged_in.get(session.get_absolute_url()).content.decode()
    # Started 23:59:00 with three minutes: the server says when, not a clock that never moves.
    assert "Time ends at 00:02 UTC; your answer is saved when you submit." in body
    assert "Not saved yet" not in body
    clock = re.search(r"<span class=\"timer-clock\"[^>]*>", body).group(0)
    assert "hidden" in clock


def test_without_a_limit_the_page_says_the_answer_is_saved_on_submit(logged_in, start_session):
    session, _ = start_session(count=1, per_item_seconds=None)
    body = logged_in.get(session.get_absolute_url()).content.decode()
    assert "Your answer is saved when you submit." in body
    assert "Not saved yet" not in body


def test_level_badge_describes_the_answer_not_the_chosen_level(logged_in, start_session):
    session, item = start_session(count=2)
    body = submit_first(logged_in, session)
    item.refresh_from_db()
    assert item.level_estimate
    assert f"Level: {item.level_estimate}" not in body
    assert "Your answer reads" in body


@pytest.mark.parametrize(
    ("estimate", "wording"),
    [
        ("between", "Your answer reads between beginner and expert level"),
        ("expert", "Your answer reads at expert level"),
        ("below beginner", "Your answer reads below beginner level"),
    ],
)
def test_level_wording(estimate, wording):
    from interviews.templatetags.interview_tags import level_shown

    assert level_shown(estimate) == wording


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(120, "2 min"), (90, "1 min 30 s"), (45, "45 s"), (3600, "60 min"), (None, "no limit")],
)
def test_limit_text_keeps_minutes_as_minutes(seconds, text):
    from interviews.templatetags.interview_tags import limit_text

    assert limit_text(seconds) == text


def test_results_show_the_set_limit_for_a_skipped_question(logged_in, start_session):
    session, item = start_session(count=2, per_item_seconds=120)
    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        item_finish(item_id=item.pk, text="an image", revision=1)
        session_abandon(session=session)
    skipped = SessionItem.objects.get(session=session, position=2)
    assert skipped.status == SessionItem.Status.SKIPPED
    body = logged_in.get(reverse("interviews:session_results", args=[session.pk])).content
    body = body.decode()
    assert "no limit" not in body
    assert "/ 2 min" in body
    assert "120" not in body


def test_history_says_why_the_chart_is_empty(logged_in, start_session):
    empty = logged_in.get(reverse("interviews:history")).content.decode()
    session, item = start_session(count=1)
    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        item_finish(item_id=item.pk, text="an image", revision=1)
    one = logged_in.get(reverse("interviews:history")).content.decode()
    assert "No sessions yet" in empty
    assert "once you have finished two sessions (one so far)" in one
    assert "<svg" not in one
    assert InterviewSession.objects.get(pk=session.pk).status == "completed"


def test_a_non_answer_reads_as_no_answer_in_the_feedback_and_on_the_results(
    logged_in, start_session
) -> None:
    session, _ = start_session(count=1)
    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        body = logged_in.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "Sorry, I have never used it.", "revision": "1"},
            **HTMX,
        ).content.decode()
    results = logged_in.get(reverse("interviews:session_results", args=[session.pk]))
    for page in (body, results.content.decode()):
        assert FEEDBACK_NON_ANSWER in page
    assert SessionItem.objects.get(session=session).score == 0


def test_the_concepts_covered_are_named_in_text_not_only_by_the_highlight(logged_in, start_session):
    """The highlight is a colour, and its concept is in a title that only a mouse can show: the
    feedback lists the covered concepts as words too, beside the missed ones."""
    session, _ = start_session(count=2)
    feedback = submit_first(logged_in, session)
    with time_machine.travel(START + timedelta(seconds=40), tick=False):
        session_abandon(session=session)
    results = logged_in.get(reverse("interviews:session_results", args=[session.pk]))
    item = SessionItem.objects.get(session=session, position=1)
    assert item.matched_labels
    for body in (feedback, results.content.decode()):
        covered = re.search(
            r"<h3>Key concepts you covered</h3>\s*<ul class=\"covered\">(.*?)</ul>", body, re.S
        )
        assert covered is not None
        assert re.findall(r"<li>(.*?)</li>", covered.group(1)) == item.matched_labels
