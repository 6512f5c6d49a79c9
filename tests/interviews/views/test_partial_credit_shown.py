"""A concept that earned only part of its weight says how much, in the same words, wherever the
concepts of a scored answer are listed: the feedback after a question, the candidate's results,
the interviewer's transcript and both exports. A concept credited in full gets no such note."""

import csv
import io
import json

import pytest
from django.urls import reverse

from interviews.models import SessionItem

pytestmark = pytest.mark.django_db

# "separate" earned 27% of "isolation"; "Containers" is "container" in full; "image" is the first
# word of "image layers", written as is, and earned half of it.
ANSWER = "Containers keep separate, image by image."
MATCHED = [
    {"label": "container", "start": 0, "end": 10},
    {"label": "isolation", "start": 16, "end": 24, "credit": 0.273, "in_other_words": True},
    {"label": "image layers", "start": 26, "end": 31, "credit": 0.5},
]
SOFT_NOTE = "(in other words: “separate”; partly credited, 27%)"
LITERAL_NOTE = "(partly credited, 50%)"


def concept_line(html: str, label: str) -> str:
    """The text of the list line that names label (tags dropped, whitespace folded)."""
    [line] = [
        line.split("</li>")[0]
        for line in html.split("<li")[1:]
        if label in line.split("</li>")[0] and "</li>" in line
    ]
    text = "".join(part.split(">", 1)[-1] for part in line.split("<"))
    return " ".join(text.split())


def covered_list(html: str) -> str:
    return html.split('<ul class="covered">')[1].split("</ul>")[0]


def partly(item: SessionItem) -> SessionItem:
    SessionItem.objects.filter(pk=item.pk).update(answer_text=ANSWER, matched=MATCHED)
    return SessionItem.objects.get(pk=item.pk)


def assert_lines_say_partial_credit(html: str) -> None:
    assert f"isolation {SOFT_NOTE}" in concept_line(html, "isolation")
    assert f"image layers {LITERAL_NOTE}" in concept_line(html, "image layers")
    assert "credited" not in concept_line(html, "container")


def test_the_feedback_after_a_question_says_partial_credit(client, start_practice):
    session, item = start_practice(2)
    client.force_login(session.candidate)
    client.post(
        reverse("interviews:item_submit", args=[session.pk, 1]),
        {"answer_text": "Containers.", "revision": "1"},
    )
    partly(item)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Feedback on question 1" in page
    assert_lines_say_partial_credit(covered_list(page))


def test_the_candidates_results_say_partial_credit(client, finished_session):
    item = partly(finished_session.items.get(position=1))
    client.force_login(item.session.candidate)
    page = client.get(reverse("interviews:session_results", args=[item.session_id]))
    assert_lines_say_partial_credit(covered_list(page.content.decode()))


def test_the_interviewers_transcript_says_partial_credit(client, interviewer, finished_session):
    item = partly(finished_session.items.get(position=1))
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[item.session_id]))
    concepts = page.content.decode().split('<ul class="concepts">')[1].split("</ul>")[0]
    assert_lines_say_partial_credit(concepts)


def test_the_transcript_fragment_after_a_tick_keeps_the_note(client, interviewer, finished_session):
    item = partly(finished_session.items.get(position=1))
    client.force_login(interviewer)
    page = client.post(
        reverse("interviewer:concept_verdict", args=[item.session_id, item.pk]),
        {"label": "container", "present": "0"},
        HTTP_HX_REQUEST="true",
    )
    assert page.status_code == 200
    assert f"isolation {SOFT_NOTE}" in concept_line(page.content.decode(), "isolation")


def test_a_row_stored_before_credit_was_kept_reads_as_full_credit(
    client, interviewer, finished_session
):
    item = finished_session.items.get(position=1)
    old_rows = [{key: row[key] for key in ("label", "start", "end")} for row in MATCHED]
    SessionItem.objects.filter(pk=item.pk).update(answer_text=ANSWER, matched=old_rows)
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript", args=[item.session_id]))
    assert "credited" not in page.content.decode()


def test_the_json_export_gives_each_concept_the_credit_the_page_shows(
    client, interviewer, finished_session
):
    item = partly(finished_session.items.get(position=1))
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript_json", args=[item.session_id]))
    first = json.loads(page.content)["items"][0]
    credits = {concept["label"]: concept["credit"] for concept in first["concepts"]}
    # The scorer did not match the missed concepts: they earned no credit of its, not 0 of it.
    missed = dict.fromkeys(first["missed"])
    assert credits == {"container": 1.0, "isolation": 0.273, "image layers": 0.5, **missed}
    assert [row["credit"] for row in first["matched"]] == [1.0, 0.273, 0.5]


def test_the_csv_export_names_the_partly_credited_concepts_as_the_page_does(
    client, interviewer, finished_session
):
    item = partly(finished_session.items.get(position=1))
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:transcript_csv", args=[item.session_id]))
    first, second = csv.DictReader(io.StringIO(page.content.decode()))
    assert first["concepts_partly_credited"] == (
        "isolation (partly credited, 27%); image layers (partly credited, 50%)"
    )
    assert first["concepts_in_other_words"] == "isolation (in other words: “separate”)"
    assert second["concepts_partly_credited"] == ""
