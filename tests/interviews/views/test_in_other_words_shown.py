"""A concept credited through another word says so, in the answer's own words, on every page and
export that lists matched concepts; a concept matched as written gets no such note."""

import csv
import io
import json

import pytest
from django.urls import reverse

from content.models import Concept
from interviews.models import SessionItem
from interviews.services import item_finish

pytestmark = pytest.mark.django_db

# "separate" earned "isolation"; "Containers" is "container" as written. The answer's own words
# come back into the page, so they must come back escaped.
ANSWER = "Containers keep a <process> separate."
SOFT_START = ANSWER.index("<process> separate")
MATCHED = [
    {"label": "container", "start": 0, "end": 10},
    {
        "label": "isolation",
        "start": SOFT_START,
        "end": len(ANSWER) - 1,
        "credit": 0.6,
        "in_other_words": True,
    },
]
NOTE_HTML = "(in other words: “&lt;process&gt; separate”; partly credited, 60%)"


@pytest.fixture
def soft_item(finished_session):
    item = finished_session.items.get(position=1)
    SessionItem.objects.filter(pk=item.pk).update(answer_text=ANSWER, matched=MATCHED)
    return item


def concept_line(page: str, label: str) -> str:
    """The text of the list line that names label (tags kept, whitespace folded)."""
    lines = [line for line in page.split("<li") if label in line and "</li>" in line]
    return " ".join(lines[0].split("</li>")[0].split())


def test_candidate_results_note_a_concept_matched_in_other_words(client, soft_item):
    client.force_login(soft_item.session.candidate)
    page = client.get(reverse("interviews:session_results", args=[soft_item.session_id]))
    html = page.content.decode()
    covered = html.split('<ul class="covered">')[1].split("</ul>")[0]
    assert NOTE_HTML in concept_line(covered, "isolation")
    assert "in other words" not in concept_line(covered, "container")
    assert "<process>" not in html


def test_interviewer_transcript_notes_a_concept_matched_in_other_words(
    client, interviewer, soft_item
):
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[soft_item.session_id]))
    html = page.content.decode()
    concepts = html.split('<ul class="concepts">')[1].split("</ul>")[0]
    assert NOTE_HTML in concept_line(concepts, "isolation")
    assert "in other words" not in concept_line(concepts, "container")
    assert "<process>" not in html


def test_an_old_row_without_the_new_fields_reads_as_literal(client, interviewer, soft_item):
    old_rows = [
        {"label": row["label"], "start": row["start"], "end": row["end"]} for row in MATCHED
    ]
    SessionItem.objects.filter(pk=soft_item.pk).update(matched=old_rows)
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[soft_item.session_id]))
    assert page.status_code == 200
    assert "in other words" not in page.content.decode()


def test_json_export_carries_how_each_concept_was_matched(client, interviewer, soft_item):
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript_json", args=[soft_item.session_id]))
    item = json.loads(page.content)["items"][0]
    assert item["matched"][1]["in_other_words"] is True
    assert item["matched"][1]["credit"] == 0.6
    assert item["matched"][0]["in_other_words"] is False
    assert item["matched"][0]["credit"] == 1.0
    concepts = {concept["label"]: concept for concept in item["concepts"]}
    assert concepts["isolation"]["in_other_words"] == ["<process> separate"]
    assert concepts["container"]["in_other_words"] == []


def test_csv_export_names_the_concepts_matched_in_other_words(client, interviewer, soft_item):
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript_csv", args=[soft_item.session_id]))
    rows = list(csv.DictReader(io.StringIO(page.content.decode())))
    assert rows[0]["concepts_in_other_words"] == "isolation (in other words: “<process> separate”)"
    assert rows[1]["concepts_in_other_words"] == ""


def test_a_scored_paraphrase_keeps_its_note_from_the_scorer_to_the_page(client, start_practice):
    session, item = start_practice(1)
    item.question.concepts.all().delete()
    Concept.objects.create(question=item.question, label="fast startup", rank=1)
    item_finish(item_id=item.pk, text="Containers have a quick startup.", revision=1)
    client.force_login(session.candidate)
    page = client.get(reverse("interviews:session_results", args=[session.pk]))
    covered = page.content.decode().split('<ul class="covered">')[1].split("</ul>")[0]
    assert "fast startup" in covered
    # The scorer's credit comes along too: a close word earns less than the concept's own.
    assert "(in other words: “quick startup”; partly credited, " in covered
