"""Writing banks in the browser: topics, questions with their two answers, and revisions.

A question keeps its pk and slug when its wording or answers change; each saved change is a
QuestionRevision holding the whole new state, so the page can show a diff and restore any of them.
A question that has no revision yet (imported) gets one for its state as imported before the first
edit, so that state can be restored too. Concepts are extracted again on every save; curated ones
stay (concepts_refresh keeps them).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone

from content.banks import slugs_free, topic_slug_new
from content.concepts import concepts_refresh
from content.importer import question_slug
from content.models import Level, ModelAnswer, Question, QuestionRevision, Topic
from content.revisions import NOTE_IMPORTED, QuestionState, question_state, revision_add

NOTE_CREATED = "Written"
NOTE_RESTORED = "Restored revision {number}"
RESTORE_WORDING_TAKEN = (
    "Revision {number} was not restored: another question of this bank now has its wording. "
    "Reword that question first, or edit this one by hand."
)


class RestoreRefused(ValueError):
    """A revision that cannot be made current; the message is for the author."""


QUESTION_IN_USE = (
    "This question was asked in {count} session{plural}, so it stays: their transcripts and "
    "scores refer to it. Reword it, or leave it out of new sessions."
)
BANK_IN_USE = (
    "{count} question{plural} of this bank {verb} asked in sessions, so the bank stays: their "
    "transcripts and scores refer to them. Stop sharing and publishing it instead."
)


class DeleteRefused(ValueError):
    """A question or bank that sessions refer to; the message is for the author."""


def question_delete(*, question: Question) -> None:
    """Delete a question with its answers, concepts and history; refused once a session asked it.

    Sessions protect their questions in the database (SessionItem.question), so the bank never
    needs to know the session app to keep a question a transcript refers to.
    """
    try:
        with transaction.atomic():
            question.delete()
    except ProtectedError as error:
        count = len({item.session_id for item in error.protected_objects})
        plural = "" if count == 1 else "s"
        raise DeleteRefused(QUESTION_IN_USE.format(count=count, plural=plural)) from None


def topic_delete(*, topic: Topic) -> None:
    """Delete a bank and all its questions; refused, deleting nothing, if a session asked one."""
    try:
        with transaction.atomic():
            topic.delete()
    except ProtectedError as error:
        count = len({item.question_id for item in error.protected_objects})
        plural, verb = ("", "was") if count == 1 else ("s", "were")
        raise DeleteRefused(BANK_IN_USE.format(count=count, plural=plural, verb=verb)) from None


def topic_create(*, owner, name: str, **fields) -> Topic:
    """A new bank owned by `owner`; private and unpublished unless `fields` say otherwise.

    Its name must be free among the owner's banks (the forms check it; content.banks).
    """
    shared_with = fields.pop("shared_with", ())
    fields = {"is_published": False, "shared_with_everyone": False, **fields}
    with transaction.atomic():
        topic = Topic.objects.create(owner=owner, name=name, slug=topic_slug_new(name), **fields)
        topic.shared_with.set(shared_with)
    return topic


def topic_update(*, topic: Topic, shared_with=None, **fields) -> Topic:
    """Change a bank's name, description, sharing or publishing; its slug (its address) stays."""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(topic, name, value)
        topic.save()
        if shared_with is not None:
            topic.shared_with.set(shared_with)
    return topic


def _answers_set(question: Question, state: QuestionState) -> None:
    for level, text in (
        (Level.EXPERT, state.expert_answer),
        (Level.BEGINNER, state.beginner_answer),
    ):
        if text.strip():
            # Dated the day it is written, as the importer dates an answer from a file without
            # dates: the seed format cannot write an answer without its date.
            ModelAnswer.objects.update_or_create(
                question=question,
                level=level,
                defaults={"text": text},
                create_defaults={"text": text, "posted_on": timezone.localdate()},
            )
        else:
            ModelAnswer.objects.filter(question=question, level=level).delete()


def question_append(*, topic: Topic, text: str) -> Question:
    """A new question (no answers yet) at the end of `topic`, under a slug no question has."""
    return questions_append(topic=topic, texts=[text])[0]


def questions_append(*, topic: Topic, texts: Sequence[str]) -> list[Question]:
    """question_append for each text in turn, in a few queries however many there are."""
    last = topic.questions.aggregate(last=Max("position"))["last"] or 0
    max_length = Question._meta.get_field("slug").max_length
    slugs = slugs_free(Question, [question_slug(text) for text in texts], max_length=max_length)
    return Question.objects.bulk_create(
        Question(topic=topic, text=text, slug=slug, position=last + number)
        for number, (text, slug) in enumerate(zip(texts, slugs, strict=True), start=1)
    )


def question_create(*, topic: Topic, author, state: QuestionState) -> Question:
    """Add a question with its answers to a bank, record revision 1, extract its concepts."""
    with transaction.atomic():
        question = question_append(topic=topic, text=state.text)
        _answers_set(question, state)
        revision_add(question=question, state=state, author=author, note=NOTE_CREATED)
        concepts_refresh(question=Question.objects.get(pk=question.pk))
    return question


def question_update(*, question: Question, author, state: QuestionState, note: str = "") -> bool:
    """Save a new wording or answers in place as a new revision; False when nothing changed."""
    before = question_state(question)
    if before == state:
        return False
    with transaction.atomic():
        if not question.revisions.exists():
            revision_add(question=question, state=before, author=None, note=NOTE_IMPORTED)
        question.text = state.text
        question.save(update_fields=["text", "updated_at"])
        _answers_set(question, state)
        revision_add(question=question, state=state, author=author, note=note)
        # A fresh row: the caller's copy may hold its old answers prefetched.
        concepts_refresh(question=Question.objects.get(pk=question.pk))
    return True


def revision_restore(*, revision: QuestionRevision, author) -> bool:
    """Make an earlier revision current again, as a new revision (history is never rewritten).

    Refused (RestoreRefused) when another question of the bank has taken its wording since: a bank
    holds a wording once, as the editor keeps it, or its export could not be read back.
    """
    state = QuestionState(revision.text, revision.expert_answer, revision.beginner_answer)
    question = revision.question
    others = Question.objects.filter(topic_id=question.topic_id, text=state.text)
    if others.exclude(pk=question.pk).exists():
        raise RestoreRefused(RESTORE_WORDING_TAKEN.format(number=revision.number))
    return question_update(
        question=revision.question,
        author=author,
        state=state,
        note=NOTE_RESTORED.format(number=revision.number),
    )
