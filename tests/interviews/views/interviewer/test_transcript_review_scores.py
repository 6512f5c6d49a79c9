"""The transcript under review: reviewed score, overall header, typed overrides kept, log in place."""

import csv
import io
import re

import pytest
from django.urls import reverse

from content.models import Concept
from interviews.models import InterviewSession, SessionItem
from interviews.selectors.agreement import agreement_report
from interviews.selectors.exports import CSV_COLUMNS, transcript_csv, transcript_data
from interviews.selectors.sessions import session_score
from interviews.services import review
from interviews.services.review import (
    OVERRIDE_OUT_OF_RANGE_MESSAGE,
    OVERRIDE_REASON_MISSING_MESSAGE,
    reviewed_score,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def first_item(finished_session):
    return finished_session.items.get(position=1)


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        ({"a", "b"}, None),  # agrees with the scorer: no reviewed score
        ({"a", "b", "c"}, 60.0),  # c (weight 2 of 10) ticked: +20
        ({"a"}, 10.0),  # b (weight 3 of 10) unticked: -30
        ({"b", "d"}, 70.0),  # a (1) off, d (4) on: +30
        ({"a", "b", "c", "d"}, 100.0),  # +60, held at 100
        (set(), 0.0),  # -40 below zero, held at 0
    ],
)
def test_reviewed_score_moves_by_each_corrected_concepts_weight(present, expected):
    weights = {"a": 1.0, "b": 3.0, "c": 2.0, "d": 4.0}
    automatic = 40.0
    result = reviewed_score(
        automatic=automatic, weights=weights, auto_present={"a", "b"}, present=present
    )
    assert result == expected


def test_ticking_a_concept_changes_the_numbers(first_item, interviewer):
    session = first_item.session
    before = session_score(session)
    label = first_item.missed[0]
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    first_item.refresh_from_db()
    weights = dict(first_item.question.concepts.values_list("label", "weight"))
    share = weights[label] / sum(weights[name] for name in review.item_concept_labels(first_item))
    assert first_item.score_reviewed == pytest.approx(
        min(100.0, first_item.score + 100 * share), abs=0.05
    )
    assert first_item.final_score == first_item.score_reviewed
    assert session_score(session) > before
    # Ticking back to what the scorer said leaves no reviewed score.
    review.concept_verdict_set(item=first_item, label=label, present=False, by=interviewer)
    first_item.refresh_from_db()
    assert first_item.score_reviewed is None
    assert session_score(session) == before


def test_an_override_still_wins_over_the_reviewed_score(first_item, interviewer):
    label = first_item.missed[0]
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    review.score_override_set(item=first_item, score=12, reason="Rambling", by=interviewer)
    first_item.refresh_from_db()
    assert first_item.score_reviewed is not None
    assert first_item.final_score == 12
    sessions = InterviewSession.objects.filter(pk=first_item.session_id).with_scores()
    second = SessionItem.objects.get(session=first_item.session, position=2)
    assert sessions.get().average_score == pytest.approx((12 + second.score) / 2)


def test_exports_and_agreement_use_the_reviewed_score(first_item, interviewer):
    label = first_item.missed[0]
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    first_item.refresh_from_db()
    data = transcript_data(first_item.session)
    row = data["items"][0]
    assert row["reviewed_score"] == first_item.score_reviewed
    assert row["final_score"] == first_item.score_reviewed
    csv_row = next(csv.DictReader(io.StringIO(transcript_csv(first_item.session))))
    assert float(csv_row["reviewed_score"]) == first_item.score_reviewed
    assert float(csv_row["final_score"]) == first_item.score_reviewed
    report = agreement_report(InterviewSession.objects.all())
    line = next(r for r in report if r.question_id == first_item.question_id)
    assert line.mean_automatic == pytest.approx(first_item.score)
    assert line.mean_reviewed == pytest.approx(first_item.score_reviewed)


def test_the_reviewed_score_uses_the_curated_weights(first_item, interviewer):
    label = first_item.missed[0]
    Concept.objects.filter(question=first_item.question).exclude(label=label).update(weight=1.0)
    Concept.objects.filter(question=first_item.question, label=label).update(weight=8.0)
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    first_item.refresh_from_db()
    count = len(review.item_concept_labels(first_item))
    expected = min(100.0, first_item.score + 100 * 8.0 / (8.0 + count - 1))
    assert first_item.score_reviewed == pytest.approx(expected, abs=0.05)


def test_transcript_shows_reviewed_score_beside_the_automatic_one(client, interviewer, first_item):
    client.force_login(interviewer)
    url = reverse("interviewer:concept_verdict", args=[first_item.session_id, first_item.pk])
    body = client.post(url, {"label": first_item.missed[0], "present": "1"}, **HTMX)
    body = body.content.decode()
    first_item.refresh_from_db()
    assert "Automatic score" in body
    assert f'class="reviewed-score">{first_item.score_reviewed:.0f}</strong>' in body


def test_htmx_review_swaps_the_log_and_the_overall_score_in_place(client, interviewer, first_item):
    client.force_login(interviewer)
    url = reverse("interviewer:concept_verdict", args=[first_item.session_id, first_item.pk])
    body = client.post(url, {"label": first_item.missed[0], "present": "1"}, **HTMX)
    body = body.content.decode()
    assert body.lstrip().startswith('<article class="panel transcript-item"')
    log = body[body.index('id="change-log"') :]
    assert 'hx-swap-oob="true"' in log[:60]
    assert "No changes yet" not in log and first_item.missed[0] in log
    overall = body[body.index('id="overall"') :]
    assert 'hx-swap-oob="true"' in overall[:60]
    score = session_score(first_item.session)
    assert f'class="overall-score">{score:.0f}</strong>' in overall


def test_the_review_log_says_values_in_words_not_their_stored_form(client, interviewer, first_item):
    label = first_item.missed[0]
    review.concept_verdict_set(item=first_item, label=label, present=True, by=interviewer)
    review.session_review_update(
        session=first_item.session, notes="", recommendation="strong_yes", by=interviewer
    )
    client.force_login(interviewer)
    body = client.get(reverse("interviewer:transcript", args=[first_item.session_id]))
    body = body.content.decode()
    log = body[body.index('id="change-log"') :]
    rows = [
        [re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", log, re.S)
    ]
    what_old_new = [row[3:] for row in rows if len(row) == 6]
    assert what_old_new == [
        ["Recommendation", "No recommendation yet", "Strong yes"],
        [f"Concept ticked or unticked: {label}", "missing", "present"],
    ]
    card = body[body.index('id="item-1"') : body.index('id="change-log"')]
    assert f"“{label}”: missing → present" in card


def test_refused_override_keeps_the_typed_score_with_htmx(client, interviewer, first_item):
    client.force_login(interviewer)
    url = reverse("interviewer:score_override", args=[first_item.session_id, first_item.pk])
    body = client.post(url, {"score": "73.5", "reason": ""}, **HTMX).content.decode()
    assert OVERRIDE_REASON_MISSING_MESSAGE in body
    assert f'name="score" id="score-{first_item.pk}" value="73.5"' in body
    first_item.refresh_from_db()
    assert first_item.score_override is None


def test_refused_override_keeps_the_typed_score_without_javascript(client, interviewer, first_item):
    client.force_login(interviewer)
    url = reverse("interviewer:score_override", args=[first_item.session_id, first_item.pk])
    response = client.post(url, {"score": "73.5", "reason": "   "})
    body = response.content.decode()
    assert response.status_code == 200
    assert OVERRIDE_REASON_MISSING_MESSAGE in body
    assert f'name="score" id="score-{first_item.pk}" value="73.5"' in body


def _field_and_its_error(body: str, name: str) -> tuple[str, str]:
    """The input named `name` and the text of the element its aria-describedby points to."""
    field = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', body).group(0)
    described = re.search(r'aria-describedby="([^"]+)"', field)
    if described is None:
        return field, ""
    error = re.search(rf'<([a-z]+)[^>]*id="{described.group(1)}"[^>]*>(.*?)</\1>', body, re.S)
    return field, error.group(2) if error else ""


@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize(
    ("typed", "invalid", "valid", "message"),
    [
        ({"score": "73.5", "reason": ""}, "reason", "score", OVERRIDE_REASON_MISSING_MESSAGE),
        ({"score": "many", "reason": "x"}, "score", "reason", OVERRIDE_OUT_OF_RANGE_MESSAGE),
        ({"score": "120", "reason": "x"}, "score", "reason", OVERRIDE_OUT_OF_RANGE_MESSAGE),
    ],
)
def test_a_refused_override_marks_the_field_at_fault_and_ties_the_message_to_it(
    client, interviewer, first_item, htmx, typed, invalid, valid, message
):
    """A screen reader reaches the message from the field itself, and focus is put there."""
    client.force_login(interviewer)
    url = reverse("interviewer:score_override", args=[first_item.session_id, first_item.pk])
    body = client.post(url, typed, **(HTMX if htmx else {})).content.decode()
    field, error = _field_and_its_error(body, invalid)
    assert 'aria-invalid="true"' in field and "autofocus" in field
    assert message in error
    other, _error = _field_and_its_error(body, valid)
    assert "aria-invalid" not in other and "autofocus" not in other
    assert body.count(message) == 1


def test_transcript_header_has_overall_score_recommendation_and_notes(
    client, interviewer, finished_session
):
    review.session_review_update(
        session=finished_session,
        notes="Solid on images, vague on isolation.",
        recommendation="yes",
        by=interviewer,
    )
    client.force_login(interviewer)
    body = client.get(reverse("interviewer:transcript", args=[finished_session.pk]))
    body = body.content.decode()
    start = body.index('<header class="transcript-head">')
    head = body[start : body.index("</header>", start)]
    score = session_score(finished_session)
    assert f'class="overall-score">{score:.0f}</strong>' in head
    assert "Recommendation: <strong" in head and ">Yes</strong>" in head
    assert "Solid on images, vague on isolation." in head


def test_csv_rows_carry_the_session_and_the_candidate(finished_session):
    rows = list(csv.DictReader(io.StringIO(transcript_csv(finished_session))))
    assert list(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS[:4] == ["session_id", "session_title", "candidate", "candidate_email"]
    for row in rows:
        assert row["session_id"] == str(finished_session.pk)
        assert row["session_title"] == "Docker basics"
        assert row["candidate"] == finished_session.display_candidate
        assert row["candidate_email"] == "cara@example.com"


def test_each_concept_says_present_or_missing_in_words_not_only_by_its_mark(
    client, interviewer, first_item
):
    """The ✓ and ✗ are hidden from screen readers (and coloured): the state is said in text."""
    client.force_login(interviewer)
    body = client.get(reverse("interviewer:transcript", args=[first_item.session_id]))
    card = body.content.decode().split('id="item-1"')[1].split('id="item-2"')[0]
    lines = re.findall(r'<li class="concept (concept-\w+)[^"]*">(.*?)</li>', card, re.S)
    assert {kind for kind, _html in lines} == {"concept-present", "concept-missed"}
    for kind, html in lines:
        html = re.sub(r'<span aria-hidden="true">.*?</span>', "", html)
        html = re.sub(r"<button.*?</button>", "", html, flags=re.S)
        spoken = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
        assert spoken.startswith("Present:" if kind == "concept-present" else "Missing:"), spoken


@pytest.mark.parametrize(("stored", "shown"), [(72.5, "72.5"), (72.25, "72.25"), (80.0, "80")])
def test_a_saved_override_is_shown_as_typed(client, interviewer, first_item, stored, shown):
    first_item.score_override, first_item.override_reason = stored, "Checked by hand"
    first_item.save(update_fields=["score_override", "override_reason"])
    client.force_login(interviewer)
    body = client.get(reverse("interviewer:transcript", args=[first_item.session_id])).content
    assert f'name="score" id="score-{first_item.pk}" value="{shown}"' in body.decode()
