"""Concept curation: edits become curated, previews score live, re-scoring shows before and after."""

import pytest
from django.urls import reverse

from content.concepts import answer_score
from content.models import Concept, Question
from interviews.models import ConceptVerdict, ReviewChange, SessionItem
from interviews.services import curation, review, session_close
from interviews.services.curation import (
    LABEL_TAKEN_MESSAGE,
    WEIGHT_INVALID_MESSAGE,
    CurationRefused,
)
from interviews.templatetags.interview_tags import LEVEL_SHOWN

pytestmark = pytest.mark.django_db


def concepts_url(question, name="concepts", *args):
    return reverse(f"interviewer:{name}", args=[question.slug, *args])


def test_editing_a_concept_makes_it_curated(client, interviewer, bank):
    concept = bank[0].concepts.get(label="layers")
    client.force_login(interviewer)
    client.post(
        concepts_url(bank[0], "concept_edit", concept.pk),
        {
            "label": "image layers",
            "variants": "layer, layered fs",
            "weight": "2.5",
            "tier": "advanced",
        },
    )
    concept.refresh_from_db()
    assert concept.label == "image layers"
    assert concept.variants == ["layer", "layered fs"]
    assert (concept.weight, concept.tier, concept.is_active) == (2.5, "advanced", False)
    assert concept.origin == Concept.Origin.CURATED


def test_add_and_duplicate_label(client, interviewer, bank):
    client.force_login(interviewer)
    data = {
        "new-label": "union filesystem",
        "new-variants": "",
        "new-weight": "1",
        "new-tier": "core",
    }
    client.post(concepts_url(bank[0], "concept_add"), data)
    added = bank[0].concepts.get(label="union filesystem")
    assert added.origin == Concept.Origin.CURATED and added.is_active
    response = client.post(concepts_url(bank[0], "concept_add"), data, follow=True)
    assert LABEL_TAKEN_MESSAGE in response.content.decode()
    assert bank[0].concepts.filter(label="union filesystem").count() == 1


def test_a_refused_new_concept_comes_back_with_everything_typed(client, interviewer, bank):
    client.force_login(interviewer)
    data = {
        "new-label": "layers",
        "new-variants": "image layers, layered filesystem",
        "new-weight": "2.5",
        "new-tier": "advanced",
    }
    response = client.post(concepts_url(bank[0], "concept_add"), data)
    body = response.content.decode()
    assert response.status_code == 200 and LABEL_TAKEN_MESSAGE in body
    assert 'value="image layers, layered filesystem"' in body and 'value="2.5"' in body
    assert bank[0].concepts.filter(label="layers").count() == 1


def test_a_refused_concept_edit_comes_back_with_everything_typed(client, interviewer, bank):
    concept = bank[0].concepts.get(label="layers")
    client.force_login(interviewer)
    data = {
        "label": "read-only template",
        "variants": "fs layers, union layers",
        "weight": "3",
        "tier": "advanced",
    }
    response = client.post(concepts_url(bank[0], "concept_edit", concept.pk), data)
    body = response.content.decode()
    assert response.status_code == 200 and LABEL_TAKEN_MESSAGE in body
    row = next(part for part in body.split("<tr") if f"concepts/{concept.pk}/" in part)
    assert 'value="read-only template"' in row and 'value="fs layers, union layers"' in row
    assert 'value="3"' in row and '<option value="advanced" selected>' in row
    concept.refresh_from_db()
    assert (concept.label, concept.weight) == ("layers", 1.0)


def test_weight_out_of_range_is_refused(bank):
    with pytest.raises(CurationRefused, match=WEIGHT_INVALID_MESSAGE):
        curation.concept_add(question=bank[0], label="x", variants=[], weight=11, tier="core")


def test_preview_scores_a_sample_answer_as_page_and_fragment(client, interviewer, bank):
    client.force_login(interviewer)
    url = concepts_url(bank[0], "concept_preview")
    data = {"answer": "It is a read-only template with layers <b>", "level": "expert"}
    fragment = client.post(url, data, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="preview"')
    assert '<mark class="concept-hit"' in fragment and "&lt;b&gt;" in fragment
    page = client.post(url, data).content.decode()
    assert "<html" in page and 'class="preview-score"' in page


def test_preview_says_the_level_estimate_in_words(client, interviewer, bank):
    client.force_login(interviewer)
    answer = "It is a read-only template."
    estimate = answer_score(question=bank[0], answer=answer, level="expert").level_estimate
    data = {"answer": answer, "level": "expert"}
    fragment = client.post(
        concepts_url(bank[0], "concept_preview"), data, headers={"HX-Request": "true"}
    ).content.decode()
    assert LEVEL_SHOWN[estimate] in fragment
    assert f"level {estimate}</p>" not in fragment


def test_preview_reflects_a_deactivated_concept(bank):
    before = answer_score(question=bank[0], answer="It has layers.", level="expert")
    bank[0].concepts.exclude(label="layers").update(is_active=False)
    after = answer_score(question=bank[0], answer="It has layers.", level="expert")
    assert after.value > before.value


def test_rescore_shows_before_and_after_and_logs_it(client, interviewer, finished_session, bank):
    item = finished_session.items.get(position=1)
    before = item.score
    # The interviewer said "read-only template" was there; now the only other concepts go away.
    review.concept_verdict_set(item=item, label="read-only template", present=True, by=interviewer)
    bank[0].concepts.exclude(label="layers").update(is_active=False)
    client.force_login(interviewer)
    page = client.post(concepts_url(bank[0], "concepts_rescore")).content.decode()
    item.refresh_from_db()
    assert item.score > before
    assert f"<td>{before:.0f}</td><td>{item.score:.0f}</td>" in page
    change = ReviewChange.objects.get(field="rescore", concept_label="")
    assert (change.old_value, change.new_value) == (before, item.score)
    # The verdict is about a concept no longer scored, so it is no longer a correction.
    assert not ConceptVerdict.objects.exists()


def test_rescore_touches_only_sessions_the_interviewer_may_see(
    client, other_interviewer, finished_session, bank
):
    bank[0].concepts.exclude(label="layers").update(is_active=False)
    client.force_login(other_interviewer)
    page = client.post(concepts_url(bank[0], "concepts_rescore")).content.decode()
    assert "No finished answers" in page
    assert not ReviewChange.objects.exists()


def test_rescore_leaves_answers_to_an_earlier_wording_as_scored(
    client, interviewer, finished_session, bank
):
    """The owner reworded the question into another one: its concepts say nothing of an answer
    to the wording the candidate was asked, so that answer keeps its score."""
    item = finished_session.items.get(position=1)
    before = item.score
    Question.objects.filter(pk=bank[0].pk).update(text="What is a Docker network?")
    bank[0].concepts.exclude(label="layers").update(is_active=False)
    client.force_login(interviewer)
    page = client.post(concepts_url(bank[0], "concepts_rescore")).content.decode()
    item.refresh_from_db()
    assert item.score == before
    assert not ReviewChange.objects.exists()
    assert "What is a Docker image?" in page and "left as scored" in page


@pytest.mark.parametrize("weight", ["10.5", "-0.01", "nan", "inf", "lots"])
def test_the_server_checks_the_weight_range(client, interviewer, bank, weight):
    concept = bank[0].concepts.get(label="layers")
    client.force_login(interviewer)
    response = client.post(
        concepts_url(bank[0], "concept_edit", concept.pk),
        {"label": "layers", "weight": weight, "tier": "core"},
        follow=True,
    )
    assert "Check the concept: it needs a label and a weight from 0 to 10." in (
        response.content.decode()
    )
    concept.refresh_from_db()
    assert (concept.weight, concept.is_active) == (1.0, True)


def test_any_stored_weight_is_offered_for_saving_unchanged(client, interviewer, bank):
    concept = bank[0].concepts.get(label="layers")
    Concept.objects.filter(pk=concept.pk).update(weight=0.77)
    client.force_login(interviewer)
    page = client.get(concepts_url(bank[0])).content.decode()
    field = next(tag for tag in page.split("<input") if 'aria-label="Weight of layers"' in tag)
    assert 'value="0.77"' in field and 'step="any"' in field


def test_rescore_leaves_a_skipped_question_unscored(client, interviewer, running_interview, bank):
    """A question skipped when the interviewer ended the session was never answered: the
    re-score must not give it an automatic score of 0 and every concept missed."""
    session = running_interview(count=2)
    session_close(session=session, by=interviewer)
    skipped = session.items.get(position=2)
    assert skipped.status == SessionItem.Status.SKIPPED and skipped.score is None
    client.force_login(interviewer)

    page = client.post(concepts_url(bank[1], "concepts_rescore")).content.decode()

    skipped.refresh_from_db()
    assert skipped.score is None and skipped.missed == [] and skipped.scorer_version == ""
    assert not ReviewChange.objects.filter(item=skipped).exists()
    assert "No finished answers" in page
