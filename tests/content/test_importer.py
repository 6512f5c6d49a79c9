"""The importer service and the import_questions command: bundled bank, idempotency, edits, bad input."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from content import importer, parsing
from content.importer import document_read, question_slug, questions_import
from content.models import CHANGE_TOPIC, VIEW_TOPIC, Concept, ModelAnswer, Question, Topic
from content.parsing import DocumentError

BANK = Path(__file__).resolve().parents[2] / "content" / "sources" / "docker.txt"

SMALL = """Kubernetes
Container orchestration at scale.
Questions
What is a pod?
Expert Answer
Posted on Jan 5, 2025A pod is the smallest deployable unit.
It groups containers that share a network namespace.
Beginner Answer
Posted on Jan 5, 2025A pod is a small group of containers.
What is a node?
Expert Answer
Posted on Jan 6, 2025A node is a worker machine.
Beginner Answer
Posted on Jan 6, 2025A node is a computer in the cluster.
"""


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_questions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def small(tmp_path) -> Path:
    path = tmp_path / "kubernetes.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def snapshot() -> dict:
    """Every row the importer writes, with its updated_at, so a no-op import can be proven."""
    return {
        "topics": sorted(Topic.objects.values_list("slug", "name", "description", "updated_at")),
        "questions": sorted(Question.objects.values_list("slug", "text", "position", "updated_at")),
        "answers": sorted(
            ModelAnswer.objects.values_list(
                "question__slug", "level", "text", "posted_on", "updated_at"
            )
        ),
    }


@pytest.mark.django_db
def test_the_bundled_bank_gives_24_questions_and_48_model_answers():
    out, err = run(str(BANK))

    assert Topic.objects.get().name == "Docker"
    assert Question.objects.count() == 24
    assert ModelAnswer.objects.count() == 48
    assert ModelAnswer.objects.filter(level="expert").count() == 24
    assert "Docker (" in out and "24 questions: 24 created, 0 updated, 0 unchanged" in out
    assert "Model answers: 48 created, 0 updated, 0 unchanged" in out
    assert err == ""
    first = Question.objects.order_by("position").first()
    assert first.text.startswith("Explain Docker and its key differences")
    expert = first.model_answer("expert")
    assert expert.text.startswith("Docker is an open-source containerization platform")
    assert expert.posted_on.isoformat() == "2025-03-26"


def test_the_bundled_bank_is_a_published_site_bank(django_user_model):
    from interviews.access import interviewer_grant

    run(str(BANK))
    topic = Topic.objects.get(slug="docker")
    assert topic.owner is None and topic.is_published and topic.shared_with_everyone
    interviewer = django_user_model.objects.create_user("ivy")
    interviewer_grant(user=interviewer)
    candidate = django_user_model.objects.create_user("casey")
    staff = django_user_model.objects.create_user("sam", is_staff=True)
    assert {
        user.username
        for user in (interviewer, candidate, staff)
        if user.has_perm(VIEW_TOPIC, topic)
    } == {"ivy", "casey", "sam"}
    assert [
        user.username
        for user in (interviewer, candidate, staff)
        if user.has_perm(CHANGE_TOPIC, topic)
    ] == ["sam"]


@pytest.mark.django_db
def test_a_second_import_changes_nothing_and_says_so(small):
    run(str(small))
    before = snapshot()

    out, _ = run(str(small))

    assert snapshot() == before
    assert "0 created, 0 updated, 2 unchanged" in out
    assert "Model answers: 0 created, 0 updated, 4 unchanged" in out
    assert "No changes" in out


@pytest.mark.django_db
def test_the_whole_bank_reimports_without_touching_a_row():
    run(str(BANK))
    before = snapshot()
    out, _ = run(str(BANK))
    assert snapshot() == before
    assert "Questions: 0 created, 0 updated, 24 unchanged" in out


@pytest.mark.django_db
def test_an_edited_file_updates_only_what_changed(small, time_machine):
    time_machine.move_to("2026-01-01 10:00Z")
    run(str(small))
    time_machine.move_to("2026-01-02 10:00Z")
    small.write_text(
        SMALL.replace(
            "A node is a worker machine.", "A node is a worker machine, virtual or physical."
        ),
        encoding="utf-8",
    )

    out, _ = run(str(small))

    changed = ModelAnswer.objects.get(question__text="What is a node?", level="expert")
    assert changed.text == "A node is a worker machine, virtual or physical."
    assert changed.updated_at.date().isoformat() == "2026-01-02"
    untouched = ModelAnswer.objects.exclude(pk=changed.pk)
    assert {answer.updated_at.date().isoformat() for answer in untouched} == {"2026-01-01"}
    assert {q.updated_at.date().isoformat() for q in Question.objects.all()} == {"2026-01-01"}
    assert "Model answers: 0 created, 1 updated, 3 unchanged" in out


@pytest.mark.django_db
def test_a_removed_question_is_kept_with_a_warning_and_a_removed_answer_deleted(small):
    run(str(small))
    small.write_text(
        SMALL.split("What is a node?")[0].replace(
            "Beginner Answer\nPosted on Jan 5, 2025A pod is a small group of containers.\n", ""
        ),
        encoding="utf-8",
    )

    out, err = run(str(small))

    assert Question.objects.count() == 2  # sessions may point at the removed one
    assert "kept 1 question no longer in its source" in err
    assert "question has no beginner answer: What is a pod?" in err
    assert not ModelAnswer.objects.filter(
        question__text="What is a pod?", level="beginner"
    ).exists()
    assert "Model answers: 0 created, 0 updated, 1 unchanged, 1 deleted" in out


@pytest.mark.django_db
def test_a_question_that_moved_in_the_document_updates_its_position(small):
    run(str(small))
    pod, node = SMALL.split("What is a pod?")[1].split("What is a node?")
    head = SMALL.split("What is a pod?")[0]
    small.write_text(f"{head}What is a node?{node.rstrip()}\nWhat is a pod?{pod}", encoding="utf-8")

    out, _ = run(str(small))

    assert list(Question.objects.order_by("position").values_list("text", flat=True)) == [
        "What is a node?",
        "What is a pod?",
    ]
    assert "0 created, 2 updated, 0 unchanged" in out


@pytest.mark.django_db
def test_if_empty_imports_only_into_an_empty_bank(small):
    out, _ = run("--if-empty", str(small))
    assert Question.objects.count() == 2 and "2 created" in out

    out, _ = run("--if-empty", str(BANK))

    assert Question.objects.count() == 2
    assert "already has questions" in out


@pytest.mark.django_db
def test_a_malformed_file_leaves_the_database_untouched_and_names_the_line(small, tmp_path):
    run(str(small))
    before = snapshot()
    broken = tmp_path / "broken.txt"
    broken.write_text(
        SMALL.replace("Posted on Jan 6, 2025A node is a worker", "A node is a worker"),
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as caught:
        run(str(BANK), str(broken))

    assert f"{broken}, line 12: expected 'Posted on <Mon D, YYYY>'" in str(caught.value)
    assert "Nothing was imported" in str(caught.value)
    assert snapshot() == before
    assert not Topic.objects.filter(name="Docker").exists()


def test_a_malformed_file_exits_non_zero_with_a_message_not_a_traceback(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(
        "Topic\nDescription\nQuestions\nWhat?\nExpert Answer\nno date here\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "import_questions", str(broken)],
        capture_output=True,
        text=True,
        cwd=BANK.parents[2],
        env={
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3",
        },
        check=False,
    )
    assert result.returncode == 1
    assert f"{broken}, line 6: expected 'Posted on <Mon D, YYYY>'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: tmp / "missing.txt", importer.FILE_MISSING),
        (lambda tmp: tmp, "cannot read the file"),
        (
            lambda tmp: _write_bytes(tmp / "latin1.txt", "Café\n".encode("latin-1")),
            "expected UTF-8 text",
        ),
    ],
)
def test_missing_unreadable_or_non_utf8_files_get_a_clear_message(tmp_path, db, make, expected):
    path = make(tmp_path)
    with pytest.raises(CommandError) as caught:
        run(str(path))
    assert str(caught.value).startswith(f"{path}: ")
    assert expected in str(caught.value)
    assert not Question.objects.exists()


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.django_db
def test_the_same_question_in_two_documents_is_refused(small, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SMALL.replace("Kubernetes", "Orchestration"), encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        run(str(small), str(other))

    assert "also in" in str(caught.value) and "What is a pod?" in str(caught.value)
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_two_documents_with_the_same_topic_are_refused(small, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SMALL.replace("What is a", "What was a"), encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        run(str(small), str(other))

    assert "expected one document per topic" in str(caught.value)


def test_question_slugs_are_stable_short_and_distinct_for_shared_prefixes():
    prefix = "Explain in detail how Docker builds images from a Dockerfile, layer by layer, " * 3
    first, second = (
        question_slug(prefix + "with caching?"),
        question_slug(prefix + "without caching?"),
    )

    assert first != second
    assert first == question_slug(prefix + "with caching?")
    assert len(first) <= Question._meta.get_field("slug").max_length
    assert first.startswith("explain-in-detail-how-docker-builds")


@pytest.mark.django_db
def test_concepts_are_extracted_for_new_questions_and_curated_ones_kept(small):
    run(str(small))
    pod = Question.objects.get(text="What is a pod?")
    assert Concept.objects.filter(question=pod).exists()
    curated = Concept.objects.create(
        question=pod, label="shared network namespace", origin=Concept.Origin.CURATED, rank=99
    )
    small.write_text(
        SMALL.replace("smallest deployable unit", "smallest unit you deploy"), encoding="utf-8"
    )

    run(str(small))

    assert Concept.objects.filter(pk=curated.pk, origin=Concept.Origin.CURATED).exists()


@pytest.mark.django_db
def test_the_service_reports_counts_and_progress_lines(small):
    lines: list[str] = []
    report = questions_import(documents=[(str(small), document_read(small))], progress=lines.append)

    assert (report.questions.created, report.answers.created) == (2, 4)
    assert report.changed
    assert lines == [f"Kubernetes ({small}): 2 questions: 2 created, 0 updated, 0 unchanged"]
    assert Topic.objects.get().source_name == "kubernetes.txt"


def test_document_errors_are_value_errors_with_the_parts_kept():
    error = DocumentError("a.txt", 3, parsing.MISSING_QUESTION)
    assert (error.source, error.line) == ("a.txt", 3)
    assert isinstance(error, ValueError)


@pytest.mark.django_db
def test_a_question_without_its_expert_answer_line_is_an_error_not_a_merge(small, tmp_path):
    run(str(small))
    before = snapshot()
    # The second question's "Expert Answer" line is gone: its body directly follows the question.
    broken = tmp_path / "broken.txt"
    broken.write_text(
        SMALL.replace("What is a node?\nExpert Answer\n", "What is a node?\n"), encoding="utf-8"
    )

    with pytest.raises(CommandError) as caught:
        run(str(broken))

    message = str(caught.value)
    assert message.startswith(f"{broken}, line 11: ")
    assert parsing.POSTED_ON_WITHOUT_MARKER.format(found="'What is a node?'") in message
    assert "Nothing was imported" in message
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("blank_lines", [0, 2])
def test_an_over_long_topic_line_is_a_numbered_error_on_every_database(tmp_path, blank_lines):
    path = tmp_path / "long.txt"
    path.write_text("\n" * blank_lines + SMALL.replace("Kubernetes", "K" * 300, 1), "utf-8")

    with pytest.raises(CommandError) as caught:
        run(str(path))

    assert str(caught.value).startswith(f"{path}, line {1 + blank_lines}: ")
    assert importer.TOPIC_TOO_LONG.format(limit=200, length=300) in str(caught.value)
    assert not Topic.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_a_topic_of_exactly_the_column_limit_imports(tmp_path):
    path = tmp_path / "limit.txt"
    path.write_text(SMALL.replace("Kubernetes", "K" * 200, 1), "utf-8")
    run(str(path))
    assert Topic.objects.get().name == "K" * 200


@pytest.mark.django_db
def test_a_nul_character_in_a_document_is_a_numbered_error_on_every_database(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_text(SMALL.replace("smallest deployable", "smallest\x00deployable"), "utf-8")

    with pytest.raises(CommandError) as caught:
        run(str(path))

    assert str(caught.value).startswith(f"{path}, line 6: ")
    assert parsing.NUL_CHARACTER.format(column=43) in str(caught.value)
    assert not Question.objects.exists()


def test_a_failure_while_writing_rolls_back_every_document(tmp_path, db, monkeypatch):
    other = tmp_path / "kitchen.csv"
    other.write_text("question,expert_answer,beginner_answer\nBoil an egg?,Gently.,In water.\n")

    def failing_extraction(**kwargs):
        raise RuntimeError("the database went away while concepts were written")

    monkeypatch.setattr("content.importer.concepts_refresh_many", failing_extraction)
    with pytest.raises(RuntimeError):
        call_command("import_questions", str(BANK), str(other), stdout=StringIO())
    assert not Topic.objects.exists() and not Question.objects.exists()
    assert not ModelAnswer.objects.exists()


FRENCH = """Kubernetes en français
L'orchestration de conteneurs.
Questions
Qu'est-ce qu'un pod ?
Expert Answer
Posted on Jan 5, 2025Un pod est la plus petite unité déployable. Il regroupe des conteneurs qui partagent un espace
de noms réseau et des volumes, et ils sont toujours placés ensemble sur le même nœud.
Beginner Answer
Posted on Jan 5, 2025Un pod est un petit groupe de conteneurs qui vivent ensemble sur une machine du cluster.
"""


@pytest.mark.django_db
def test_a_bank_not_in_english_imports_with_a_warning_that_the_scorer_reads_english(tmp_path):
    path = tmp_path / "pods.txt"
    path.write_text(FRENCH, encoding="utf-8")

    out, err = run(str(path))

    assert Question.objects.filter(text="Qu'est-ce qu'un pod ?").exists()
    assert "do not read as English" in err
    assert "Kubernetes en français" in err


@pytest.mark.django_db
def test_an_english_bank_gets_no_language_warning(small):
    out, err = run(str(small))

    assert "English" not in err
