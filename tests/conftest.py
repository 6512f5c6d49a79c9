"""Fixtures shared by every test folder, and what tests change about the production settings.

config/settings.py knows nothing of tests. The differences live here: a throwaway secret key
(production refuses to start without one), a test database per process, static files served
from the source folders without a collectstatic manifest, and a fast password hasher.
"""

import os
import tempfile
import threading
from pathlib import Path

import django
import pytest

# Before any conftest or test module imports a model: production's settings module, with a
# throwaway secret because production refuses to start without one. Nothing else differs here.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-" + "x" * 40)
django.setup()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per process, so parallel runs and several checkouts never share one."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # A file, not Django's shared in-memory database: threads in the concurrency tests and
        # the live server then lock like production does. Django deletes it after the run.
        name = Path(tempfile.gettempdir()) / f"mock-interview-test-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)
        # Threads close their connections when done, so the file is never held open.
        database["CONN_MAX_AGE"] = 0
    else:
        # Not Django's default "test_<name>": two checkouts on one server would fight over it.
        database.setdefault("TEST", {})["NAME"] = f"test_mock_interview_{os.getpid()}"


@pytest.fixture(autouse=True)
def test_only_settings(settings):
    """Fast password hashing, and static files without the manifest collectstatic writes."""
    # The production hasher costs about a second per user here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A fresh checkout has run no collectstatic, so the manifest storage would find no entries.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def make_question(db):
    """make_question("docker", n): a question with both model answers and active concepts (once)."""
    from content.models import Concept, ModelAnswer, Question, Topic

    def make(topic_slug: str = "docker", number: int = 1, *, concepts=("image", "container")):
        topic, _ = Topic.objects.get_or_create(
            slug=topic_slug, defaults={"name": topic_slug.title()}
        )
        existing = Question.objects.filter(slug=f"{topic_slug}-question-{number}").first()
        if existing is not None:
            return existing
        question = Question.objects.create(
            topic=topic,
            text=f"{topic.name} question {number}: explain how it works.",
            slug=f"{topic_slug}-question-{number}",
            position=number,
        )
        ModelAnswer.objects.create(question=question, level="expert", text="An expert answer.")
        ModelAnswer.objects.create(question=question, level="beginner", text="A beginner answer.")
        for rank, label in enumerate(concepts):
            Concept.objects.create(question=question, label=label, rank=rank)
        return question

    return make


@pytest.fixture
def make_interviewer(db, django_user_model):
    """make_interviewer(username) -> a user who may interview, password "x", read back from the
    database so the granted permission is seen."""
    from interviews.access import interviewer_grant

    def make(username: str):
        user = django_user_model.objects.create_user(username, password="x")
        interviewer_grant(user=user)
        return django_user_model.objects.get(pk=user.pk)

    return make


@pytest.fixture
def candidate(db, django_user_model):
    return django_user_model.objects.create_user(
        "casey", "casey@example.com", "a-long-passphrase-1"
    )


@pytest.fixture
def other_user(db, django_user_model):
    return django_user_model.objects.create_user(
        "olive", "olive@example.com", "a-long-passphrase-2"
    )


@pytest.fixture
def start_practice(candidate, make_question):
    """start_practice(count=1, per_item_seconds=None, ...) -> (session, first item), started now."""
    from interviews.services import practice_session_create, session_start

    def start(
        count: int = 1,
        *,
        per_item_seconds: int | None = None,
        total_seconds: int | None = None,
        feedback_mode: str = "after_each",
        user=None,
    ):
        questions = [make_question("docker", number) for number in range(1, count + 1)]
        session = practice_session_create(
            candidate=user or candidate,
            topics=[questions[0].topic],
            count=count,
            level="expert",
            per_item_seconds=per_item_seconds,
            total_seconds=total_seconds,
            feedback_mode=feedback_mode,
        )
        return session, session_start(session=session)

    return start


@pytest.fixture
def run_together():
    """run_together(work, arguments) -> (results, errors): work(argument) in one thread each.

    Every thread connects to the database first and then waits at a barrier, so the calls
    really collide; each closes its connection afterwards. Needs transactional_db.
    """
    from django.db import connection, connections

    def run(work, arguments):
        barrier = threading.Barrier(len(arguments))
        results, errors = [], []

        def thread_main(argument):
            try:
                connection.ensure_connection()
                barrier.wait(timeout=10)
                results.append(work(argument))
            except Exception as error:  # the caller's assertions report it
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=thread_main, args=(a,)) for a in arguments]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return results, errors

    return run
