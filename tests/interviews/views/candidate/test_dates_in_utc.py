"""The learning pages say their dates are UTC, so they show them in UTC whatever the server's
TIME_ZONE: a due date is a UTC day (docs/learning.md), and a page that printed New York's
evening beside "(UTC)" would say a question is due on a day it is not."""

import datetime as dt
import re

import pytest
import time_machine
from fsrs import Rating

from interviews.models import InterviewSession
from interviews.services import item_finish
from interviews.services.schedule import card_review

# Two in the morning in UTC is still the evening before in New York.
EARLY = dt.datetime(2026, 5, 12, 2, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


@pytest.fixture
def new_york(settings):
    settings.TIME_ZONE = "America/New_York"


def _cells(page: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>", 1)[1], re.S)
    return [re.findall(r"<td>(.*?)</td>", row, re.S) for row in rows]


@pytest.mark.django_db
def test_the_review_table_and_the_next_due_date_are_utc(new_york, client, candidate, make_question):
    due, later = make_question("docker", 1), make_question("docker", 2)
    card_review(candidate_id=candidate.pk, question_id=due.pk, rating=Rating.Again, now=EARLY - DAY)
    with time_machine.travel(EARLY + dt.timedelta(hours=1), tick=False):
        client.force_login(candidate)
        page = client.get("/review/").content.decode()
        assert _cells(page)[0][2] == "2026-05-12 02:00"

        card_review(candidate_id=candidate.pk, question_id=due.pk, rating=Rating.Good, now=EARLY)
        card_review(candidate_id=candidate.pk, question_id=later.pk, rating=Rating.Again, now=EARLY)
        page = client.get("/review/").content.decode()
        home = client.get("/").content.decode()
    # Due at 02:00 UTC tomorrow: tomorrow, not "today" in New York's evening.
    assert "Nothing is due for review today" in page
    assert "due on <strong>Wednesday 13 May 2026</strong> (UTC)" in page
    assert "due on Wednesday 13 May (UTC)" in home


@pytest.mark.django_db
def test_mastery_and_history_dates_are_utc(new_york, client, candidate, start_practice):
    with time_machine.travel(EARLY, tick=False):
        session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
        client.force_login(candidate)
        mastery = client.get("/progress/").content.decode()
        history = client.get("/sessions/").content.decode()
    assert InterviewSession.objects.get().pk == session.pk
    coverage, concepts = mastery.split('id="concepts-heading"')
    assert _cells(coverage)[0][0] == "2026-05-12"
    assert {row[3] for row in _cells(concepts)} == {"2026-05-12"}
    assert '<th scope="col">Started (UTC)</th>' in history
    assert _cells(history)[0][0] == "2026-05-12 02:00"
