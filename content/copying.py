"""Copying a question, or a whole bank, into a bank of your own to adapt it.

A copy is a new question (its own pk, slug and stable id) with the wording, both model answers
and every concept as they are now, curated ones included; it starts its own history with one
revision that says where it came from. The original is not touched.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from content.authoring import questions_append, topic_create
from content.banks import copy_name
from content.models import Concept, ModelAnswer, Question, QuestionRevision, Topic
from content.revisions import question_state, revisions_start_many

NOTE_COPIED = "Copied from {topic}"
NOTE_MAX_LENGTH = QuestionRevision._meta.get_field("note").max_length
CONCEPT_FIELDS = ("label", "variants", "weight", "tier", "negated", "origin", "is_active", "rank")


def question_copy(*, question: Question, topic: Topic, author) -> Question:
    """A copy of `question` at the end of `topic`, with its answers and concepts."""
    return questions_copy(questions=[question], topic=topic, author=author)[0]


def questions_copy(*, questions: Sequence[Question], topic: Topic, author) -> list[Question]:
    """Copies of `questions`, in order, at the end of `topic`: the same few queries for one
    question or a whole bank (with model answers and concepts prefetched)."""
    with transaction.atomic():
        copies = questions_append(topic=topic, texts=[question.text for question in questions])
        pairs = list(zip(questions, copies, strict=True))
        ModelAnswer.objects.bulk_create(
            ModelAnswer(
                question=copy, level=answer.level, text=answer.text, posted_on=answer.posted_on
            )
            for question, copy in pairs
            for answer in question.model_answers.all()
        )
        Concept.objects.bulk_create(
            Concept(question=copy, **{name: getattr(concept, name) for name in CONCEPT_FIELDS})
            for question, copy in pairs
            for concept in question.concepts.all()
        )
        # A bank name may fill its column, and the note's is no longer: PostgreSQL refuses it.
        notes = [
            NOTE_COPIED.format(topic=question.topic.name)[:NOTE_MAX_LENGTH]
            for question in questions
        ]
        revisions_start_many(
            starts=[
                (copy, question_state(question), note)
                for (question, copy), note in zip(pairs, notes, strict=True)
            ],
            author=author,
        )
    return copies


def topic_copy(*, topic: Topic, owner) -> Topic:
    """A new private bank of `owner` holding a copy of every question of `topic`, in order.

    Named "<name> (copy)", or "(copy 2)" and on when the owner has that name already.
    """
    with transaction.atomic():
        copy = topic_create(
            owner=owner, name=copy_name(name=topic.name, owner=owner), description=topic.description
        )
        questions = topic.questions.order_by("position", "id").prefetch_related(
            "model_answers", "concepts"
        )
        questions_copy(questions=list(questions), topic=copy, author=owner)
    return copy
