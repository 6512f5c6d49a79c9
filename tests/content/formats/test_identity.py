"""Questions keep their id: matched by it when the document has one, by their text otherwise."""

import uuid

import pytest
from django.core.management import CommandError

from content.models import Question
from tests.content.formats.conftest import command

pytestmark = pytest.mark.django_db

UID = uuid.UUID("0b0a3c2e-6d7e-4f4c-9a51-3f0e8e1c2b11")


def seed(tmp_path, *questions: tuple[str, str | None]) -> str:
    lines = ["Kubernetes", "Orchestration.", "Questions"]
    for text, uid in questions:
        lines.append(text)
        if uid:
            lines.append(f"Id: {uid}")
        lines += ["Expert Answer", f"Posted on Jan 5, 2025{text} An answer."]
    path = tmp_path / "k8s.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_every_question_has_a_distinct_uid(docker_bank):
    uids = list(Question.objects.values_list("uid", flat=True))
    assert len(uids) == 24 and len(set(uids)) == 24


def test_a_document_without_ids_matches_by_text_and_the_id_is_adopted(tmp_path):
    command("import_questions", seed(tmp_path, ("What is a pod?", None)))
    first = Question.objects.get()
    out, _ = command("import_questions", seed(tmp_path, ("What is a pod?", str(UID))))
    assert "0 created, 1 updated" in out
    assert Question.objects.get().pk == first.pk and Question.objects.get().uid == UID


def test_without_an_id_an_edited_wording_is_a_new_question(tmp_path):
    command("import_questions", seed(tmp_path, ("What is a pod?", None)))
    out, err = command("import_questions", seed(tmp_path, ("What is a pod, exactly?", None)))
    assert "1 created" in out and "kept 1 question no longer" in err
    assert Question.objects.count() == 2


def test_with_an_id_an_edited_wording_updates_in_place(tmp_path):
    command("import_questions", seed(tmp_path, ("What is a pod?", str(UID))))
    out, err = command("import_questions", seed(tmp_path, ("What is a pod, exactly?", str(UID))))
    assert "0 created, 1 updated" in out and "kept" not in err
    assert Question.objects.get(uid=UID).text == "What is a pod, exactly?"


def test_a_wording_another_question_holds_is_refused(tmp_path):
    command(
        "import_questions", seed(tmp_path, ("What is a pod?", str(UID)), ("What is a node?", None))
    )
    path = seed(tmp_path, ("What is a node?", str(UID)), ("What is a node, really?", None))
    with pytest.raises(CommandError, match=r"line 4: expected a wording no other question has"):
        command("import_questions", path)
    assert Question.objects.get(uid=UID).text == "What is a pod?"


def test_an_id_twice_in_one_document_is_refused(tmp_path):
    path = seed(tmp_path, ("What is a pod?", str(UID)), ("What is a node?", str(UID)))
    with pytest.raises(CommandError, match=r"line 9: expected each id once.* line 4"):
        command("import_questions", path)
    assert not Question.objects.exists()


def test_an_answer_line_that_starts_with_id_stays_answer_text(tmp_path):
    path = tmp_path / "k8s.txt"
    path.write_text(
        "K\nD\nQuestions\nWhat is a pod?\nExpert Answer\nPosted on Jan 5, 2025A pod.\n"
        "Id: every pod has one\n",
        encoding="utf-8",
    )
    command("import_questions", str(path))
    assert Question.objects.get().model_answer("expert").text == "A pod.\nId: every pod has one"
