"""The transcript CSV says who overrode a score and when, as the JSON export's change list does."""

import codecs
import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from interviews.selectors.exports import CSV_COLUMNS
from interviews.services import review

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.UTC)


def csv_rows(client, session):
    exported = client.get(reverse("interviewer:transcript_csv", args=[session.pk])).content
    assert exported.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))


def test_the_csv_names_the_overrides_author_and_time(client, finished_session, interviewer, staff):
    first, second = finished_session.items.order_by("position")
    review.score_override_set(item=first, score=40, reason="=too short", by=interviewer, now=AT)
    later = AT + dt.timedelta(minutes=5)
    review.score_override_set(item=first, score=55, reason="Reread it", by=staff, now=later)
    # Set, then cleared: no override left, so nobody to name.
    review.score_override_set(item=second, score=70, reason="Kind", by=interviewer, now=AT)
    review.score_override_set(item=second, score=None, reason="", by=interviewer, now=later)
    assert CSV_COLUMNS.index("override_by") == CSV_COLUMNS.index("override_reason") + 1
    assert CSV_COLUMNS.index("override_at") == CSV_COLUMNS.index("override_by") + 1

    client.force_login(interviewer)
    rows = csv_rows(client, finished_session)

    assert [(row["score_override"], row["override_by"], row["override_at"]) for row in rows] == [
        ("55.0", "sam", later.isoformat()),
        ("", "", ""),
    ]
    staff.delete()
    rows = csv_rows(client, finished_session)
    assert rows[0]["override_by"] == "a deleted user"
    assert rows[0]["override_reason"] == "Reread it"


def test_override_cells_stay_text_in_a_spreadsheet(client, finished_session, django_user_model):
    first = finished_session.items.get(position=1)
    reviewer = django_user_model.objects.create_user("-cmd", password="pw-x-123!", is_staff=True)
    review.score_override_set(item=first, score=40, reason="=HYPERLINK(1)", by=reviewer, now=AT)
    client.force_login(reviewer)
    row = csv_rows(client, finished_session)[0]
    assert row["override_by"] == "'-cmd"
    assert row["override_reason"] == "'=HYPERLINK(1)"
