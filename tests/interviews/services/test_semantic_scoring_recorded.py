"""Every stored automatic score records whether the optional semantic layer was blended into it,
whichever path scored it: a submit, `rescore`, a concept page's re-score."""

import dataclasses
import io

import pytest
from django.core.management import call_command

from content.concepts import answer_scored_semantically
from content.models import ModelAnswer
from content.scoring import semantic
from interviews.models import SessionItem
from interviews.services import item_finish
from interviews.services.curation import transcripts_rescore

pytestmark = pytest.mark.django_db

# The layer changes only the value (semantic.score_semantic): a stand-in value tells it was used
# without loading the model.
BLENDED_VALUE = 77.0


@pytest.fixture
def semantic_layer(settings, monkeypatch):
    """switch(on): the layer installed and switched on (or off) on this server."""

    def stand_in(answer, concepts, *, level, question, reference, encoder):
        lexical = semantic.score(answer, concepts, level=level, question=question)
        return dataclasses.replace(lexical, value=BLENDED_VALUE)

    monkeypatch.setattr(semantic, "semantic_available", lambda: True)
    monkeypatch.setattr(semantic, "score_semantic", stand_in)

    def switch(on: bool) -> None:
        settings.INTERVIEW_SEMANTIC_SCORING = on

    return switch


def finished(start_practice) -> SessionItem:
    session, item = start_practice(1)
    item_finish(item_id=item.pk, text="An image and a container.", revision=1)
    return SessionItem.objects.get(pk=item.pk)


def test_a_lexical_score_records_the_layer_off(start_practice, semantic_layer):
    semantic_layer(False)
    item = finished(start_practice)
    assert item.score != BLENDED_VALUE
    assert item.semantic_scoring is False


def test_a_blended_score_records_the_layer_on(start_practice, semantic_layer):
    semantic_layer(True)
    item = finished(start_practice)
    assert item.score == BLENDED_VALUE
    assert item.semantic_scoring is True


def test_switched_on_but_not_installed_records_the_layer_off(
    start_practice, semantic_layer, monkeypatch
):
    semantic_layer(True)
    monkeypatch.setattr(semantic, "semantic_available", lambda: False)
    item = finished(start_practice)
    assert item.score != BLENDED_VALUE
    assert item.semantic_scoring is False


def test_a_question_without_model_answers_is_scored_lexically_and_says_so(
    start_practice, semantic_layer
):
    """The layer compares with a model answer: with none, it is not used, switched on or not."""
    semantic_layer(True)
    session, item = start_practice(1)
    ModelAnswer.objects.filter(question=item.question).delete()
    item_finish(item_id=item.pk, text="An image and a container.", revision=1)
    item = SessionItem.objects.get(pk=item.pk)
    assert item.score != BLENDED_VALUE
    assert item.semantic_scoring is False
    assert answer_scored_semantically(question=item.question, level="expert") is False


def test_rescore_records_the_layer_of_the_new_score(start_practice, semantic_layer):
    semantic_layer(False)
    item = finished(start_practice)
    SessionItem.objects.filter(pk=item.pk).update(scorer_version="0", semantic_scoring=None)
    semantic_layer(True)
    call_command("rescore", stdout=io.StringIO(), stderr=io.StringIO())
    item.refresh_from_db()
    assert (item.score, item.semantic_scoring) == (BLENDED_VALUE, True)


def test_a_concept_page_rescore_records_the_layer_of_the_new_score(
    start_practice, semantic_layer, staff
):
    semantic_layer(True)
    item = finished(start_practice)
    semantic_layer(False)
    transcripts_rescore(question=item.question, sessions=type(item.session).objects.all(), by=staff)
    item.refresh_from_db()
    assert item.score != BLENDED_VALUE
    assert item.semantic_scoring is False
