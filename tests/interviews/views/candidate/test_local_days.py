"""'Due today' is the reader's today: a question shown due on a day is due on that day of the
reader's calendar, on the review page, the home page, the Review now button and the progress page.

Tested at the edges of days far from UTC: Los Angeles is UTC-7 and Auckland UTC+12 in May.
"""

import datetime as dt

import pytest
import time_machine
from fsrs import Rating

from config.time_zone import TIME_ZONE_COOKIE
from interviews.models import InterviewSession, ReviewCard, SessionItem
from interviews.services.schedule import card_review

pytestmark = pytest.mark.django_db

SECOND = dt.timedelta(seconds=1)
REVIEW_NOW = {"count": "5", "level": "expert", "per_item_minutes": ""}


@pytest.fixture
def card(candidate, make_question):
    """card(due_at): the candidate's review card of a question, due at due_at."""

    def make(due_at: dt.datetime) -> ReviewCard:
        question = make_question("docker", 1)
        made = card_review(
            candidate_id=candidate.pk,
            question_id=question.pk,
            rating=Rating.Again,
            now=due_at - dt.timedelta(days=1),
        )
        assert made.due_at == due_at
        return made

    return make


def _reader(client, candidate, zone: str | None):
    client.force_login(candidate)
    if zone:
        client.cookies[TIME_ZONE_COOKIE] = zone
    return client


def _due_now(client, at: dt.datetime) -> tuple[str, str]:
    with time_machine.travel(at, tick=False):
        return client.get("/review/").content.decode(), client.get("/").content.decode()


def test_late_evening_in_los_angeles_is_still_today_there(client, candidate, card):
    """Due at 23:00 on Tuesday 12 May in Los Angeles, which is 06:00 on Wednesday in UTC."""
    card(dt.datetime(2026, 5, 13, 6, 0, tzinfo=dt.UTC))
    tuesday_morning = dt.datetime(2026, 5, 12, 15, 0, tzinfo=dt.UTC)  # 08:00 there
    # A browser that has not told its zone (no JavaScript) reads the site's default, UTC.
    review_page, home = _due_now(_reader(client, candidate, None), tuesday_morning)
    assert "<strong>Wednesday 13 May 2026</strong> (UTC)" in review_page
    assert "The next question is due on Wednesday 13 May (UTC)." in home
    reader = _reader(client, candidate, "America/Los_Angeles")
    review_page, home = _due_now(reader, tuesday_morning)
    assert '<th scope="col">Due (America/Los Angeles)</th>' in review_page
    assert "<td>2026-05-12 23:00</td>" in review_page
    assert "<strong data-due-count>1</strong> question due for review today" in home
    with time_machine.travel(tuesday_morning, tick=False):
        response = reader.post("/review/", REVIEW_NOW)
    assert response.status_code == 302
    assert InterviewSession.objects.get(title__startswith="Review: ").items.count() == 1


@pytest.mark.parametrize(
    ("zone", "due_at", "midnight"),
    [
        # 01:00 on Wednesday 13 May in Auckland is 13:00 on Tuesday in UTC; midnight there is 12:00.
        (
            "Pacific/Auckland",
            dt.datetime(2026, 5, 12, 13, 0, tzinfo=dt.UTC),
            dt.datetime(2026, 5, 12, 12, 0, tzinfo=dt.UTC),
        ),
        # 01:00 on Wednesday 13 May in Los Angeles is 08:00 in UTC; midnight there is 07:00.
        (
            "America/Los_Angeles",
            dt.datetime(2026, 5, 13, 8, 0, tzinfo=dt.UTC),
            dt.datetime(2026, 5, 13, 7, 0, tzinfo=dt.UTC),
        ),
    ],
)
def test_a_card_due_tomorrow_is_due_from_the_readers_midnight(
    client, candidate, card, zone, due_at, midnight
):
    card(due_at)
    reader = _reader(client, candidate, zone)
    label = zone.replace("_", " ")
    review_page, home = _due_now(reader, midnight - SECOND)
    assert f"<strong>Wednesday 13 May 2026</strong> ({label})" in review_page
    assert f"The next question is due on Wednesday 13 May ({label})." in home
    with time_machine.travel(midnight - SECOND, tick=False):
        refused = reader.post("/review/", REVIEW_NOW, follow=True).content.decode()
    assert "Nothing is due" in refused
    review_page, home = _due_now(reader, midnight)
    assert "<td>2026-05-13 01:00</td>" in review_page
    assert "<strong data-due-count>1</strong> question due for review today" in home


def test_progress_counts_answers_by_the_readers_day(client, candidate, make_question):
    """23:30 and 00:30 in Auckland are two days there, and one UTC day (11:30 and 12:30)."""
    question = make_question("docker", 1)
    for hour in (11, 12):
        at = dt.datetime(2026, 5, 12, hour, 30, tzinfo=dt.UTC)
        session = InterviewSession.objects.create(
            candidate=candidate,
            created_by=candidate,
            status=InterviewSession.Status.COMPLETED,
            started_at=at,
            finished_at=at,
        )
        SessionItem.objects.create(
            session=session,
            question=question,
            position=1,
            status=SessionItem.Status.SUBMITTED,
            answer_text="An image.",
            started_at=at,
            finished_at=at,
            score=50,
            matched=[{"label": "image", "start": 0, "end": 1}],
            missed=["container"],
        )
    in_utc = _reader(client, candidate, None).get("/progress/?topic=docker").content.decode()
    assert in_utc.count("<tr><td>2026-05-12</td><td>") == 1
    assert "<tr><td>2026-05-12</td><td>2</td>" in in_utc
    reader = _reader(client, candidate, "Pacific/Auckland")
    page = reader.get("/progress/?topic=docker").content.decode()
    assert '<th scope="col">Day (Pacific/Auckland)</th>' in page
    assert "<tr><td>2026-05-12</td><td>1</td>" in page
    assert "<tr><td>2026-05-13</td><td>1</td>" in page
    assert '<th scope="col">Last seen (Pacific/Auckland)</th>' in page
    assert "<td>2026-05-13</td></tr>" in page  # the concepts' last answer, at 00:30 there
