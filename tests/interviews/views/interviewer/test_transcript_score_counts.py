"""The transcript says which of an item's scores counts once there is more than the automatic one."""

import re

import pytest
from django.urls import reverse

from interviews.models import SessionItem

pytestmark = pytest.mark.django_db


def item_meta(client, interviewer, item) -> str:
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[item.session_id])).content.decode()
    meta = re.search(r'<p class="item-meta">.*?</p>', page, re.S).group(0)
    return re.sub(r"<[^>]+>|\s+", " ", meta)


@pytest.mark.parametrize(
    ("changed", "counts"),
    [
        ({}, None),
        ({"score_reviewed": 55.0}, "the reviewed score"),
        ({"score_override": 70.0, "override_reason": "ok"}, "the interviewer's score"),
        # Ticks made after an override still leave the override counting.
        (
            {"score_reviewed": 55.0, "score_override": 70.0, "override_reason": "ok"},
            "the interviewer's score",
        ),
    ],
)
def test_the_transcript_names_the_score_that_counts(
    client, interviewer, finished_session, changed, counts
):
    item = finished_session.items.get(position=1)
    SessionItem.objects.filter(pk=item.pk).update(score=40.0, **changed)
    meta = item_meta(client, interviewer, item)
    if counts is None:
        assert "Counts" not in meta
    else:
        assert f"Counts: {counts}" in meta
