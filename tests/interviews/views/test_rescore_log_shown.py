"""The transcript and its exports show what a re-score moved: from what to what, when, by whom
or by which command, and why."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from config.time_zone import TIME_ZONE_COOKIE
from content.scoring import SCORER_VERSION
from interviews.models import SessionItem
from interviews.selectors.exports import CSV_COLUMNS, transcript_csv, transcript_data
from interviews.services import curation, review

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def curated(finished_session, bank, interviewer):
    """Question 1's answer had "read-only template" ticked present by hand; the curator removed
    that concept and re-scored."""
    item = finished_session.items.get(position=1)
    review.concept_verdict_set(item=item, label="read-only template", present=True, by=interviewer)
    bank[0].concepts.filter(label="read-only template").update(is_active=False)
    before = SessionItem.objects.get(pk=item.pk)
    with time_machine.travel(AT, tick=False):
        curation.transcripts_rescore(question=bank[0], sessions=[finished_session], by=interviewer)
    return before, SessionItem.objects.get(pk=item.pk)


def moved(before, after) -> str:
    return (
        f"automatic score {before.score:g} → {after.score:g}; "
        f"reviewed score {before.score_reviewed:g} → none; "
        "“read-only template” present → not judged"
    )


def test_the_transcript_says_when_who_why_and_what_the_rescore_moved(
    client, interviewer, finished_session, curated
):
    before, after = curated
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[finished_session.pk])).content
    page = page.decode()
    assert (
        '<p class="rescore-line">Last re-score, 2026-04-02 09:30 UTC by ivy: '
        f"{moved(before, after)}. Concepts of the question were curated.</p>"
    ) in page
    # The review log lists each entry, the tick among them.
    entry = "<td>Automatic re-score: read-only template (Concepts of the question were curated.)"
    assert entry in page
    assert "<td>present</td><td>not judged</td>" in page


def test_the_rescore_line_says_when_in_the_readers_zone(
    client, interviewer, finished_session, curated
):
    client.force_login(interviewer)
    client.cookies[TIME_ZONE_COOKIE] = "Europe/Berlin"
    page = client.get(reverse("interviewer:transcript", args=[finished_session.pk])).content
    assert "Last re-score, 2026-04-02 11:30 Europe/Berlin by ivy: " in page.decode()


def test_the_exports_carry_the_rescore(finished_session, curated):
    before, after = curated
    changes = transcript_data(finished_session)["changes"]
    rescore = [change for change in changes if change["field"].startswith("rescore")]
    assert [(c["concept"], c["old"], c["new"], c["by"]) for c in rescore] == [
        ("read-only template", True, None, "ivy"),
        ("", before.score_reviewed, None, "ivy"),
        ("", before.score, after.score, "ivy"),
    ]
    # Together, after the columns that were there before them (later ones come after).
    at = CSV_COLUMNS.index("rescored_at")
    assert CSV_COLUMNS[at : at + 4] == [
        "rescored_at",
        "rescored_by",
        "rescore_reason",
        "rescore_changes",
    ]
    assert at == CSV_COLUMNS.index("concepts_in_other_words") + 1
    first, second = csv.DictReader(io.StringIO(transcript_csv(finished_session)))
    assert (first["rescored_at"], first["rescored_by"]) == (AT.isoformat(), "ivy")
    assert first["rescore_reason"] == "Concepts of the question were curated."
    assert first["rescore_changes"] == moved(before, after)
    assert second["rescored_at"] == second["rescore_changes"] == ""


def test_the_command_is_named_where_a_person_would_be(client, interviewer, finished_session):
    item = finished_session.items.get(position=1)
    SessionItem.objects.filter(pk=item.pk).update(score=3.0, scorer_version="0")
    call_command("rescore", stdout=io.StringIO(), stderr=io.StringIO())

    [change] = transcript_data(finished_session)["changes"]
    assert (change["by"], change["by_command"]) == (None, "manage.py rescore")
    [first, _] = csv.DictReader(io.StringIO(transcript_csv(finished_session)))
    assert first["rescored_by"] == "manage.py rescore"
    assert first["rescore_reason"] == f"Re-scored by scorer {SCORER_VERSION} (was scorer 0)."
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[finished_session.pk])).content
    assert "<td>manage.py rescore</td>" in page.decode()
