"""concepts_refresh stores extracted concepts and never undoes what people curated."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from content import scoring
from content.concepts import (
    ConceptsRefreshed,
    answer_score,
    concepts_extract,
    concepts_refresh,
    scoring_concepts,
)
from content.models import Concept, Level, ModelAnswer, Question
from content.scoring.extraction import MAX_CONCEPTS

WRITES = ("INSERT", "UPDATE", "DELETE")


def labels(question: Question, **filters) -> list[str]:
    return list(question.concepts.filter(**filters).values_list("label", flat=True))


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def test_refresh_stores_ranked_extracted_concepts(docker_question):
    expected = concepts_extract(question=docker_question)

    result = concepts_refresh(question=docker_question)

    rows = list(docker_question.concepts.all())
    assert 5 <= len(rows) <= 2 * MAX_CONCEPTS  # sized by quality
    assert result == ConceptsRefreshed(created=len(rows))
    assert [r.label for r in rows] == [c.label for c in expected]
    assert [r.rank for r in rows] == list(range(len(rows)))
    assert {r.origin for r in rows} == {Concept.Origin.EXTRACTED}
    assert all(r.is_active for r in rows)
    first = rows[0]
    assert first.variants == list(expected[0].variants)
    assert first.weight == expected[0].weight
    assert first.tier == expected[0].tier
    # The Docker answers are about namespaces and kernels; the boilerplate is not a concept.
    assert {"namespaces", "kernel"} <= set(labels(docker_question))
    assert not any("posted" in label.lower() for label in labels(docker_question))


def test_both_tiers_come_from_the_two_model_answers(docker_question):
    concepts_refresh(question=docker_question)
    assert set(labels(docker_question, tier="core"))
    assert set(labels(docker_question, tier="advanced"))


def test_unchanged_re_extraction_writes_nothing(docker_question):
    concepts_refresh(question=docker_question)
    before = {r.pk: r.updated_at for r in docker_question.concepts.all()}

    with CaptureQueriesContext(connection) as queries:
        result = concepts_refresh(question=docker_question)

    assert result == ConceptsRefreshed()
    assert not result.changed
    assert writes(queries.captured_queries) == []
    assert {r.pk: r.updated_at for r in docker_question.concepts.all()} == before


def test_edited_concept_survives_re_extraction(docker_question):
    concepts_refresh(question=docker_question)
    edited = docker_question.concepts.get(label="kernel")
    edited.weight = 3.5
    edited.variants = ["host kernel"]
    edited.tier = Concept.Tier.ADVANCED
    edited.origin = Concept.Origin.CURATED
    edited.save()

    concepts_refresh(question=docker_question)

    edited.refresh_from_db()
    assert (edited.weight, edited.variants, edited.tier) == (3.5, ["host kernel"], "advanced")
    assert edited.origin == Concept.Origin.CURATED
    assert labels(docker_question).count("kernel") == 1


def test_added_concept_survives_re_extraction(docker_question):
    concepts_refresh(question=docker_question)
    Concept.objects.create(
        question=docker_question, label="seccomp", origin=Concept.Origin.CURATED, rank=99
    )

    concepts_refresh(question=docker_question)

    assert "seccomp" in labels(docker_question, origin=Concept.Origin.CURATED)


@pytest.mark.parametrize("removed_as", ["namespaces", "NameSpaces"])
def test_removed_concept_stays_removed(docker_question, removed_as):
    concepts_refresh(question=docker_question)
    row = docker_question.concepts.get(label="namespaces")
    row.label, row.is_active, row.origin = removed_as, False, Concept.Origin.CURATED
    row.save()

    concepts_refresh(question=docker_question)
    concepts_refresh(question=docker_question)

    same = [label for label in labels(docker_question) if label.casefold() == "namespaces"]
    assert same == [removed_as]
    assert "namespaces" not in {c.label.casefold() for c in scoring_concepts(docker_question)}


def test_extracted_rows_no_longer_produced_are_deleted_and_drift_is_repaired(docker_question):
    concepts_refresh(question=docker_question)
    Concept.objects.create(question=docker_question, label="stale idea", rank=3)
    Concept.objects.filter(question=docker_question, label="kernel").update(weight=9.0)

    result = concepts_refresh(question=docker_question)

    assert result == ConceptsRefreshed(created=0, updated=1, deleted=1)
    assert "stale idea" not in labels(docker_question)
    assert docker_question.concepts.get(label="kernel").weight < 9.0


def test_new_model_answer_replaces_extracted_concepts_but_keeps_curated(
    docker_question, layers_question
):
    concepts_refresh(question=docker_question)
    Concept.objects.create(question=docker_question, label="hypervisor", origin="curated")
    old = set(labels(docker_question, origin=Concept.Origin.EXTRACTED))
    for level in Level.values:
        ModelAnswer.objects.filter(question=docker_question, level=level).update(
            text=layers_question.model_answer(level).text
        )

    concepts_refresh(question=Question.objects.get(pk=docker_question.pk))

    new = set(labels(docker_question, origin=Concept.Origin.EXTRACTED))
    assert new != old
    assert "union file systems" in new or "layers" in new
    assert "hypervisor" in labels(docker_question)


def test_question_without_model_answers_gets_no_concepts(docker_topic):
    bare = Question.objects.create(topic=docker_topic, text="What is Docker?", slug="bare")
    assert concepts_refresh(question=bare) == ConceptsRefreshed()
    assert not bare.concepts.exists()


def test_beginner_only_question_gets_core_concepts(docker_question):
    docker_question.model_answers.filter(level=Level.EXPERT).delete()
    concepts_refresh(question=Question.objects.get(pk=docker_question.pk))
    assert labels(docker_question)
    assert set(docker_question.concepts.values_list("tier", flat=True)) == {"core"}


def test_scoring_concepts_are_active_in_rank_order_and_use_a_prefetch(
    docker_question, django_assert_num_queries
):
    concepts_refresh(question=docker_question)
    docker_question.concepts.update(rank=F("rank") + 1)
    Concept.objects.create(
        question=docker_question, label="first", rank=0, origin="curated", variants="1st"
    )
    Concept.objects.filter(question=docker_question, label="kernel").update(is_active=False)
    question = Question.objects.prefetch_related("concepts").get(pk=docker_question.pk)

    with django_assert_num_queries(0):
        concepts = scoring_concepts(question)

    assert concepts[0] == scoring.Concept("first", ("1st",), 1.0, "core")
    assert "kernel" not in [c.label for c in concepts]
    ranks = {r.label: r.rank for r in docker_question.concepts.all()}
    assert [ranks[c.label] for c in concepts] == sorted(ranks[c.label] for c in concepts)


def test_answer_score_ranks_a_real_answer_above_an_off_topic_one(docker_question):
    concepts_refresh(question=docker_question)
    good = (
        "Docker containers share the host OS kernel and get isolation from namespaces and "
        "control groups, while virtual machines each run a full operating system on a hypervisor."
    )
    off_topic = "I like to bake bread on Sundays with my family."

    scored = answer_score(question=docker_question, answer=good, level="expert")

    assert scored.value > 20
    assert "namespaces" in {hit.label for hit in scored.matched}
    assert answer_score(question=docker_question, answer=off_topic, level="expert").value < 5
    with pytest.raises(scoring.AnswerTooLong):
        answer_score(question=docker_question, answer="x" * (scoring.MAX_ANSWER_CHARS + 1))


def test_refresh_keeps_a_concept_the_model_answer_states_negatively(docker_topic):
    question = Question.objects.create(
        topic=docker_topic, text="How do containers isolate processes?", slug="negated-concepts"
    )
    ModelAnswer.objects.create(
        question=question,
        level=Level.EXPERT,
        text="Containers do not need a hypervisor. Containers share the host kernel and use "
        "namespaces and control groups (cgroups) for isolation.",
    )

    concepts_refresh(question=question)

    stored = {concept.label: concept for concept in scoring_concepts(question)}
    assert stored["hypervisor"].negated is True
    assert stored["host kernel"].negated is False
