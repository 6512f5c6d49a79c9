"""The interviewer's main path through the test client: build, invite, watch, review, export."""

import codecs
import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from interviews.models import InterviewSession
from interviews.services.building import SessionPlan, invited_session_create
from interviews.services.invites import INVITE_USED_MESSAGE

pytestmark = pytest.mark.django_db


def test_finished_session_fixture_is_scored(finished_session):
    assert finished_session.status == InterviewSession.Status.COMPLETED
    scores = [item.score for item in finished_session.items.all()]
    assert all(score is not None and score > 0 for score in scores)


def test_build_page_creates_a_session_with_an_invite(client, interviewer, bank):
    client.force_login(interviewer)
    response = client.post(
        reverse("interviewer:session_build"),
        {
            "action": "create",
            "title": "Round one",
            "level": "expert",
            "questions": [bank[0].pk, bank[2].pk],
            "time_mode": "per_item",
            "minutes": 2,
            "candidate_name": "Dee",
            "candidate_email": "dee@example.com",
        },
    )
    session = InterviewSession.objects.get(title="Round one")
    assert response.status_code == 302
    assert response["Location"] == reverse("interviewer:session_detail", args=[session.pk])
    assert session.kind == "invited" and session.created_by == interviewer
    assert session.per_item_seconds == 120 and session.total_seconds is None
    assert [item.question_id for item in session.items.order_by("position")] == [
        bank[0].pk,
        bank[2].pk,
    ]
    assert len(session.invite.token) >= 43
    page = client.get(response["Location"])
    assert session.invite.token in page.content.decode()


def test_guest_accepts_invite_and_a_second_person_is_refused(client, invited_session):
    link = reverse("interviewer:invite_open", args=[invited_session.invite.token])
    assert client.get(link)["Location"] == reverse("interviewer:invite")
    url = reverse("interviewer:invite")
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Gina Guest"})
    assert response.status_code == 302
    invited_session.refresh_from_db()
    assert invited_session.candidate.first_name == "Gina Guest"
    assert invited_session.guest_name == "Gina Guest"
    assert not invited_session.candidate.has_usable_password()
    # The same guest coming back is let through.
    assert client.get(url).status_code == 302
    # Someone else is told clearly, without a traceback.
    from django.test import Client

    stranger = Client()
    stranger.get(link)
    refused = stranger.post(url, {"name": "Mallory"})
    assert refused.status_code == 410
    assert INVITE_USED_MESSAGE in refused.content.decode()


@pytest.mark.parametrize(("count", "says"), [(1, "1 question,"), (2, "2 questions,")])
def test_the_invite_page_counts_the_questions_in_words(client, bank, interviewer, count, says):
    plan = SessionPlan(title="Screen", level="expert", questions=bank[:count])
    session = invited_session_create(interviewer=interviewer, plan=plan)
    client.get(reverse("interviewer:invite_open", args=[session.invite.token]))
    page = client.get(reverse("interviewer:invite")).content.decode()
    assert f"invited you to “Screen”: {says} no time limit." in page


def test_transcript_shows_escaped_highlighted_answer(client, interviewer, finished_session):
    client.force_login(interviewer)
    page = client.get(
        reverse("interviewer:transcript", args=[finished_session.pk])
    ).content.decode()
    assert "<mark" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_exports_are_stable_json_and_csv(client, interviewer, finished_session):
    client.force_login(interviewer)
    data = json.loads(
        client.get(f"/interviewer/sessions/{finished_session.pk}/transcript.json").content
    )
    assert [row["position"] for row in data["items"]] == [1, 2]
    assert data["session"]["candidate"] == "casey"
    exported = client.get(f"/interviewer/sessions/{finished_session.pk}/transcript.csv").content
    # With a byte-order mark, so that spreadsheets read the UTF-8 names and answers as UTF-8.
    assert exported.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
    assert list(rows[0])[0] == "session_id"
    assert len(rows) == 2
    assert rows[0]["automatic_score"] == str(data["items"][0]["automatic_score"])


def test_export_times_are_utc_to_the_second_which_spreadsheets_read_as_dates(
    client, interviewer, finished_session, settings
):
    settings.TIME_ZONE = "Europe/Berlin"
    finished_session.items.update(
        started_at=dt.datetime(2026, 5, 12, 10, 0, 0, 654321, tzinfo=dt.UTC)
    )
    client.force_login(interviewer)
    url = f"/interviewer/sessions/{finished_session.pk}/transcript"
    data = json.loads(client.get(f"{url}.json").content)
    rows = list(csv.DictReader(io.StringIO(client.get(f"{url}.csv").content.decode("utf-8-sig"))))

    assert data["items"][0]["started_at"] == rows[0]["started_at"] == "2026-05-12T10:00:00+00:00"
    for value in (data["session"]["started_at"], data["session"]["finished_at"]):
        assert "." not in value and value.endswith("+00:00")
