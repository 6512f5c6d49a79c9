"""Bad files through the upload pages: each gets a message naming the file and where, never a 500,
and nothing of the bank is written, not even by confirming the preview."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from content.forms import EMPTY_FILE
from content.models import ModelAnswer, Question, Topic

pytestmark = pytest.mark.django_db

ANSWERED = "What is a pod?\nExpert Answer\nPosted on Mar 1, 2025 The smallest unit.\n"
CSV_HEAD = b"question,expert_answer,beginner_answer\n"


def seed(topic: str = "Pods", description: str = "About pods.") -> bytes:
    return f"{topic}\n{description}\nQuestions\n{ANSWERED}".encode()


def bank_json(**changes) -> bytes:
    bank = {
        "format": "mock-interview-bank",
        "version": 1,
        "topic": {"name": "Pods", "description": ""},
        "questions": [{"text": "What is a pod?", "expert": {"text": "A unit."}}],
        **changes,
    }
    return json.dumps(bank).encode()


# (file name, content, extra form fields, what the message says after the file name)
BAD_FILES = {
    "wrong file type": ("bank.pdf", b"%PDF-1.4 text", {}, "expected a file ending in .txt"),
    "binary as text": ("bank.txt", b"\x89PNG\r\n\x1a\n\x00\x00", {}, "expected UTF-8 text"),
    "empty file": ("bank.md", b"", {}, "expected a question bank, found an empty file"),
    "latin-1": ("bank.txt", seed(description="Café").decode().encode("latin-1"), {}, "UTF-8"),
    "UTF-16": ("bank.txt", seed().decode().encode("utf-16"), {}, "expected UTF-8 text"),
    "NUL in seed": (
        "bank.txt",
        seed(description="a\x00b"),
        {},
        "line 2: expected text, found a NUL",
    ),
    "NUL in Markdown": (
        "bank.md",
        b"# Pods\n\n## What?\n\n### Expert answer\n\nA\x00\n",
        {},
        "line 7: expected text, found a NUL",
    ),
    "NUL in CSV": (
        "bank.csv",
        CSV_HEAD + b"What?,A\x00,B\n",
        {},
        "line 2: expected text, found a NUL",
    ),
    "NUL in a JSON string": (
        "bank.json",
        bank_json(topic={"name": "Pods\u0000"}),
        {},
        "topic.name: expected text, found a NUL",
    ),
    "huge CSV cell": (
        "bank.csv",
        CSV_HEAD + b"What?," + b"a" * 200_000 + b",b\n",
        {},
        "line 2: expected CSV, field larger than field limit",
    ),
    "CSV with a missing column": (
        "bank.csv",
        b"question,expert_answer\nWhat?,A\n",
        {},
        "row 1: expected a 'beginner_answer' column",
    ),
    "CSV with a short row": ("bank.csv", CSV_HEAD + b"What?,A\n", {}, "row 2 (line 2): expected 3"),
    "JSON with wrong types": (
        "bank.json",
        bank_json(topic={"name": 5}, questions=[{"text": ["x"], "expert": "an answer"}]),
        {},
        "topic.name: expected a non-empty string",
    ),
    "JSON nested too deep": ("bank.json", b"[" * 100_000, {}, "nested deeper than 32 levels"),
    "JSON with a huge number": (
        "bank.json",
        b'{"version": ' + b"9" * 5_000 + b"}",
        {},
        "expected JSON, found a number of thousands of digits",
    ),
    "a Markdown topic heading without text": (
        "bank.md",
        b"#\n\n## What is a pod?\n\n### Expert answer\n\nA unit.\n",
        {},
        "line 1: expected a topic name, found none",
    ),
    "a CSV file named only by spaces": (
        " .csv",
        CSV_HEAD + b"What?,A,B\n",
        {},
        "expected a topic name, found none",
    ),
    "a huge topic line": ("bank.txt", seed(topic="T" * 100_000), {}, "line 1: expected a topic"),
}


@pytest.fixture
def editor_client(client, make_interviewer):
    client.force_login(make_interviewer("ivy"))
    client.raise_request_exception = False  # a traceback must show as the 500 it would be
    return client


def _message(response) -> str:
    form = response.context.get("form")
    if form is not None and form.errors:
        return " ".join(" ".join(errors) for errors in form.errors.values())
    return response.context.get("error") or ""


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_gets_its_name_and_what_was_expected_and_writes_nothing(editor_client, case):
    name, data, fields, expected = BAD_FILES[case]
    response = editor_client.post(
        "/banks/import/", {"file": SimpleUploadedFile(name, data), **fields}
    )
    if response.status_code == 302:  # read fine; the import's checks speak on the preview
        preview_url = response.url
        response = editor_client.get(preview_url)
        assert editor_client.post(preview_url).status_code == 200  # confirming is refused too
    assert response.status_code == 200
    message = _message(response)
    assert message.startswith(name) and expected in message
    assert not Topic.objects.exists() and not Question.objects.exists()
    assert not ModelAnswer.objects.exists()


def test_django_s_own_empty_file_message_is_replaced_by_one_naming_the_file(editor_client):
    response = editor_client.post("/banks/import/", {"file": SimpleUploadedFile("b.csv", b"")})
    assert response.context["form"].errors["file"] == [EMPTY_FILE.format(name="b.csv")]
