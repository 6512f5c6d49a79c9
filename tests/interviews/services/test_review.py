"""Reviewing transcripts: concept verdicts, score overrides, notes; every change is logged."""

import pytest
from django.urls import reverse

from interviews.models import ConceptVerdict, ReviewChange
from interviews.selectors.agreement import agreement_report
from interviews.selectors.transcripts import transcript_items
from interviews.services import review
from interviews.services.review import (
    CONCEPT_UNKNOWN_MESSAGE,
    OVERRIDE_OUT_OF_RANGE_MESSAGE,
    OVERRIDE_REASON_MISSING_MESSAGE,
    RECOMMENDATION_UNKNOWN_MESSAGE,
    ReviewRefused,
)
from interviews.views.interviewer.review import NOTES_INVALID_MESSAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_item(finished_session):
    return finished_session.items.get(position=1)


def test_unticking_a_matched_concept_is_logged_and_shown_beside_the_scorer(first_item, interviewer):
    matched = first_item.matched[0]["label"]
    review.concept_verdict_set(item=first_item, label=matched, present=False, by=interviewer)
    line = next(c for c in transcript_items(first_item.session)[0].concepts if c.label == matched)
    assert line.auto_present and not line.present and line.corrected
    change = ReviewChange.objects.get()
    assert (change.field, change.concept_label, change.old_value, change.new_value) == (
        "concept",
        matched,
        True,
        False,
    )
    assert change.changed_by == interviewer


def test_ticking_back_to_the_scorer_clears_the_verdict_but_keeps_history(first_item, interviewer):
    label = first_item.missed[0]
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    assert ConceptVerdict.objects.count() == 1
    review.concept_verdict_set(item=first_item, label=label, present=False, by=interviewer)
    assert ConceptVerdict.objects.count() == 0
    assert list(ReviewChange.objects.order_by("id").values_list("new_value", flat=True)) == [
        True,
        False,
    ]


def test_unknown_concept_is_refused(first_item, interviewer):
    with pytest.raises(ReviewRefused, match=CONCEPT_UNKNOWN_MESSAGE):
        review.concept_verdict_set(item=first_item, label="nope", present=True, by=interviewer)


@pytest.mark.parametrize(
    ("score", "reason", "message"),
    [
        (50, "", OVERRIDE_REASON_MISSING_MESSAGE),
        (101, "x", OVERRIDE_OUT_OF_RANGE_MESSAGE),
        (-1, "x", OVERRIDE_OUT_OF_RANGE_MESSAGE),
    ],
)
def test_bad_overrides_are_refused(first_item, interviewer, score, reason, message):
    with pytest.raises(ReviewRefused, match=message):
        review.score_override_set(item=first_item, score=score, reason=reason, by=interviewer)


def test_override_keeps_the_automatic_score_and_logs_old_and_new(first_item, interviewer):
    automatic = first_item.score
    review.score_override_set(item=first_item, score=70, reason="Good enough", by=interviewer)
    review.score_override_set(item=first_item, score=None, reason="", by=interviewer)
    first_item.refresh_from_db()
    assert first_item.score == automatic and first_item.score_override is None
    changes = list(ReviewChange.objects.order_by("id").values_list("old_value", "new_value"))
    assert changes == [(None, 70), (70, None)]


def test_override_through_htmx_returns_the_item_fragment(client, interviewer, first_item):
    client.force_login(interviewer)
    url = reverse("interviewer:score_override", args=[first_item.session_id, first_item.pk])
    response = client.post(
        url, {"score": "42", "reason": "Partly right"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<article class="panel transcript-item" id="item-1">')
    assert "<html" not in body
    assert 'class="human-score">42<' in body
    bad = client.post(url, {"score": "lots", "reason": ""}, headers={"HX-Request": "true"})
    assert "A score must be a number from 0 to 100." in bad.content.decode()


def test_override_without_javascript_redirects_back_to_the_item(client, interviewer, first_item):
    client.force_login(interviewer)
    url = reverse("interviewer:score_override", args=[first_item.session_id, first_item.pk])
    response = client.post(url, {"score": "42", "reason": "Partly right"})
    assert response.status_code == 302
    assert response["Location"].endswith("/transcript/#item-1")


def test_notes_and_recommendation_are_saved_and_logged(client, interviewer, finished_session):
    client.force_login(interviewer)
    url = reverse("interviewer:review", args=[finished_session.pk])
    client.post(url, {"notes": "Solid basics.", "recommendation": "yes"})
    finished_session.refresh_from_db()
    assert (finished_session.notes, finished_session.recommendation) == ("Solid basics.", "yes")
    fields = set(ReviewChange.objects.values_list("field", flat=True))
    assert fields == {"notes", "recommendation"}
    client.post(url, {"notes": "Solid basics.", "recommendation": "maybe-ish"})
    finished_session.refresh_from_db()
    assert finished_session.recommendation == "yes"


def test_refused_notes_keep_what_was_typed_and_say_what_is_wrong(
    client, interviewer, finished_session
):
    """A null character (pasted from some PDFs) cannot be stored: the message names the notes,
    not the recommendation, and the notes typed come back to be fixed, not lost."""
    client.force_login(interviewer)
    url = reverse("interviewer:review", args=[finished_session.pk])
    typed = "Strong on layers,\x00 weak on networking."
    response = client.post(url, {"notes": typed, "recommendation": "yes"})
    body = response.content.decode()
    assert response.status_code == 200
    assert NOTES_INVALID_MESSAGE in body and RECOMMENDATION_UNKNOWN_MESSAGE not in body
    assert "Strong on layers," in body and "weak on networking." in body
    assert '<option value="yes" selected>' in body
    finished_session.refresh_from_db()
    assert (finished_session.notes, finished_session.recommendation) == ("", "")
    assert not ReviewChange.objects.exists()


def test_transcript_page_shows_the_log(client, interviewer, first_item):
    review.score_override_set(item=first_item, score=12, reason="Off topic", by=interviewer)
    client.force_login(interviewer)
    page = client.get(
        reverse("interviewer:transcript", args=[first_item.session_id])
    ).content.decode()
    assert "Off topic" in page
    assert "Score override" in page


def test_running_session_has_no_transcript_yet(client, interviewer, invited_session):
    client.force_login(interviewer)
    response = client.get(reverse("interviewer:transcript", args=[invited_session.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("interviewer:session_detail", args=[invited_session.pk])


def test_agreement_report_counts_corrections_per_question(finished_session, interviewer):
    item = finished_session.items.get(position=1)
    review.concept_verdict_set(item=item, label=item.missed[0], present=True, by=interviewer)
    report = {
        row.question_id: row for row in agreement_report(finished_session.__class__.objects.all())
    }
    corrected = report[item.question_id]
    assert (corrected.reviewed_items, corrected.corrected_items) == (1, 1)
    assert corrected.top_corrections == [(item.missed[0], 1)]
    other = report[finished_session.items.get(position=2).question_id]
    assert other.corrected_items == 0 and other.corrected_share == 0
