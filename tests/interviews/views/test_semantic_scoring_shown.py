"""The transcript and both exports say what made each automatic score: the scorer's version and
whether the semantic layer was blended in, "not recorded" for scores stored before that was kept."""

import csv
import io
import json

import pytest
from django.urls import reverse

from content.scoring import SCORER_VERSION
from interviews.models import SessionItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(finished_session):
    """Item 1 blended with the layer, item 2 scored before the layer was recorded."""
    SessionItem.objects.filter(session=finished_session, position=1).update(semantic_scoring=True)
    SessionItem.objects.filter(session=finished_session, position=2).update(semantic_scoring=None)
    return finished_session


def item_metas(page: str) -> list[str]:
    """The score line of each transcript item, whitespace folded."""
    return [
        " ".join(part.split("</p>")[0].split()) for part in page.split('class="item-meta">')[1:]
    ]


def test_the_transcript_says_what_made_each_automatic_score(client, interviewer, recorded):
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[recorded.pk])).content.decode()
    first, second = item_metas(page)
    assert f"scorer {SCORER_VERSION}, semantic layer on" in first
    assert f"scorer {SCORER_VERSION}, semantic layer not recorded" in second


def test_a_lexical_score_reads_as_the_layer_off(client, interviewer, finished_session):
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[finished_session.pk]))
    first, _ = item_metas(page.content.decode())
    assert f"scorer {SCORER_VERSION}, semantic layer off" in first


def test_the_json_export_says_whether_the_layer_was_used(client, interviewer, recorded):
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript_json", args=[recorded.pk]))
    first, second = json.loads(page.content)["items"]
    assert (first["scorer_version"], first["semantic_scoring"]) == (SCORER_VERSION, True)
    assert second["semantic_scoring"] is None  # not recorded: not the same as off


def test_the_csv_export_says_whether_the_layer_was_used(client, interviewer, recorded):
    SessionItem.objects.filter(session=recorded, position=2).update(semantic_scoring=False)
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript_csv", args=[recorded.pk]))
    first, second = csv.DictReader(io.StringIO(page.content.decode()))
    assert (first["semantic_scoring"], second["semantic_scoring"]) == ("yes", "no")
    SessionItem.objects.filter(session=recorded, position=2).update(semantic_scoring=None)
    page = client.get(reverse("interviewer:transcript_csv", args=[recorded.pk]))
    _, second = csv.DictReader(io.StringIO(page.content.decode()))
    assert second["semantic_scoring"] == "not recorded"
