"""One session score everywhere: history, results, interviewer list, live view and exports agree.

The definition (docs/architecture.md): once a session has ended, the mean over all its items of
each final score (a person's override, else the automatic score), a skipped or unanswered item
counting 0. A session still running has no score yet.
"""

import datetime as dt
import json
import re

import pytest
import time_machine
from django.template.defaultfilters import floatformat
from django.urls import reverse

from interviews.models import InterviewSession
from interviews.selectors.sessions import session_score
from interviews.services import item_activate, item_finish, session_abandon, session_start
from interviews.services.answers import answer_autosave
from interviews.services.review import score_override_set

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def mixed_session(invited_session, candidate, bank, interviewer):
    """Three questions: the first submitted and overridden, the second timed out, the third skipped."""
    invited_session.items.create(question=bank[2], position=3)
    invited_session.candidate = candidate
    invited_session.save(update_fields=["candidate"])
    with time_machine.travel(START, tick=False):
        session_start(session=invited_session)
        first = item_activate(session=invited_session)
        item_finish(item_id=first.pk, text="An image has layers.", revision=1)
        second = item_activate(session=invited_session)
        answer_autosave(
            items=invited_session.items.filter(pk=second.pk),
            text="A running instance of an image, with namespaces.",
            revision=1,
        )
    # The per-question limit is 180 s: the timer's submit arrives when it has run out.
    with time_machine.travel(START + dt.timedelta(seconds=200), tick=False):
        item_finish(item_id=second.pk)
        session_abandon(session=invited_session)
    first.refresh_from_db()
    score_override_set(item=first, score=90.0, reason="Covered it in other words.", by=interviewer)
    invited_session.refresh_from_db()
    return invited_session


def shown(pattern: str, page: str) -> str:
    match = re.search(pattern, page, re.S)
    assert match, pattern
    return match.group(1)


def test_every_page_and_export_shows_the_one_score(client, mixed_session, candidate, interviewer):
    items = {item.position: item for item in mixed_session.items.all()}
    assert [items[p].status for p in (1, 2, 3)] == ["submitted", "timed_out", "skipped"]
    assert items[1].final_score == 90.0 and items[1].score != 90.0
    assert items[2].score is not None and items[2].score > 0
    assert mixed_session.status == InterviewSession.Status.ABANDONED
    expected = (90.0 + items[2].score + 0.0) / 3
    assert session_score(mixed_session) == pytest.approx(expected)
    display = floatformat(expected, 0)

    client.force_login(candidate)
    history = client.get(reverse("interviews:history")).content.decode()
    assert shown(r"Docker basics.*?<td>(\d+)</td>", history) == display
    results = client.get(reverse("interviews:session_results", args=[mixed_session.pk]))
    assert shown(r'<strong class="score">(\d+)</strong>', results.content.decode()) == display

    client.force_login(interviewer)
    listing = client.get(reverse("interviewer:session_list")).content.decode()
    assert shown(r"Docker basics.*?\d\d:\d\d</td>\s*<td>(\d+)</td>", listing) == display
    live = client.get(reverse("interviewer:session_detail", args=[mixed_session.pk]))
    assert shown(r'class="session-score">(\d+)</strong>', live.content.decode()) == display
    export = json.loads(
        client.get(reverse("interviewer:transcript_json", args=[mixed_session.pk])).content
    )
    assert export["session"]["score"] == pytest.approx(expected)


def test_a_running_session_has_no_score_yet(invited_session, candidate):
    invited_session.candidate = candidate
    invited_session.save(update_fields=["candidate"])
    session_start(session=invited_session)
    item_finish(item_id=item_activate(session=invited_session).pk, text="layers", revision=1)
    assert session_score(invited_session) is None
