"""A site whose DJANGO_TIME_ZONE is New York's, read by a browser that has not told its own zone:
the learning pages show New York's dates, say so, and count New York's days as "today", so a page
never prints one zone's evening beside another zone's name, nor calls due a question it dates
tomorrow (docs/learning.md)."""

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
def test_the_review_table_and_the_next_due_date_are_new_yorks(
    new_york, client, candidate, make_question
):
    due, later = make_question("docker", 1), make_question("docker", 2)
    card_review(candidate_id=candidate.pk, question_id=due.pk, rating=Rating.Again, now=EARLY - DAY)
    with time_machine.travel(EARLY + dt.timedelta(hours=1), tick=False):  # 23:00 on Monday there
        client.force_login(candidate)
        page = client.get("/review/").content.decode()
        assert '<th scope="col">Due (America/New York)</th>' in page
        assert _cells(page)[0][2] == "2026-05-11 22:00"

        card_review(candidate_id=candidate.pk, question_id=due.pk, rating=Rating.Good, now=EARLY)
        card_review(candidate_id=candidate.pk, question_id=later.pk, rating=Rating.Again, now=EARLY)
        page = client.get("/review/").content.decode()
        home = client.get("/").content.decode()
    # Due at 22:00 on Tuesday in New York: tomorrow there, not "today" in its Monday evening.
    assert "Nothing is due for review today" in page
    assert "due on <strong>Tuesday 12 May 2026</strong> (America/New York)" in page
    assert "due on Tuesday 12 May (America/New York)" in home


@pytest.mark.django_db
def test_mastery_and_history_dates_are_new_yorks(new_york, client, candidate, start_practice):
    with time_machine.travel(EARLY, tick=False):
        session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
        client.force_login(candidate)
        mastery = client.get("/progress/").content.decode()
        history = client.get("/sessions/").content.decode()
    assert InterviewSession.objects.get().pk == session.pk
    coverage, concepts = mastery.split('id="concepts-heading"')
    assert _cells(coverage)[0][0] == "2026-05-11"
    assert {row[3] for row in _cells(concepts)} == {"2026-05-11"}
    assert '<th scope="col">Started (America/New York)</th>' in history
    assert _cells(history)[0][0] == "2026-05-11 22:00"
