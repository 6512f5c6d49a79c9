"""Ticks on concepts a later extraction dropped: after `extract_concepts` and `rescore` they stay
on the transcript, marked, and a concept ticked present still counts in the reviewed score."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from content.models import Concept
from interviews.models import ConceptVerdict, ReviewChange, SessionItem
from interviews.selectors.exports import transcript_csv, transcript_data
from interviews.selectors.transcripts import transcript_items
from interviews.services import review

pytestmark = pytest.mark.django_db
OLD = "0"  # a version older than any the scorer has had
HTMX = {"HTTP_HX_REQUEST": "true"}


def upgrade(item: SessionItem, *, dropped: str, added: tuple[str, ...]) -> None:
    """What an upgrade does to the item's question: the new extraction drops one concept and
    finds others (extract_concepts deletes the extracted row it no longer finds), and the
    item's score is by an older scorer, so rescore picks it."""
    Concept.objects.filter(question=item.question, label=dropped).delete()
    for rank, label in enumerate(added, start=10):
        Concept.objects.create(question=item.question, label=label, rank=rank)
    SessionItem.objects.filter(pk=item.pk).update(scorer_version=OLD)
    call_command("rescore", stdout=io.StringIO(), stderr=io.StringIO())
    item.refresh_from_db()


@pytest.fixture
def ticked(finished_session, interviewer):
    """Item 1 with "read-only template" (missed by the scorer) ticked present by a person."""
    item = finished_session.items.get(position=1)
    assert "read-only template" in item.missed
    review.concept_verdict_set(item=item, label="read-only template", present=True, by=interviewer)
    item.refresh_from_db()
    assert item.score_reviewed > item.score
    return item


def card(client, item) -> str:
    body = client.get(reverse("interviewer:transcript", args=[item.session_id])).content.decode()
    return body.split(f'id="item-{item.position}"')[1].split("</article>")[0]


def test_a_tick_present_on_a_dropped_concept_still_counts_and_shows(client, interviewer, ticked):
    upgrade(ticked, dropped="read-only template", added=("immutable", "registry", "base image"))

    assert "read-only template" not in ticked.matched_labels + ticked.missed
    assert ConceptVerdict.objects.get(item=ticked).present is True
    # Still the person's judgement: the concept's share (default weight, it has no row now) of
    # the concepts the answer was judged against plus the one the person ticked.
    judged = len(review.item_concept_labels(ticked))
    expected = round(ticked.score + 100.0 / (judged + 1), 1)
    assert expected < 100 and ticked.score_reviewed == expected
    assert ticked.final_score == ticked.score_reviewed

    row = transcript_items(ticked.session)[0]
    line = next(line for line in row.concepts if line.label == "read-only template")
    assert line.present and line.no_longer_listed
    client.force_login(interviewer)
    html = card(client, ticked)
    item_line = re.search(r"<li[^>]*>(?:(?!</li>).)*read-only template.*?</li>", html, re.S)
    assert item_line, html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item_line.group(0)))
    assert "Present:" in text
    assert "no longer in the question's concepts" in text
    assert "still counts in the reviewed score" in text
    data = transcript_data(ticked.session)["items"][0]
    concept = next(c for c in data["concepts"] if c["label"] == "read-only template")
    assert concept == {
        "label": "read-only template",
        "automatic": False,
        "present": True,
        "no_longer_listed": True,
        "in_other_words": [],
        "credit": None,
    }
    assert "read-only template" in transcript_csv(ticked.session)


def test_a_tick_absent_on_a_dropped_concept_shows_and_no_longer_moves_the_score(
    client, interviewer, finished_session
):
    item = finished_session.items.get(position=2)
    assert "running instance" in item.matched_labels
    review.concept_verdict_set(item=item, label="running instance", present=False, by=interviewer)

    upgrade(item, dropped="running instance", added=("process isolation",))

    # The scorer no longer gives credit for the concept the person took away: the tick agrees
    # with it, so it moves nothing (no credit is taken twice), but it is still on the transcript.
    assert item.score_reviewed is None and item.final_score == item.score
    row = transcript_items(item.session)[1]
    line = next(line for line in row.concepts if line.label == "running instance")
    assert not line.present and line.no_longer_listed
    client.force_login(interviewer)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card(client, item)))
    assert "Missing: running instance" in text
    assert "no longer in the question's concepts" in text


def test_a_tick_on_a_dropped_concept_can_be_withdrawn_and_that_is_logged(
    client, interviewer, ticked
):
    upgrade(ticked, dropped="read-only template", added=("immutable",))
    client.force_login(interviewer)
    url = reverse("interviewer:concept_verdict", args=[ticked.session_id, ticked.pk])

    body = client.post(url, {"label": "read-only template", "present": "0"}, **HTMX)

    assert body.status_code == 200
    ticked.refresh_from_db()
    assert not ConceptVerdict.objects.filter(item=ticked).exists()
    assert ticked.score_reviewed is None and ticked.final_score == ticked.score
    change = ReviewChange.objects.filter(field=ReviewChange.Field.CONCEPT).first()
    assert (change.concept_label, change.old_value, change.new_value) == (
        "read-only template",
        True,
        False,
    )
    concepts = card(client, ticked).split('<ul class="concepts">')[1].split("</ul>")[0]
    assert "read-only template" not in concepts


def test_a_tick_the_new_scorer_agrees_with_can_be_changed_again(client, interviewer, ticked):
    """The rescore keeps a tick the scorer now agrees with; turning it round must not fail."""
    Concept.objects.filter(question=ticked.question, label="read-only template").update(
        variants=["Dockerfile"]
    )
    SessionItem.objects.filter(pk=ticked.pk).update(scorer_version=OLD)
    call_command("rescore", stdout=io.StringIO(), stderr=io.StringIO())
    ticked.refresh_from_db()
    verdict = ConceptVerdict.objects.get(item=ticked)
    assert "read-only template" in ticked.matched_labels
    assert verdict.present is True and verdict.auto_present is True

    review.concept_verdict_set(
        item=ticked, label="read-only template", present=False, by=interviewer
    )

    verdict = ConceptVerdict.objects.get(item=ticked)
    assert verdict.present is False and verdict.auto_present is True
    ticked.refresh_from_db()
    assert ticked.score_reviewed is not None and ticked.score_reviewed < ticked.score
