"""Every format: export then import changes nothing, imports are idempotent, CRLF and a BOM read the same."""

import codecs
from pathlib import Path

import pytest
from django.core.management import CommandError

from content.authoring import topic_create
from content.copying import question_copy
from content.formats import FORMATS, document_parse
from content.formats.bank import bank_document
from content.formats.seed import write as seed_write
from content.importer import questions_import
from content.models import ModelAnswer, Question, Topic
from tests.content.formats.conftest import EXTENSIONS, FORMAT_NAMES, command, snapshot

pytestmark = pytest.mark.django_db


def exported(topic: Topic, format_name: str, tmp_path) -> str:
    path = tmp_path / f"{topic.slug}{EXTENSIONS[format_name]}"
    command("export_bank", topic.slug, "--format", format_name, "--output", str(path))
    return str(path)


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_export_then_import_changes_nothing(docker_bank, format_name, tmp_path):
    path = exported(docker_bank, format_name, tmp_path)
    before = snapshot()
    out, _ = command("import_questions", path)
    assert "24 questions: 0 created, 0 updated, 24 unchanged" in out
    assert "No changes" in out
    assert snapshot() == before


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_an_export_rebuilds_the_bank_in_an_empty_database(docker_bank, format_name, tmp_path):
    path = exported(docker_bank, format_name, tmp_path)
    answers = sorted(ModelAnswer.objects.values_list("question__uid", "level", "text"))
    uids = sorted(Question.objects.values_list("uid", "text"))
    Topic.objects.all().delete()
    out, _ = command("import_questions", path)
    assert "24 created" in out
    assert sorted(Question.objects.values_list("uid", "text")) == uids
    assert sorted(ModelAnswer.objects.values_list("question__uid", "level", "text")) == answers
    # and the second import of the same file is a no-op
    before = snapshot()
    out, _ = command("import_questions", path)
    assert "No changes" in out and snapshot() == before


def test_a_csv_file_starts_with_a_byte_order_mark_and_standard_output_does_not(
    docker_bank, tmp_path
):
    """Spreadsheets need the mark to read the file as UTF-8; in a pipe it is a stray character."""
    data = Path(exported(docker_bank, "csv", tmp_path)).read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and data.count(codecs.BOM_UTF8) == 1
    out, _ = command("export_bank", docker_bank.slug, "--format", "csv", "--output", "-")
    assert out.startswith("question,")
    assert out == data.decode("utf-8-sig")


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_crlf_and_a_bom_read_like_the_clean_file(docker_bank, format_name):
    text = FORMATS[format_name].write(bank_document(docker_bank, with_concepts=True))
    windows = "\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")
    clean = document_parse(text, source=f"docker{EXTENSIONS[format_name]}", format_name=format_name)
    assert windows != text
    assert (
        document_parse(windows, source=f"docker{EXTENSIONS[format_name]}", format_name=format_name)
        == clean
    )


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_an_edited_wording_with_its_id_updates_the_question_in_place(
    docker_bank, format_name, tmp_path
):
    question = Question.objects.get(topic=docker_bank, position=3)
    path = exported(docker_bank, format_name, tmp_path)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(question.text, question.text + " Give an example.", 1))
    out, _ = command("import_questions", path)
    assert "0 created, 1 updated, 23 unchanged" in out
    moved = Question.objects.get(uid=question.uid)
    assert (moved.pk, moved.text) == (question.pk, question.text + " Give an example.")
    assert moved.slug != question.slug
    assert Question.objects.count() == 24


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_dry_run_reports_and_writes_nothing(docker_bank, format_name):
    document = bank_document(docker_bank)
    edited = document.questions[0].__class__(
        document.questions[0].text + " Why?",
        1,
        document.questions[0].expert,
        document.questions[0].beginner,
        document.questions[0].uid,
    )
    new = document.questions[1].__class__("A new question?", 2, document.questions[1].expert, None)
    document = document.__class__(
        document.topic_name, document.description, (edited, *document.questions[1:], new)
    )
    text = FORMATS[format_name].write(document)
    parsed = document_parse(
        text, source=f"docker{EXTENSIONS[format_name]}", format_name=format_name
    )
    before = snapshot()
    report = questions_import(documents=[("upload", parsed)], dry_run=True)
    assert snapshot() == before
    outcomes = {o.text: (o.outcome, o.changes) for o in report.outcomes}
    assert outcomes[edited.text] == ("updated", ("wording",))
    assert outcomes["A new question?"] == ("created", ())
    assert (report.questions.created, report.questions.updated, report.questions.unchanged) == (
        1,
        1,
        23,
    )
    # the real import does what the preview said
    report = questions_import(documents=[("upload", parsed)])
    assert (report.questions.created, report.questions.updated) == (1, 1)


def test_a_topic_without_a_description_round_trips_through_the_seed_format(tmp_path):
    csv_file = tmp_path / "kitchen.csv"
    csv_file.write_text(
        "question,expert_answer,beginner_answer\nHow do you boil an egg?,Gently.,In water.\n",
        encoding="utf-8",
    )
    command("import_questions", str(csv_file))  # CSV has no description: the topic has none
    topic = Topic.objects.get(slug="kitchen")
    assert topic.description == ""
    path = exported(topic, "seed", tmp_path)
    before = snapshot()
    out, _ = command("import_questions", path)
    assert "No changes" in out
    assert snapshot() == before
    # and into an empty database the description stays empty too
    Topic.objects.all().delete()
    command("import_questions", path)
    assert Topic.objects.get(slug="kitchen").description == ""


# Lines a reader could take for structure: markers, a heading, the empty-description line, an id.
SEVERAL_LINES = (
    "Containers for backend developers.\n"
    "Expert Answer\n"
    "# Not a heading\n"
    "(no description)\n"
    "Id: 3f2b8c1e-0a4d-4b6e-9f1a-2c3d4e5f6a7b\n"
    "Posted on Mar 1, 2025 the second edition."
)


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_description_of_several_lines_round_trips(docker_bank, format_name, tmp_path):
    Topic.objects.filter(pk=docker_bank.pk).update(description=SEVERAL_LINES)
    path = exported(docker_bank, format_name, tmp_path)
    before = snapshot()
    out, _ = command("import_questions", path)
    assert "No changes" in out and snapshot() == before
    if format_name == "csv":
        return  # CSV has no description to rebuild a bank with
    Topic.objects.all().delete()
    command("import_questions", path)
    assert Topic.objects.get(slug="docker").description == SEVERAL_LINES


def test_the_seed_format_writes_a_long_description_on_indented_lines(docker_bank):
    Topic.objects.filter(pk=docker_bank.pk).update(description="First line.\nSecond line.")
    docker_bank.refresh_from_db()
    text = seed_write(bank_document(docker_bank))
    assert text.startswith("Docker\nFirst line.\n  Second line.\nQuestions\n")


@pytest.mark.parametrize(
    ("format_name", "text"),
    [
        (
            "csv",
            'question,expert_answer,beginner_answer\n"What is a pod?\nBriefly.",A unit.,A box.\n',
        ),
        (
            "json",
            '{"format": "mock-interview-bank", "version": 1, "topic": {"name": "K"},'
            ' "questions": [{"text": "What is a pod?\\nBriefly.", "expert": {"text": "A unit."}}]}',
        ),
    ],
)
def test_a_question_on_two_lines_in_a_file_reads_as_one_line(format_name, text):
    document = document_parse(text, source=f"k{EXTENSIONS[format_name]}", format_name=format_name)
    assert document.questions[0].text == "What is a pod? Briefly."


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_bank_holding_a_copied_question_round_trips(docker_bank, format_name, tmp_path):
    """A copy keeps the original's wording until it is adapted, in a bank of its own: that bank's
    export still imports back unchanged, and the original is not touched."""
    mine = topic_create(owner=None, name="Containers")
    question_copy(question=docker_bank.questions.first(), topic=mine, author=None)
    path = exported(mine, format_name, tmp_path)
    before = snapshot()
    out, _ = command("import_questions", path)
    assert "1 question: 0 created, 0 updated, 1 unchanged" in out
    assert snapshot() == before


@pytest.mark.parametrize("where", ["missing/folder/docker.txt", "."])
def test_an_export_that_cannot_be_written_says_where_and_why(docker_bank, tmp_path, where):
    target = tmp_path / where
    with pytest.raises(CommandError, match=f"{target}: cannot write the file"):
        command("export_bank", "docker", "--output", str(target))
