"""Fixtures of the interviews tests: a started practice session at a known time, a small bank,
interviewers, and an invited session (open or finished)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from content.models import Concept, ModelAnswer, Question, Topic
from interviews.access import interviewer_grant
from interviews.models import InterviewSession
from interviews.services import item_activate, item_finish, session_start
from interviews.services.building import SessionPlan, invited_session_create

# A fixed start just before midnight, so every deadline test also crosses a day boundary.
START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)


@pytest.fixture
def start_session(start_practice):
    """start_session(count=2, per_item_seconds=180, ...) -> (session, first item), started at START."""

    def start(
        count: int = 2, *, per_item_seconds: int | None = 180, at: dt.datetime = START, **options
    ):
        with time_machine.travel(at, tick=False):
            return start_practice(count, per_item_seconds=per_item_seconds, **options)

    return start


ANSWERS = {
    "What is a Docker image?": (
        "An image is a read-only template made of layers, built from a Dockerfile.",
        ["read-only template", "layers", "Dockerfile"],
    ),
    "What is a container?": (
        "A container is a running instance of an image, isolated with namespaces and cgroups.",
        ["running instance", "namespaces", "cgroups"],
    ),
    "What does a volume do?": (
        "A volume persists data outside the container's writable layer.",
        ["persists data", "writable layer"],
    ),
}


@pytest.fixture
def bank(db):
    topic = Topic.objects.create(name="Docker", slug="docker")
    questions = []
    for position, (text, (answer, labels)) in enumerate(ANSWERS.items()):
        question = Question.objects.create(
            topic=topic, text=text, slug=f"docker-q{position}", position=position
        )
        ModelAnswer.objects.create(question=question, level="expert", text=answer)
        ModelAnswer.objects.create(question=question, level="beginner", text=answer)
        for rank, label in enumerate(labels):
            Concept.objects.create(question=question, label=label, rank=rank)
        questions.append(question)
    return questions


@pytest.fixture
def interviewer(django_user_model):
    user = django_user_model.objects.create_user(
        "ivy", email="ivy@example.com", password="pw-ivy-123!"
    )
    interviewer_grant(user=user)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def other_interviewer(django_user_model):
    user = django_user_model.objects.create_user(
        "oscar", email="oscar@example.com", password="pw-oscar-123!"
    )
    interviewer_grant(user=user)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def other_candidate(django_user_model):
    return django_user_model.objects.create_user(
        "carl", email="carl@example.com", password="pw-carl-123!"
    )


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "sam", email="sam@example.com", password="pw-sam-123!", is_staff=True
    )


@pytest.fixture
def invited_session(bank, interviewer):
    plan = SessionPlan(
        title="Docker basics",
        level="expert",
        questions=bank[:2],
        per_item_seconds=180,
        candidate_name="Cara",
        candidate_email="cara@example.com",
    )
    return invited_session_create(interviewer=interviewer, plan=plan)


def session_play(session: InterviewSession, answers: list[str]) -> InterviewSession:
    """Start the session and submit each answer in turn, as the candidate's browser would."""
    session_start(session=session)
    for text in answers:
        item = item_activate(session=session)
        item_finish(item_id=item.pk, text=text, revision=1)
    session.refresh_from_db()
    return session


@pytest.fixture
def finished_session(invited_session, candidate):
    invited_session.candidate = candidate
    invited_session.save(update_fields=["candidate"])
    invited_session.invite.accepted_at = timezone.now()
    invited_session.invite.accepted_by = candidate
    invited_session.invite.save()
    return session_play(
        invited_session,
        [
            "An image is built from a Dockerfile and has layers.",
            "It is a running instance of an image <script>alert(1)</script>.",
        ],
    )


@pytest.fixture
def running_interview(bank, interviewer, candidate):
    """running_interview(per_item_seconds=None, ...) -> an invited session of bank[:count] that
    `candidate` accepted and started at START: question 1 runs, the rest wait."""

    def start(*, count: int = 3, per_item_seconds: int | None = None, **options):
        plan = SessionPlan(
            title="Left running",
            level="expert",
            questions=bank[:count],
            per_item_seconds=per_item_seconds,
            candidate_name="Cara",
            **options,
        )
        session = invited_session_create(interviewer=interviewer, plan=plan)
        session.candidate = candidate
        session.save(update_fields=["candidate"])
        with time_machine.travel(START, tick=False):
            session_start(session=session)
        session.refresh_from_db()
        return session

    return start
