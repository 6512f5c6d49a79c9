"""The candidate's sessions list says when each session was taken: an interview is created by the
interviewer, often days before the candidate opens the link and starts it."""

import datetime as dt
import re

import pytest
import time_machine

from interviews.services import item_finish
from interviews.services.building import SessionPlan, invited_session_create
from tests.interviews.conftest import session_play

CREATED = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
PRACTISED = CREATED + dt.timedelta(days=1, hours=5)  # 2 June, 14:00
INTERVIEWED = CREATED + dt.timedelta(days=3, hours=1)  # 4 June, 10:00


@pytest.fixture
def interview(bank, interviewer, candidate):
    """An interview the interviewer set up on CREATED, its link opened by the candidate."""
    plan = SessionPlan(title="Docker basics", level="expert", questions=bank[:2])
    with time_machine.travel(CREATED, tick=False):
        session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    return session


def _rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


@pytest.mark.django_db
def test_an_interview_is_listed_and_charted_when_the_candidate_took_it(
    client, candidate, start_practice, interview
):
    with time_machine.travel(PRACTISED, tick=False):
        _session, item = start_practice(1)
        item_finish(item_id=item.pk, text="An image.")
    with time_machine.travel(INTERVIEWED, tick=False):
        session_play(interview, ["An image has layers.", "A running image."])
    with time_machine.travel(INTERVIEWED + dt.timedelta(hours=1), tick=False):
        client.force_login(candidate)
        page = client.get("/sessions/").content.decode()
    rows = _rows(page)
    # The interview, created before the practice but taken after it, comes first.
    assert [row[0] for row in rows] == ["2026-06-04 10:00", "2026-06-02 14:00"]
    assert rows[0][1] == "Docker basics"
    title = re.search(r"<title id=\"score-chart-title\">(.*?)</title>", page).group(1)
    assert title.startswith("Your scores over time: 2026-06-02: ")
    assert ", 2026-06-04: " in title


@pytest.mark.django_db
def test_an_interview_not_started_yet_says_so(client, candidate, interview):
    client.force_login(candidate)
    rows = _rows(client.get("/sessions/").content.decode())
    assert rows[0][0] == "Not started"
