"""Bad input in every format: the error names the file and the line or row, and nothing is written."""

import json

import pytest
from django.core.management import CommandError

from content.formats import document_parse, format_guess
from content.parsing import DocumentError
from tests.content.formats.conftest import command, snapshot

pytestmark = pytest.mark.django_db

UID = "0b0a3c2e-6d7e-4f4c-9a51-3f0e8e1c2b11"

MARKDOWN_OK = f"""# Kubernetes

Container orchestration.

## What is a pod?

Id: {UID}

### Expert answer

A pod is the smallest deployable unit.

### Beginner answer

A pod is a small group of containers.
"""

# (format, file name, text, what the message must say)
MALFORMED = [
    (
        "seed",
        "k8s.txt",
        "Kubernetes\nOrchestration.\nQuestions\nWhat is a pod?\nId: nope\nExpert Answer\n"
        "Posted on Jan 5, 2025A pod.\n",
        "k8s.txt, line 5: expected a UUID after 'Id: '",
    ),
    (
        "seed",
        "k8s.txt",
        f"Kubernetes\nOrchestration.\nQuestions\nWhat is a pod?\nExpert Answer\nPosted on Jan 5, "
        f"2025A pod.\nId: {UID}\nWhat is a node?\nExpert Answer\nPosted on Jan 5, 2025A node.\n",
        "k8s.txt, line 7: expected the 'Id:' line between a question and its",
    ),
    (
        "seed",
        "k8s.txt",
        "Kubernetes\nOrchestration.\nQuestions\nWhat is a pod?\nExpert Answer\n"
        "Posted on Jan 5, 2025\nBeginner Answer\nPosted on Jan 5, 2025A pod.\n",
        "k8s.txt, line 6: expected the expert answer after 'Posted on Jan 5, 2025', found none",
    ),
    (
        "seed",
        "k8s.txt",
        "Kubernetes\nOrchestration.\nQuestions\nWhat is a pod?\nExpert Answer\n"
        "Posted on Jan 5, 2025A pod.\nBeginner Answer\nPosted on Jan 5, 2025  \n",
        "k8s.txt, line 8: expected the beginner answer after 'Posted on Jan 5, 2025', found none",
    ),
    (
        "markdown",
        "k8s.md",
        MARKDOWN_OK.replace("## What is a pod?", "##"),
        "k8s.md, line 5: expected the question's text after '##', found none",
    ),
    (
        "markdown",
        "k8s.md",
        MARKDOWN_OK.replace("## What is a pod?", "##   "),
        "k8s.md, line 5: expected the question's text after '##', found none",
    ),
    (
        "markdown",
        "k8s.md",
        MARKDOWN_OK.replace("### Beginner answer", "### Junior answer"),
        "k8s.md, line 13: expected '### Expert answer' or '### Beginner answer', found '### Junior",
    ),
    (
        "markdown",
        "k8s.md",
        MARKDOWN_OK.replace(f"Id: {UID}", "Some stray text"),
        "k8s.md, line 7: expected 'Id: <uuid>' or '### Expert answer' after a question",
    ),
    (
        "markdown",
        "k8s.md",
        "Intro text\n" + MARKDOWN_OK,
        "k8s.md, line 1: expected '# <topic name>' first, found 'Intro text'",
    ),
    (
        "markdown",
        "k8s.md",
        MARKDOWN_OK.replace("A pod is the smallest deployable unit.\n", ""),
        "k8s.md, line 9: expected the answer text under '### Expert answer'",
    ),
    (
        "csv",
        "k8s.csv",
        "question,expert_answer,beginner_answer,id\nWhat is a pod?,A pod.,A small pod.,\n"
        "What is a node?,A node.\n",
        "k8s.csv: row 3 (line 3): expected 4 cells, found 2",
    ),
    (
        "csv",
        "k8s.csv",
        'question,expert_answer,beginner_answer\nWhat is a pod?,"A pod.\nTwo lines.",x\n,A node.,y\n',
        "k8s.csv: row 3 (line 4): expected the question in the 'question' column",
    ),
    (
        "csv",
        "k8s.csv",
        "question,expert,beginner\nWhat is a pod?,A pod.,A small pod.\n",
        "k8s.csv: row 1: expected only the columns question, expert_answer, beginner_answer, id",
    ),
    (
        "csv",
        "k8s.csv",
        "question,expert_answer,beginner_answer,id\nWhat is a pod?,A pod.,x,not-a-uuid\n",
        "k8s.csv, row 2, line 2: expected a UUID after 'Id: '",
    ),
    (
        "json",
        "k8s.json",
        '{"format": "mock-interview-bank",\n "version": 1,\n "topic": {"name": "K"},\n'
        ' "questions": [\n  {"text": "What is a pod?", "expert": {"text": "A pod."}},\n ]\n}\n',
        "k8s.json, line 5: expected JSON, Illegal trailing comma",
    ),
    (
        "json",
        "k8s.json",
        json.dumps(
            {
                "format": "mock-interview-bank",
                "version": 1,
                "topic": {"name": "K"},
                "questions": [
                    {"text": "What is a pod?", "expert": {"text": "A pod.", "posted_on": "soon"}}
                ],
            }
        ),
        "questions[0].expert.posted_on: expected a date like 2025-03-26",
    ),
]


@pytest.mark.parametrize(("format_name", "name", "text", "expected"), MALFORMED)
def test_a_malformed_file_names_where_and_what_and_writes_nothing(
    docker_bank, format_name, name, text, expected, tmp_path
):
    path = tmp_path / name
    path.write_bytes(text.encode())
    with pytest.raises(DocumentError) as error:
        document_parse(text, source=str(path), format_name=format_name)
    assert expected in str(error.value).replace(str(tmp_path) + "/", "")
    before = snapshot()
    with pytest.raises(CommandError, match="Nothing was imported"):
        command("import_questions", str(path))
    assert snapshot() == before


def test_an_unknown_extension_asks_for_a_format(tmp_path):
    with pytest.raises(DocumentError, match=r"expected a file ending in \.txt, \.md"):
        format_guess("bank.docx")


def test_bytes_that_are_not_utf8_are_refused_with_their_offset(docker_bank, tmp_path):
    path = tmp_path / "bank.md"
    path.write_bytes(MARKDOWN_OK.encode() + b"\xff")
    before = snapshot()
    with pytest.raises(CommandError, match="not UTF-8 at byte offset"):
        command("import_questions", str(path))
    assert snapshot() == before


def test_markdown_reads_a_hash_inside_a_code_fence_as_answer_text():
    text = MARKDOWN_OK.replace(
        "A pod is the smallest deployable unit.",
        "A pod is the smallest deployable unit.\n\n```\n## not a question\n```",
    )
    document = document_parse(text, source="k8s.md", format_name="markdown")
    assert len(document.questions) == 1
    assert "## not a question" in document.questions[0].expert.text
