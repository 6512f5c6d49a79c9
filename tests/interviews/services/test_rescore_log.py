"""A re-score is in the review log: each score and tick it moved, from what to what, when, by whom
(or by which command) and why; a re-score that moves nothing writes nothing."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from interviews.models import ReviewChange, SessionItem
from interviews.selectors.sessions import session_score
from interviews.services import curation, review
from interviews.services.curation import CURATED_RESCORE_REASON

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.UTC)
RESCORE = ReviewChange.Field.RESCORE
REVIEWED = ReviewChange.Field.RESCORE_REVIEWED


def rename(question, label: str, new_label: str, *, variants=()) -> None:
    concept = question.concepts.get(label=label)
    curation.concept_update(
        concept=concept,
        label=new_label,
        variants=list(variants),
        weight=concept.weight,
        tier=concept.tier,
        is_active=True,
    )


def rescore(question, session, by):
    with time_machine.travel(AT, tick=False):
        return curation.transcripts_rescore(question=question, sessions=[session], by=by)


def logged(item):
    """(field, concept, old, new) of each re-score entry of item, oldest first."""
    changes = item.review_changes.filter(field__in=[RESCORE, REVIEWED]).order_by("id")
    return [(c.field, c.concept_label, c.old_value, c.new_value) for c in changes]


def test_a_covered_concept_renamed_away_is_logged_though_the_score_stays(
    finished_session, bank, interviewer
):
    """The answer had "layers" covered; the curator renamed it. The automatic score is the same,
    but the answer no longer lists "layers": that is what the log must keep."""
    item = finished_session.items.get(position=1)
    before = item.score
    rename(bank[0], "layers", "image layers", variants=["layers"])

    rescore(bank[0], finished_session, interviewer)

    item.refresh_from_db()
    assert item.score == before
    assert "layers" not in item.matched_labels and "image layers" in item.matched_labels
    assert logged(item) == [
        (RESCORE, "layers", True, None),
        (RESCORE, "image layers", None, True),
    ]
    change = item.review_changes.get(concept_label="layers")
    assert (change.changed_by, change.changed_at) == (interviewer, AT)
    assert change.reason == CURATED_RESCORE_REASON
    assert (change.old_shown, change.new_shown) == ("present", "not judged")


def test_a_persons_tick_dropped_with_its_concept_is_logged_with_the_reviewed_score(
    finished_session, bank, interviewer, other_interviewer
):
    item = finished_session.items.get(position=1)
    review.concept_verdict_set(item=item, label="read-only template", present=True, by=interviewer)
    item.refresh_from_db()
    automatic, reviewed = item.score, item.score_reviewed
    assert reviewed is not None and reviewed > automatic
    bank[0].concepts.filter(label="read-only template").update(is_active=False)

    rescore(bank[0], finished_session, other_interviewer)

    item.refresh_from_db()
    assert item.score_reviewed is None and not item.concept_verdicts.exists()
    assert logged(item) == [
        (RESCORE, "read-only template", True, None),
        (REVIEWED, "", reviewed, None),
        (RESCORE, "", automatic, item.score),
    ]
    assert {c.changed_by for c in item.review_changes.filter(changed_at=AT)} == {other_interviewer}


def test_a_rescore_that_moves_nothing_writes_nothing(finished_session, bank, interviewer):
    item = finished_session.items.get(position=1)
    review.concept_verdict_set(item=item, label="read-only template", present=True, by=interviewer)
    entries = ReviewChange.objects.count()

    results = rescore(bank[0], finished_session, interviewer)

    assert [result.item.pk for result in results] == [item.pk]
    assert ReviewChange.objects.count() == entries


def test_an_override_still_wins_over_a_rescore(client, finished_session, bank, interviewer):
    item = finished_session.items.get(position=1)
    review.score_override_set(item=item, score=30, reason="Could not explain it", by=interviewer)
    review.concept_verdict_set(item=item, label="read-only template", present=True, by=interviewer)
    bank[0].concepts.filter(label__in=["read-only template", "Dockerfile"]).update(weight=3)

    rescore(bank[0], finished_session, interviewer)

    item = SessionItem.objects.get(pk=item.pk)
    assert (item.score_override, item.override_reason) == (30, "Could not explain it")
    assert item.final_score == 30
    assert item.review_changes.filter(field=RESCORE, concept_label="").exists()
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[finished_session.pk])).content
    assert "Counts: the interviewer's score" in page.decode()
    other = finished_session.items.get(position=2)
    assert session_score(finished_session) == pytest.approx((30 + other.final_score) / 2)


def test_the_rescore_page_names_the_ticks_each_answer_lost(
    client, finished_session, bank, interviewer
):
    rename(bank[0], "layers", "image layers", variants=["layers"])
    client.force_login(interviewer)
    url = reverse("interviewer:concepts_rescore", args=[bank[0].slug])
    page = client.post(url).content.decode()
    assert "<td>“layers” present → not judged; “image layers” not judged → present</td>" in page
