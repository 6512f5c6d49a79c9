"""The `matched` evidence keeps how each concept was matched, and reads rows stored before it did."""

import pytest

from content.scoring import ConceptHit
from interviews.models.matched import (
    matched_concepts,
    matched_from_json,
    matched_to_json,
    partial_credit_note,
)

HITS = (
    ConceptHit(label="container", start=0, end=10),
    ConceptHit(label="isolation", start=16, end=24, credit=0.6, in_other_words=True),
    ConceptHit(label="image layers", start=30, end=36, credit=0.5),
)


def test_a_round_trip_keeps_credit_and_in_other_words():
    assert matched_from_json(matched_to_json(HITS)) == HITS


def test_every_stored_row_says_how_it_was_matched():
    rows = matched_to_json(HITS)
    assert rows[1] == {
        "label": "isolation",
        "start": 16,
        "end": 24,
        "credit": 0.6,
        "in_other_words": True,
    }
    assert rows[0]["in_other_words"] is False
    assert rows[0]["credit"] == 1.0


@pytest.mark.parametrize("rows", [[{"label": "isolation", "start": 3, "end": 9}]])
def test_a_row_stored_before_reads_as_a_literal_full_match(rows):
    [hit] = matched_from_json(rows)
    assert hit == ConceptHit(label="isolation", start=3, end=9, credit=1.0, in_other_words=False)


ANSWER = "Containers keep separate from the host."


def test_a_concept_matched_in_other_words_names_the_answers_own_words():
    found = {line.label: line for line in matched_concepts(ANSWER, HITS[:2])}
    assert found["isolation"].other_words == ("separate",)
    assert found["isolation"].note == "in other words: “separate”; partly credited, 60%"
    assert found["container"].other_words == ()
    assert found["container"].note == ""


def test_a_concept_also_matched_as_written_gets_no_note():
    literal_too = (*HITS[:2], ConceptHit(label="isolation", start=0, end=4))
    found = {line.label: line for line in matched_concepts(ANSWER, literal_too)}
    assert found["isolation"].note == ""


def test_matched_concepts_are_listed_once_in_the_evidences_order():
    # The order SessionItem.matched_labels gives, so the lists read as they did before.
    twice = (HITS[1], HITS[0], ConceptHit(label="container", start=34, end=38))
    assert [line.label for line in matched_concepts(ANSWER, twice)] == ["isolation", "container"]


# "separate" earned a quarter of "isolation"; "image layers" was found as written, half of it.
PARTLY = (
    ConceptHit(label="container", start=0, end=10),
    ConceptHit(label="isolation", start=16, end=24, credit=0.273, in_other_words=True),
    ConceptHit(label="image layers", start=0, end=10, credit=0.5),
)


def test_a_concept_partly_credited_says_how_much_of_its_weight_it_earned():
    found = {line.label: line for line in matched_concepts(ANSWER, PARTLY)}
    assert found["isolation"].note == "in other words: “separate”; partly credited, 27%"
    assert found["image layers"].note == "partly credited, 50%"
    assert found["container"].note == ""
    assert found["isolation"].credit == 0.273


def test_a_concept_credited_in_full_anywhere_reads_as_full_credit():
    full_too = (*PARTLY, ConceptHit(label="isolation", start=0, end=4))
    found = {line.label: line for line in matched_concepts(ANSWER, full_too)}
    assert found["isolation"].credit == 1.0
    assert found["isolation"].note == ""


@pytest.mark.parametrize(
    ("credit", "note"),
    [
        (1.0, ""),
        (None, ""),
        (0.6, "partly credited, 60%"),
        (0.29, "partly credited, 29%"),
        # Never "100%" for a part: the stored credit is rounded to three places, this not so far.
        (0.996, "partly credited, 99%"),
        (0.004, "partly credited, 1%"),
    ],
)
def test_partial_credit_note(credit, note):
    assert partial_credit_note(credit) == note
