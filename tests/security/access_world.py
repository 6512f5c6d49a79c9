"""A small site where every kind of object exists and belongs to someone, for the access sweep.

- ida, an interviewer, owns a private bank (two questions, revisions, concepts), a template, a bank
  upload and three invited sessions: one not yet accepted, one ann is answering, one ann finished.
- ann, a candidate, took ida's interviews and has a finished practice session of her own.
- carl, another interviewer, owns a bank and a finished session of his own: the ids he may use,
  to pair with ida's in the same address.
- bob, another candidate, has a practice session of his own.

Every text that must not leak is marked SECRET, so a page can be searched for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from content import authoring
from content.formats import FORMATS
from content.formats.bank import bank_document
from content.models import BankUpload, Concept, Question, Topic
from content.revisions import QuestionState
from interviews.access import interviewer_grant
from interviews.models import InterviewSession, SessionItem, SessionTemplate
from interviews.services import item_activate, item_finish, session_start
from interviews.services.building import SessionPlan, invited_session_create, template_create
from interviews.services.invites import invite_accept
from interviews.services.sessions import practice_session_create

SECRET = "SECRET"
ANN_ANSWER = f"ANN-{SECRET}-ANSWER: an image is a read-only template built in layers."


@dataclass
class World:
    users: dict[str, object]
    bank: Topic
    question: Question
    second_question: Question
    concept: Concept
    template: SessionTemplate
    upload: BankUpload
    session_new: InterviewSession  # invite not accepted yet
    session_live: InterviewSession  # ann answers question 1 now
    session_done: InterviewSession  # ann finished it
    practice: InterviewSession  # ann's own, finished
    carl_bank: Topic
    carl_question: Question
    carl_session: InterviewSession  # carl's own, finished
    carl_item: SessionItem
    bob_practice: InterviewSession

    def item(self, session: InterviewSession, position: int = 1) -> SessionItem:
        return session.items.get(position=position)


def _user(username: str, *, interviewer: bool = False):
    User = get_user_model()
    user = User.objects.create_user(username, f"{username}@example.com", f"pw-{username}-123!")
    if interviewer:
        interviewer_grant(user=user)
    return User.objects.get(pk=user.pk)  # read back, so the granted permission is seen


def _bank(owner, name: str) -> tuple[Topic, list[Question]]:
    """A bank of two questions; what `name` says (SECRET or not) goes into every text of it."""
    bank = authoring.topic_create(owner=owner, name=name)
    questions = [
        authoring.question_create(
            topic=bank,
            author=owner,
            state=QuestionState(
                f"{name} question {number}: what is a Docker image made of?",
                f"{name} model answer: a read-only template built in layers.",
                f"{name} beginner answer: layers.",
            ),
        )
        for number in (1, 2)
    ]
    return bank, questions


def _invited(
    interviewer, questions, *, title: str, candidate=None, name: str = f"Ann {SECRET}"
) -> InterviewSession:
    plan = SessionPlan(title=title, level="expert", questions=questions, candidate_name=name)
    session = invited_session_create(interviewer=interviewer, plan=plan)
    if candidate is not None:
        invite_accept(token=session.invite.token, user=candidate)
        session_start(session=session)
        session.refresh_from_db()
    return session


def _finish_all(session: InterviewSession, text: str) -> InterviewSession:
    session_start(session=session)
    while (item := item_activate(session=session)) is not None:
        item_finish(item_id=item.pk, text=text, revision=1)
    session.refresh_from_db()
    return session


def _practice(candidate, topic: Topic) -> InterviewSession:
    session = practice_session_create(
        candidate=candidate,
        topics=[topic],
        count=1,
        level="expert",
        per_item_seconds=None,
        total_seconds=None,
        feedback_mode="after_each",
    )
    return _finish_all(session, "A container runs an image.")


def world_build() -> World:
    users = {
        "ida": _user("ida", interviewer=True),
        "carl": _user("carl", interviewer=True),
        "ann": _user("ann"),
        "bob": _user("bob"),
    }
    ida, carl = users["ida"], users["carl"]
    bank, (question, second) = _bank(ida, f"Ida {SECRET} bank")
    # A second revision, so there is an earlier one to restore.
    authoring.question_update(
        question=question,
        author=ida,
        state=QuestionState(question.text + " Explain.", "Layers, read-only.", "Layers."),
    )
    carl_bank, (carl_question, _) = _bank(carl, "Carl bank")
    site_bank, _ = _bank(None, "Site bank")
    authoring.topic_update(topic=site_bank, is_published=True, shared_with_everyone=True)
    carl_session = _finish_all(
        _invited(carl, [carl_question], title="Carl's own", candidate=users["bob"], name="Bob"),
        "Layers.",
    )
    return World(
        users=users,
        bank=bank,
        question=question,
        second_question=second,
        concept=question.concepts.first(),
        template=template_create(
            interviewer=ida,
            name=f"Ida {SECRET} template",
            plan=SessionPlan(title="t", level="expert", questions=[question]),
        ),
        upload=BankUpload.objects.create(
            uploaded_by=ida,
            file_name="ida.json",
            format_name="json",
            text=FORMATS["json"].write(bank_document(bank)),
        ),
        session_new=_invited(ida, [question, second], title=f"Ida {SECRET} new"),
        session_live=_invited(
            ida, [question, second], title=f"Ida {SECRET} live", candidate=users["ann"]
        ),
        session_done=_finish_all(
            _invited(ida, [question], title=f"Ida {SECRET} done", candidate=users["ann"]),
            ANN_ANSWER,
        ),
        practice=_practice(users["ann"], site_bank),
        carl_bank=carl_bank,
        carl_question=carl_question,
        carl_session=carl_session,
        carl_item=carl_session.items.get(position=1),
        bob_practice=_practice(users["bob"], site_bank),
    )
