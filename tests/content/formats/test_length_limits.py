"""A question or a model answer longer than the question editor saves is refused by every format,
by the command and by the upload, naming the file and the line or row; nothing is written. At the
limit it imports, and the editor then saves it unchanged."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError
from django.urls import reverse

from content.forms import QuestionForm
from content.models import Question, Topic
from content.parsing import ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH
from tests.content.formats.conftest import command, snapshot

pytestmark = pytest.mark.django_db

QUESTION = "What is a pod?"
EXPERT = "A pod is the smallest deployable unit."
BEGINNER = "A pod is a small group of containers."


def long_question() -> str:
    return "Why " + "q" * (QUESTION_MAX_LENGTH - 4) + "?"


def long_answer(extra: int = 0) -> str:
    # Several lines, as a real answer has: the limit counts a line break as one character.
    line = "word " * 19 + "end."
    lines, length = [], 0
    while length + len(line) + 1 <= ANSWER_MAX_LENGTH + extra:
        lines.append(line)
        length += len(line) + 1
    text = "\n".join(lines)
    return text + "x" * (ANSWER_MAX_LENGTH + extra - len(text))


def bank(format_name: str, question: str, expert: str, beginner: str) -> str:
    if format_name == "seed":
        return (
            f"Pods\nAbout pods.\nQuestions\n{question}\nExpert Answer\nPosted on Mar 1, 2025"
            f"{expert}\nBeginner Answer\nPosted on Mar 1, 2025{beginner}\n"
        )
    if format_name == "markdown":
        return (
            f"# Pods\n\nAbout pods.\n\n## {question}\n\n### Expert answer\n\n{expert}\n\n"
            f"### Beginner answer\n\n{beginner}\n"
        )
    if format_name == "csv":
        cells = [f'"{text}"' for text in (question, expert, beginner)]
        return "question,expert_answer,beginner_answer\n" + ",".join(cells) + "\n"
    return json.dumps(
        {
            "format": "mock-interview-bank",
            "version": 1,
            "topic": {"name": "Pods", "description": "About pods."},
            "questions": [
                {"text": question, "expert": {"text": expert}, "beginner": {"text": beginner}}
            ],
        }
    )


FILE_NAMES = {"seed": "pods.txt", "markdown": "pods.md", "csv": "pods.csv", "json": "pods.json"}
TOO_LONG_QUESTION = (
    f"expected a question of at most {QUESTION_MAX_LENGTH:,} characters (the question editor's "
    f"limit), found {QUESTION_MAX_LENGTH + 1:,}"
)
TOO_LONG_ANSWER = (
    "expected the {level} answer to hold at most {limit:,} characters (the question editor's "
    "limit), found {found:,}"
)
# (format, field too long, where the message says it is)
CASES = [
    ("seed", "question", "pods.txt, line 4: "),
    ("seed", "expert", "pods.txt, line 6: "),
    ("seed", "beginner", "pods.txt, line 8: "),
    ("markdown", "question", "pods.md, line 5: "),
    ("markdown", "expert", "pods.md, line 7: "),
    ("markdown", "beginner", "pods.md, line 11: "),
    ("csv", "question", "pods.csv: row 2 (line 2): "),
    ("csv", "expert", "pods.csv: row 2 (line 2): "),
    ("csv", "beginner", "pods.csv: row 2 (line 2): "),
    ("json", "question", "questions[0].text: "),
    ("json", "expert", "questions[0].expert.text: "),
    ("json", "beginner", "questions[0].beginner.text: "),
]


def too_long(format_name: str, field: str) -> tuple[str, str]:
    """The file's text, and the message expected after where it names."""
    texts = {"question": QUESTION, "expert": EXPERT, "beginner": BEGINNER}
    if field == "question":
        texts[field] = long_question()
        expected = TOO_LONG_QUESTION
    else:
        texts[field] = long_answer(extra=1)
        expected = TOO_LONG_ANSWER.format(
            level=field, limit=ANSWER_MAX_LENGTH, found=ANSWER_MAX_LENGTH + 1
        )
    return bank(format_name, texts["question"], texts["expert"], texts["beginner"]), expected


def test_the_limits_are_the_editor_s():
    form = QuestionForm(topic=Topic(), question=None)
    assert form.fields["text"].max_length == QUESTION_MAX_LENGTH
    assert form.fields["expert_answer"].max_length == ANSWER_MAX_LENGTH
    assert form.fields["beginner_answer"].max_length == ANSWER_MAX_LENGTH


@pytest.mark.parametrize(("format_name", "field", "where"), CASES)
def test_the_command_refuses_a_text_over_the_editor_s_limit(
    docker_bank, tmp_path, format_name, field, where
):
    text, expected = too_long(format_name, field)
    path = tmp_path / FILE_NAMES[format_name]
    path.write_text(text, encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        command("import_questions", str(path))
    message = str(error.value).replace(str(tmp_path) + "/", "")
    assert where + expected in message
    assert message.startswith(FILE_NAMES[format_name])
    assert snapshot() == before


@pytest.mark.parametrize(("format_name", "field", "where"), CASES)
def test_an_upload_refuses_a_text_over_the_editor_s_limit(
    client, make_interviewer, format_name, field, where
):
    client.force_login(make_interviewer("ivy"))
    text, expected = too_long(format_name, field)
    name = FILE_NAMES[format_name]
    upload = SimpleUploadedFile(name, text.encode())
    response = client.post(reverse("content:bank_import"), {"file": upload})
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith(name)
    assert where + expected in errors[0]
    assert not Topic.objects.exists() and not Question.objects.exists()


@pytest.mark.parametrize("format_name", ["seed", "markdown", "csv", "json"])
def test_texts_at_the_limit_import_and_the_editor_saves_them_unchanged(
    client, make_interviewer, tmp_path, format_name
):
    question, expert, beginner = long_question()[:-2] + "?", long_answer(), long_answer()
    assert len(question) == QUESTION_MAX_LENGTH and len(expert) == ANSWER_MAX_LENGTH
    path = tmp_path / FILE_NAMES[format_name]
    path.write_text(bank(format_name, question, expert, beginner), encoding="utf-8")
    command("import_questions", str(path))
    stored = Question.objects.get()
    assert stored.text == question
    assert stored.model_answer("expert").text == expert

    staff = make_interviewer("stella")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    # A browser posts a textarea's line breaks as CRLF.
    data = {
        "text": question,
        "expert_answer": expert.replace("\n", "\r\n"),
        "beginner_answer": beginner.replace("\n", "\r\n"),
    }
    response = client.post(reverse("content:question_edit", args=[stored.slug]), data)
    assert response.status_code == 302, response.context["form"].errors
    stored.refresh_from_db()
    assert stored.model_answer("expert").text == expert
    assert stored.model_answer("beginner").text == beginner
