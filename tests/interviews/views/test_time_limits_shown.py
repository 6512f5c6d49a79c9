"""A session may have a limit per question and one for the whole session (the admin, a template):
every page that describes its limits names both."""

import datetime as dt
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from interviews.services import item_activate, item_finish, session_start
from interviews.services.building import SessionPlan, invited_session_create, template_create
from interviews.templatetags.interview_tags import item_limit, time_limits

START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)
BOTH = {"per_item_seconds": 120, "total_seconds": 1800}


class Limits:
    def __init__(self, per_item_seconds, total_seconds):
        self.per_item_seconds = per_item_seconds
        self.total_seconds = total_seconds


class Item:
    def __init__(self, session):
        self.session = session


@pytest.mark.parametrize(
    ("per_item", "total", "described", "per_question"),
    [
        (120, None, "2 min per question", "2 min"),
        (None, 1800, "30 min in total", "30 min for the session"),
        (120, 1800, "2 min per question, 30 min in total", "2 min (30 min for the session)"),
        (None, None, "no time limit", "no limit"),
    ],
)
def test_limits_in_words(per_item, total, described, per_question):
    limits = Limits(per_item, total)
    assert time_limits(limits) == described
    assert item_limit(Item(limits)) == per_question


@pytest.fixture
def plan(bank):
    return SessionPlan(title="Both clocks", level="expert", questions=bank[:2], **BOTH)


@pytest.fixture
def played(plan, interviewer, candidate):
    """The invited session with both limits, answered by the candidate from START."""
    session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    with time_machine.travel(START, tick=False):
        session_start(session=session)
        for seconds, text in ((30, "An image has layers."), (100, "A running instance.")):
            item = item_activate(session=session)
            with time_machine.travel(START + timedelta(seconds=seconds), tick=False):
                item_finish(item_id=item.pk, text=text, revision=1)
    session.refresh_from_db()
    return session


def test_the_invite_names_both_limits(client, plan, interviewer):
    session = invited_session_create(interviewer=interviewer, plan=plan)
    client.get(reverse("interviewer:invite_open", args=[session.invite.token]))
    page = client.get(reverse("interviewer:invite")).content.decode()
    assert "2 questions, 2 min per question, 30 min in total." in page


def test_the_interviewers_pages_name_both_limits(client, plan, interviewer):
    client.force_login(interviewer)
    session = invited_session_create(interviewer=interviewer, plan=plan)
    template_create(interviewer=interviewer, name="Both clocks", plan=plan)
    detail = client.get(reverse("interviewer:session_detail", args=[session.pk]))
    templates = client.get(reverse("interviewer:template_list"))
    assert "· 2 min per question, 30 min in total</p>" in detail.content.decode()
    assert "2 min per question, 30 min in total" in templates.content.decode()


def test_results_and_transcript_name_both_limits(client, played, candidate, interviewer):
    client.force_login(candidate)
    results = client.get(reverse("interviews:session_results", args=[played.pk]))
    assert "/ 2 min (30 min for the session)</td>" in results.content.decode()
    client.force_login(interviewer)
    transcript = client.get(reverse("interviewer:transcript", args=[played.pk]))
    assert "of 2 min (30 min for the session)" in transcript.content.decode()


def test_the_interview_page_names_both_limits(client, plan, interviewer, candidate):
    session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    client.force_login(candidate)
    ready = client.get(session.get_absolute_url()).content.decode()
    assert "2 questions, 2 min per question, 30 min in total." in ready
    with time_machine.travel(START, tick=False):
        session_start(session=session)
    with time_machine.travel(START + timedelta(seconds=10), tick=False):
        page = client.get(session.get_absolute_url()).content.decode()
    # The question's own clock, and the end of the whole session (23:59 + 30 min).
    assert "Time ends at 00:01 UTC" in page
    assert "The whole session ends at 00:29 UTC." in page
