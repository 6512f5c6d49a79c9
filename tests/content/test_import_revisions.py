"""An import that changes a stored question records a revision, as an edit in the browser does."""

import dataclasses
from pathlib import Path

import pytest

from content.authoring import question_update, revision_restore
from content.formats import FORMATS, document_parse
from content.formats.bank import bank_document
from content.importer import questions_import
from content.models import Question, QuestionRevision
from content.revisions import NOTE_IMPORTED, QuestionState, question_state, revision_changes
from tests.content.formats.conftest import command, snapshot

pytestmark = pytest.mark.django_db


def edited_export(topic, tmp_path, *, question: Question, wording: str, expert: str) -> str:
    """The topic exported to seed text with one question's wording and expert answer changed."""
    document = bank_document(topic)
    questions = [
        dataclasses.replace(
            parsed, text=wording, expert=dataclasses.replace(parsed.expert, text=expert)
        )
        if parsed.uid == question.uid
        else parsed
        for parsed in document.questions
    ]
    path = tmp_path / "docker.txt"
    edited = dataclasses.replace(document, questions=tuple(questions))
    path.write_text(FORMATS["seed"].write(edited), encoding="utf-8")
    return str(path)


def test_the_command_records_the_change_with_its_diff_and_it_can_be_restored(
    docker_bank, author, tmp_path
):
    question = Question.objects.get(topic=docker_bank, position=3)
    old = question_state(question)
    path = edited_export(
        docker_bank, tmp_path, question=question, wording="Reworded?", expert="A new expert answer."
    )
    command("import_questions", path)

    first, second = QuestionRevision.objects.filter(question=question).order_by("number")
    assert (first.number, first.author, first.note) == (1, None, NOTE_IMPORTED)
    assert QuestionState(first.text, first.expert_answer, first.beginner_answer) == old
    assert (second.number, second.author, second.note) == (2, None, "Imported from docker.txt")
    assert (second.text, second.expert_answer) == ("Reworded?", "A new expert answer.")
    assert second.beginner_answer == old.beginner_answer
    newest = revision_changes(question)[0]
    assert newest.is_current
    assert [label for label, _ in newest.diffs] == ["Question", "Expert answer"]
    assert any(line.text == "+Reworded?" for line in newest.diffs[0][1])

    # Importing the same file again changes nothing, so it records nothing.
    out, _ = command("import_questions", path)
    assert "No changes" in out
    assert QuestionRevision.objects.count() == 2

    assert revision_restore(revision=first, author=author)
    question.refresh_from_db()
    assert question_state(question) == old
    assert question.revisions.count() == 3


def test_an_unchanged_re_import_or_a_new_order_records_no_revision(docker_bank, tmp_path):
    path = tmp_path / "docker.md"
    command("export_bank", "docker", "--format", "markdown", "--output", str(path))
    command("import_questions", str(path))
    assert not QuestionRevision.objects.exists()

    document = bank_document(docker_bank)
    reordered = dataclasses.replace(document, questions=document.questions[::-1])
    report = questions_import(documents=[("docker.md", reordered)])
    assert report.questions.updated > 0  # the order changed
    assert not QuestionRevision.objects.exists()


def test_a_question_edited_in_the_browser_gets_the_next_revision(docker_bank, author, tmp_path):
    question = Question.objects.get(topic=docker_bank, position=1)
    state = question_state(question)
    question_update(
        question=question, author=author, state=dataclasses.replace(state, text="Edited online?")
    )
    question.refresh_from_db()
    path = edited_export(
        docker_bank, tmp_path, question=question, wording="Edited in a file?", expert="Expert."
    )
    document = document_parse(Path(path).read_text("utf-8"), source=path, format_name="seed")
    questions_import(documents=[(path, document)], author=author)

    numbers = list(question.revisions.order_by("number").values_list("number", "author", "text"))
    assert numbers == [
        (1, None, state.text),
        (2, author.pk, "Edited online?"),
        (3, author.pk, "Edited in a file?"),
    ]


def test_a_dry_run_records_no_revision(docker_bank, tmp_path):
    question = Question.objects.get(topic=docker_bank, position=2)
    path = edited_export(docker_bank, tmp_path, question=question, wording="W?", expert="E.")
    document = document_parse(Path(path).read_text("utf-8"), source=path, format_name="seed")
    before = snapshot()
    report = questions_import(documents=[(path, document)], dry_run=True)
    assert report.questions.updated == 1
    assert snapshot() == before and not QuestionRevision.objects.exists()
