"""The JSON and CSV exports carry the scorer version, and the score before a re-score."""

import csv
import io

import pytest
from django.core.management import call_command

from content.scoring import SCORER_VERSION
from interviews.models import SessionItem
from interviews.selectors.exports import transcript_csv, transcript_data
from interviews.services import item_finish

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(start_practice):
    session, item = start_practice(1)
    item_finish(item_id=item.pk, text="An image and a container.", revision=1)
    return SessionItem.objects.get(pk=item.pk)


def test_a_fresh_score_has_its_version_and_nothing_before(finished):
    [row] = transcript_data(finished.session)["items"]
    assert row["scorer_version"] == SCORER_VERSION
    assert row["previous_automatic_score"] is None
    assert row["previous_scorer_version"] == ""
    assert row["rescore_note"] == ""


def test_a_rescore_that_changed_the_score_exports_both(finished):
    true_score = finished.score
    SessionItem.objects.filter(pk=finished.pk).update(score=3.0, scorer_version="0")
    call_command("rescore", stdout=io.StringIO(), stderr=io.StringIO())

    [row] = transcript_data(finished.session)["items"]
    assert row["automatic_score"] == true_score != 3.0
    assert row["scorer_version"] == SCORER_VERSION
    assert row["previous_automatic_score"] == 3.0
    assert row["previous_scorer_version"] == "0"
    assert row["rescore_note"] == f"re-scored by scorer {SCORER_VERSION}; was 3 with scorer 0"

    [line] = csv.DictReader(io.StringIO(transcript_csv(finished.session)))
    assert float(line["automatic_score"]) == true_score
    assert line["scorer_version"] == SCORER_VERSION
    assert line["previous_automatic_score"] == "3.0"
    assert line["previous_scorer_version"] == "0"
