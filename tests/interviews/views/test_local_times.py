"""Every page with a time shows it in the reader's zone (the browser's, from its cookie) and names
that zone where it said UTC. Auckland is UTC+13 at START: 23:59 UTC on 31 March is 12:59 on 1 April.
"""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from config.time_zone import TIME_ZONE_COOKIE
from interviews.models import SessionItem
from interviews.services import item_activate, item_finish, review, session_start
from interviews.services.building import SessionPlan, invited_session_create
from tests.interviews.conftest import START

pytestmark = pytest.mark.django_db

ZONE = "Pacific/Auckland"


@pytest.fixture
def in_auckland(client):
    client.cookies[TIME_ZONE_COOKIE] = ZONE
    return client


@pytest.fixture
def invited(bank, interviewer, candidate):
    plan = SessionPlan(
        title="Both clocks",
        level="expert",
        questions=bank[:2],
        per_item_seconds=120,
        total_seconds=1800,
    )
    with time_machine.travel(START, tick=False):
        session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    return session


def _no_utc_label(page: str) -> bool:
    return not re.search(r"\bUTC\b", page)


def test_the_interview_page_names_the_readers_times(in_auckland, invited, candidate):
    in_auckland.force_login(candidate)
    with time_machine.travel(START, tick=False):
        session_start(session=invited)
    SessionItem.objects.filter(session=invited, position=1).update(
        autosaved_at=START + timedelta(seconds=5)
    )
    with time_machine.travel(START + timedelta(seconds=10), tick=False):
        page = in_auckland.get(invited.get_absolute_url()).content.decode()
    assert "Time ends at 13:01 Pacific/Auckland;" in page
    assert "The whole session ends at 13:29 Pacific/Auckland." in page
    assert "Saved at 12:59:05 Pacific/Auckland" in page
    assert _no_utc_label(page)


def test_the_clock_between_questions_names_the_readers_zone(in_auckland, invited, candidate):
    in_auckland.force_login(candidate)
    with time_machine.travel(START, tick=False):
        session_start(session=invited)
        item_finish(item_id=invited.items.get(position=1).pk, text="An image.", revision=1)
    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        page = in_auckland.get(invited.get_absolute_url()).content.decode()
    assert "(it ends at 13:29 Pacific/Auckland)." in page
    assert _no_utc_label(page)


def test_the_invite_expiry_is_in_the_readers_zone(in_auckland, invited, interviewer):
    in_auckland.force_login(interviewer)
    with time_machine.travel(START, tick=False):  # while the link is still open
        page = in_auckland.get(reverse("interviewer:session_detail", args=[invited.pk]))
    expires = invited.invite.expires_at.astimezone(ZoneInfo(ZONE))
    assert f"valid until {expires:%Y-%m-%d %H:%M} Pacific/Auckland)" in page.content.decode()


def test_transcript_and_its_review_log_are_in_the_readers_zone(
    in_auckland, invited, interviewer, candidate
):
    with time_machine.travel(START, tick=False):
        session_start(session=invited)
        for seconds in (30, 100):
            item = item_activate(session=invited)
            with time_machine.travel(START + timedelta(seconds=seconds), tick=False):
                item_finish(item_id=item.pk, text="An image has layers.", revision=1)
    invited.refresh_from_db()
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        review.score_override_set(
            item=invited.items.get(position=1), score=55, reason="Layers", by=interviewer
        )
    in_auckland.force_login(interviewer)
    page = in_auckland.get(reverse("interviewer:transcript", args=[invited.pk])).content.decode()
    assert "Started 2026-04-01 12:59:00 · finished 2026-04-01 13:00:40 (Pacific/Auckland)" in page
    assert "12:59:00 to 12:59:30" in page
    assert '<th scope="col">When (Pacific/Auckland)</th>' in page
    assert "<td>2026-04-01 13:04:00</td>" in page
    assert "<li>2026-04-01 13:04:00 ·" in page
    assert _no_utc_label(page)


def test_session_lists_show_the_readers_day_and_hour(in_auckland, invited, interviewer, candidate):
    in_auckland.force_login(interviewer)
    listing = in_auckland.get(reverse("interviewer:session_list")).content.decode()
    assert '<th scope="col">Created (Pacific/Auckland)</th>' in listing
    assert "<td>2026-04-01 12:59</td>" in listing
    with time_machine.travel(START, tick=False):
        session_start(session=invited)
    in_auckland.force_login(candidate)
    history = in_auckland.get(reverse("interviews:history")).content.decode()
    assert '<th scope="col">Started (Pacific/Auckland)</th>' in history
    assert "<td>2026-04-01 12:59</td>" in history


def test_exports_stay_in_utc_with_the_offset_whatever_the_readers_zone(
    in_auckland, invited, interviewer
):
    with time_machine.travel(START, tick=False):
        session_start(session=invited)
        item = item_activate(session=invited)
        item_finish(item_id=item.pk, text="An image has layers.", revision=1)
    in_auckland.force_login(interviewer)
    exported = in_auckland.get(reverse("interviewer:transcript_json", args=[invited.pk])).json()
    assert exported["session"]["started_at"] == "2026-03-31T23:59:00+00:00"
    assert exported["items"][0]["finished_at"] == "2026-03-31T23:59:00+00:00"
    table = in_auckland.get(reverse("interviewer:transcript_csv", args=[invited.pk]))
    assert "2026-03-31T23:59:00+00:00" in table.content.decode("utf-8-sig")
    assert "2026-04-01T12:59" not in table.content.decode("utf-8-sig")
