"""Questions built with the ORM from real excerpts of the bundled Docker bank, and banks of
interviewers written through the authoring service."""

import re
from pathlib import Path

import pytest

from content.authoring import question_create, topic_create
from content.models import Level, ModelAnswer, Question, Topic
from content.revisions import QuestionState
from tests.content.formats.conftest import BANK, command

DOCKER_SOURCE = Path(__file__).resolve().parents[2] / "content" / "sources" / "docker.txt"
POSTED_ON = re.compile(r"^Posted on [A-Z][a-z]{2} \d{1,2}, \d{4}")


def docker_excerpt(index: int) -> tuple[str, str, str]:
    """The question, expert answer and beginner answer of the index-th Docker question."""
    lines = DOCKER_SOURCE.read_text(encoding="utf-8").splitlines()
    experts = [n for n, line in enumerate(lines) if line.strip() == "Expert Answer"]
    start = experts[index]
    end = experts[index + 1] - 1 if index + 1 < len(experts) else len(lines)
    beginner_at = next(n for n in range(start, end) if lines[n].strip() == "Beginner Answer")
    expert = "\n".join(lines[start + 1 : beginner_at])
    beginner = "\n".join(lines[beginner_at + 1 : end])
    return lines[start - 1], POSTED_ON.sub("", expert), POSTED_ON.sub("", beginner)


def question_make(topic: Topic, index: int, *, slug: str) -> Question:
    text, expert, beginner = docker_excerpt(index)
    question = Question.objects.create(topic=topic, text=text, slug=slug, position=index)
    ModelAnswer.objects.create(question=question, level=Level.EXPERT, text=expert)
    ModelAnswer.objects.create(question=question, level=Level.BEGINNER, text=beginner)
    return question


@pytest.fixture
def docker_topic(db) -> Topic:
    return Topic.objects.create(name="Docker", slug="docker")


@pytest.fixture
def docker_question(docker_topic) -> Question:
    """'Explain Docker and its key differences compared to traditional virtualization ...'"""
    return question_make(docker_topic, 0, slug="docker-vs-virtual-machines")


@pytest.fixture
def layers_question(docker_topic) -> Question:
    """'Describe how Docker images use a layered filesystem approach ...'"""
    return question_make(docker_topic, 3, slug="docker-image-layers")


@pytest.fixture
def docker_bank(db) -> Topic:
    """The bundled Docker bank, imported by the command (for the format and transfer tests)."""
    command("import_questions", str(BANK))
    return Topic.objects.get(slug="docker")


EXPERT = (
    "A Docker volume persists data outside the container's writable layer.\n"
    "- Named volumes are managed by Docker\n"
    "- Bind mounts map a host directory\n"
    "Tip: back up volumes with a throwaway container."
)
BEGINNER = "A volume keeps your data when the container is removed."


@pytest.fixture
def author(django_user_model):
    from interviews.access import interviewer_grant

    user = django_user_model.objects.create_user("amy", "amy@example.com", "pw-amy-12345!")
    interviewer_grant(user=user)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def colleague(django_user_model):
    from interviews.access import interviewer_grant

    user = django_user_model.objects.create_user("cole", "cole@example.com", "pw-cole-12345!")
    interviewer_grant(user=user)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def private_bank(author):
    return topic_create(owner=author, name="Amy storage drills")


@pytest.fixture
def private_question(private_bank, author):
    state = QuestionState("What does a Docker volume do?", EXPERT, BEGINNER)
    return question_create(topic=private_bank, author=author, state=state)
