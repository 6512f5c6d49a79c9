"""The interview pages: full page and htmx fragment, plain form posts, access and refusals."""

import datetime as dt
import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from content.scoring import MAX_ANSWER_CHARS
from interviews.models import InterviewSession, SessionItem
from interviews.services import (
    ANSWER_TOO_LONG_MESSAGE,
    DEADLINE_PASSED_MESSAGE,
    ITEM_CLOSED_MESSAGE,
    NEWER_TEXT_KEPT_MESSAGE,
)

START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}

pytestmark = pytest.mark.usefixtures("clock")


def at(moment):
    return time_machine.travel(moment, tick=False)


def test_session_page_full_and_fragment(logged_in, start_session):
    session, item = start_session()
    url = reverse("interviews:session_detail", args=[session.pk])
    with at(START + timedelta(seconds=20)):
        full = logged_in.get(url)
        fragment = logged_in.get(url, **HTMX)
    assert full.status_code == fragment.status_code == 200
    page = full.content.decode()
    assert "<html" in page and 'id="stage"' in page
    assert 'data-remaining-seconds="160"' in page
    assert item.question.text in page
    assert 'role="timer"' in page and 'aria-live="assertive"' in page
    part = fragment.content.decode()
    assert "<html" not in part and part.lstrip().startswith('<section id="stage"')
    # Model answers stay hidden until the question is submitted.
    assert "An expert answer." not in page


def test_submit_with_htmx_shows_feedback_then_next(logged_in, start_session):
    session, item = start_session(count=2)
    submit = reverse("interviews:item_submit", args=[session.pk, 1])
    with at(START + timedelta(seconds=30)):
        response = logged_in.post(
            submit, {"answer_text": "An <b>image</b> is a template", "revision": "1"}, **HTMX
        )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Feedback on question 1 of 2" in body
    assert '<mark class="concept-hit" title="image">image</mark>' in body
    assert "&lt;b&gt;" in body  # the answer is shown as text
    assert "An expert answer." in body and "A beginner answer." in body
    assert "Next question" in body
    item.refresh_from_db()
    assert item.status == SessionItem.Status.SUBMITTED and item.score is not None

    with at(START + timedelta(seconds=90)):
        response = logged_in.post(reverse("interviews:item_next", args=[session.pk]), **HTMX)
    assert "Question 2 of 2" in response.content.decode()
    second = SessionItem.objects.get(session=session, position=2)
    assert second.started_at == START + timedelta(seconds=90)


def test_plain_form_post_without_javascript_redirects_and_moves_on(logged_in, start_session):
    session, item = start_session(count=1, feedback_mode="at_end")
    submit = reverse("interviews:item_submit", args=[session.pk, 1])
    response = logged_in.post(submit, {"answer_text": "a container", "revision": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:session_detail", args=[session.pk])
    response = logged_in.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == reverse("interviews:session_results", args=[session.pk])
    results = logged_in.get(response["Location"]).content.decode()
    assert "Results" in results
    assert '<mark class="concept-hit" title="container">container</mark>' in results


def test_at_end_mode_moves_straight_on_and_redirects_htmx_at_the_end(logged_in, start_session):
    session, item = start_session(count=2, feedback_mode="at_end")
    response = logged_in.post(
        reverse("interviews:item_submit", args=[session.pk, 1]),
        {"answer_text": "one", "revision": "1"},
        **HTMX,
    )
    body = response.content.decode()
    assert "Question 2 of 2" in body and "An expert answer." not in body
    response = logged_in.post(
        reverse("interviews:item_submit", args=[session.pk, 2]),
        {"answer_text": "two", "revision": "1"},
        **HTMX,
    )
    assert response["HX-Redirect"] == reverse("interviews:session_results", args=[session.pk])


def test_late_submit_is_refused_with_a_message(logged_in, start_session, settings):
    settings.INTERVIEW_GRACE_SECONDS = 5
    session, item = start_session(count=2)
    SessionItem.objects.filter(pk=item.pk).update(answer_text="saved before", autosave_revision=3)
    with at(item.deadline_at + timedelta(seconds=6)):
        response = logged_in.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "too late", "revision": "4"},
            **HTMX,
        )
    body = response.content.decode()
    assert DEADLINE_PASSED_MESSAGE in body
    item.refresh_from_db()
    assert item.answer_text == "saved before" and item.status == "timed_out"


def submit_late(client, session, item, text, **extra):
    """Submit question 1 just past its deadline and grace; the next page's body too."""
    with at(item.deadline_at + timedelta(seconds=6)):
        response = client.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": text, "revision": "4"},
            **extra,
        )
        again = client.get(reverse("interviews:session_detail", args=[session.pk]))
    return response.content.decode(), again.content.decode()


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain form"])
def test_a_late_text_is_shown_back_once(logged_in, start_session, settings, htmx):
    settings.INTERVIEW_GRACE_SECONDS = 5
    session, item = start_session(count=2)
    # Without JavaScript the refusal is redirected: the text goes along to the next page.
    extra = HTMX if htmx else {"follow": True}
    shown, again = submit_late(logged_in, session, item, "my <late> words", **extra)
    assert DEADLINE_PASSED_MESSAGE in shown and "which was not saved" in shown
    assert "my &lt;late&gt; words</textarea>" in shown
    # Shown with the refusal only: the next page does not bring it back.
    assert "my &lt;late&gt; words" not in again


def test_an_empty_late_text_shows_nothing_back(logged_in, start_session, settings):
    settings.INTERVIEW_GRACE_SECONDS = 5
    session, item = start_session(count=2)
    shown, _ = submit_late(logged_in, session, item, "  ", **HTMX)
    assert "which was not saved" not in shown


def test_ending_the_session_too_late_for_the_text_says_so(logged_in, start_session, settings):
    settings.INTERVIEW_GRACE_SECONDS = 5
    session, item = start_session(count=2)
    SessionItem.objects.filter(pk=item.pk).update(answer_text="saved before", autosave_revision=3)
    too_late = {"answer_text": "too late", "revision": "4", "position": "1"}
    with at(item.deadline_at + timedelta(seconds=6)):
        response = logged_in.post(
            reverse("interviews:session_end", args=[session.pk]), too_late, follow=True
        )
    assert DEADLINE_PASSED_MESSAGE in response.content.decode()
    # The results page shows the refused text back, so it can be copied.
    assert "too late</textarea>" in response.content.decode()
    item.refresh_from_db()
    assert item.answer_text == "saved before" and item.status == "timed_out"


def test_double_submit_is_harmless(logged_in, start_session):
    session, item = start_session(count=2)
    submit = reverse("interviews:item_submit", args=[session.pk, 1])
    logged_in.post(submit, {"answer_text": "same", "revision": "2"}, **HTMX)
    again = logged_in.post(submit, {"answer_text": "same", "revision": "2"}, **HTMX)
    assert ITEM_CLOSED_MESSAGE not in again.content.decode()
    different = logged_in.post(submit, {"answer_text": "changed", "revision": "3"}, **HTMX)
    assert ITEM_CLOSED_MESSAGE in different.content.decode()
    item.refresh_from_db()
    assert item.answer_text == "same"


def test_autosave_endpoint(logged_in, start_session, django_assert_max_num_queries):
    session, item = start_session()
    url = reverse("interviews:autosave", args=[session.pk, 1])
    with django_assert_max_num_queries(3):  # session, user, one UPDATE
        response = logged_in.post(url, {"answer_text": "draft 2", "revision": "2"})
    assert response.status_code == 200
    assert response.json()["ok"] is True and response.json()["revision"] == 2
    stale = logged_in.post(url, {"answer_text": "draft 1", "revision": "1"})
    assert stale.json() == {**stale.json(), "ok": True, "revision": 2, "stored": False}
    item.refresh_from_db()
    assert item.answer_text == "draft 2"
    bad = logged_in.post(url, {"answer_text": "x"})
    assert bad.status_code == 400 and "revision" in bad.json()["message"]


def test_autosave_after_deadline_is_refused(logged_in, start_session, settings):
    settings.INTERVIEW_GRACE_SECONDS = 5
    session, item = start_session()
    url = reverse("interviews:autosave", args=[session.pk, 1])
    with at(item.deadline_at + timedelta(seconds=6)):
        response = logged_in.post(url, {"answer_text": "late", "revision": "9"})
    assert response.status_code == 409
    assert response.json() == {"ok": False, "message": DEADLINE_PASSED_MESSAGE}


@pytest.mark.parametrize(
    ("name", "method", "args"),
    [
        ("session_detail", "get", [1]),
        ("session_results", "get", [1]),
        ("item_submit", "post", [1, 1]),
        ("item_next", "post", [1]),
        ("session_end", "post", [1]),
        ("session_begin", "post", [1]),
        ("autosave", "post", [1, 1]),
    ],
)
def test_another_user_gets_404(client, other_user, start_session, name, method, args):
    session, item = start_session()
    client.force_login(other_user)
    url = reverse(f"interviews:{name}", args=[session.pk, *args[1:]])
    response = getattr(client, method)(url, {"answer_text": "x", "revision": "5"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.answer_text == "" and item.status == "active"


def test_anonymous_is_sent_to_log_in(client, start_session):
    session, _ = start_session()
    response = client.get(reverse("interviews:session_detail", args=[session.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_end_session_early(logged_in, start_session):
    session, item = start_session(count=3)
    response = logged_in.post(reverse("interviews:session_end", args=[session.pk]), **HTMX)
    assert response["HX-Redirect"] == reverse("interviews:session_results", args=[session.pk])
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.ABANDONED
    assert list(session.items.values_list("status", flat=True)) == [
        "submitted",
        "skipped",
        "skipped",
    ]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["without JavaScript", "htmx"])
def test_end_session_keeps_the_text_on_screen(logged_in, start_session, headers):
    """The End button sends the answer form along: words typed since the last autosave count."""
    session, item = start_session(count=2)
    logged_in.post(
        reverse("interviews:autosave", args=[session.pk, 1]),
        {"answer_text": "An image", "revision": "1"},
    )
    on_screen = {
        "answer_text": "An image is a read-only template",
        "revision": "2",
        "position": "1",
    }
    logged_in.post(reverse("interviews:session_end", args=[session.pk]), on_screen, **headers)
    item.refresh_from_db()
    session.refresh_from_db()
    assert item.answer_text == "An image is a read-only template"
    assert item.status == SessionItem.Status.SUBMITTED and item.score is not None
    assert session.status == InterviewSession.Status.ABANDONED


def test_end_session_ignores_text_typed_for_another_question(logged_in, start_session):
    """A stale tab still showing question 1 cannot write into question 2."""
    session, first = start_session(count=3)
    logged_in.post(
        reverse("interviews:item_submit", args=[session.pk, 1]),
        {"answer_text": "first", "revision": "1"},
    )
    logged_in.post(reverse("interviews:item_next", args=[session.pk]))
    stale = {"answer_text": "meant for question 1", "revision": "9", "position": "1"}
    logged_in.post(reverse("interviews:session_end", args=[session.pk]), stale)
    texts = dict(session.items.values_list("position", "answer_text"))
    assert texts == {1: "first", 2: "", 3: ""}
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.ABANDONED


def test_end_session_with_too_long_text_still_ends_and_says_why(logged_in, start_session):
    session, item = start_session(count=2)
    too_long = {"answer_text": "x" * (MAX_ANSWER_CHARS + 1), "revision": "1", "position": "1"}
    response = logged_in.post(
        reverse("interviews:session_end", args=[session.pk]), too_long, follow=True
    )
    assert ANSWER_TOO_LONG_MESSAGE in response.content.decode()
    session.refresh_from_db()
    item.refresh_from_db()
    assert session.status == InterviewSession.Status.ABANDONED and item.answer_text == ""


def test_results_and_history(logged_in, start_session):
    session, item = start_session(count=1, per_item_seconds=180)
    with at(START + timedelta(seconds=75)):
        logged_in.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "image and container", "revision": "1"},
        )
    results = logged_in.get(reverse("interviews:session_results", args=[session.pk]))
    page = results.content.decode()
    assert "1:15 / 3 min" in page
    item.refresh_from_db()
    assert f"{item.score:.0f}" in page
    history = logged_in.get(reverse("interviews:history")).content.decode()
    assert str(session) in history and "1 of 1" in history


def test_results_of_a_running_session_go_back_to_it(logged_in, start_session):
    session, _ = start_session()
    response = logged_in.get(reverse("interviews:session_results", args=[session.pk]))
    assert response["Location"] == reverse("interviews:session_detail", args=[session.pk])


def test_home_invites_to_sign_up_or_to_practise(client, candidate):
    assert 'href="/accounts/signup/"' in client.get("/").content.decode()
    client.force_login(candidate)
    page = client.get("/").content.decode()
    assert 'href="/practice/">Start a practice session' in page


def test_a_finished_session_page_sends_htmx_to_the_results(logged_in, start_session):
    session, item = start_session(count=1)
    logged_in.post(reverse("interviews:session_end", args=[session.pk]))
    url = reverse("interviews:session_detail", args=[session.pk])
    results = reverse("interviews:session_results", args=[session.pk])
    assert logged_in.get(url, **HTMX)["HX-Redirect"] == results
    assert logged_in.get(url)["Location"] == results


def test_interview_page_has_no_inline_script_or_handlers(logged_in, start_session):
    """A strict CSP (scripts only from our origin) must not break the page."""
    session, _ = start_session()
    page = logged_in.get(reverse("interviews:session_detail", args=[session.pk])).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts and all("src=" in tag for tag in scripts)
    assert not re.search(r"\son[a-z]+\s*=", page)
    assert "style=" not in page


@pytest.mark.parametrize("per_item_seconds", [180, None], ids=["time left", "no limit"])
def test_a_submit_claiming_the_timer_ran_out_early_is_a_submit(
    logged_in, start_session, per_item_seconds
):
    """Only the server's clock says that time ran out; what the request claims does not."""
    session, item = start_session(count=2, per_item_seconds=per_item_seconds)
    moment = START + timedelta(seconds=30)
    with at(moment):
        logged_in.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "An image is a template", "revision": "1", "reason": "timer"},
        )
    item.refresh_from_db()
    assert (item.status, item.finished_at) == (SessionItem.Status.SUBMITTED, moment)


@pytest.mark.parametrize("action", ["submit", "end"])
def test_a_submit_older_than_another_tabs_save_shows_its_text_back(
    logged_in, start_session, action
):
    """Another tab saved a newer revision: that one is submitted, and this tab's text is not
    dropped in silence."""
    session, item = start_session(count=2)
    autosave = reverse("interviews:autosave", args=[session.pk, 1])
    logged_in.post(autosave, {"answer_text": "typed in the other tab", "revision": "5"})
    on_screen = {"answer_text": "typed in this tab", "revision": "2", "position": "1"}
    name = "item_submit" if action == "submit" else "session_end"
    args = [session.pk, 1] if action == "submit" else [session.pk]
    response = logged_in.post(reverse(f"interviews:{name}", args=args), on_screen, follow=True)
    page = response.content.decode()
    assert NEWER_TEXT_KEPT_MESSAGE in page
    assert "typed in this tab</textarea>" in page
    item.refresh_from_db()
    assert item.answer_text == "typed in the other tab" and item.status == "submitted"


def end_button_target(page: str) -> str:
    """Where the End session button sends a browser without JavaScript."""
    button = re.search(r"<button[^>]*data-end-button[^>]*>", page).group(0)
    if formaction := re.search(r'formaction="([^"]+)"', button):
        return formaction.group(1)
    form = page[: page.index(button)].rsplit("<form", 1)[1]
    return re.search(r'action="([^"]+)"', form).group(1)


@pytest.mark.parametrize("on_question", [True, False], ids=["on a question", "on feedback"])
def test_without_javascript_ending_asks_first_and_keeps_the_text(
    logged_in, start_session, on_question
):
    """htmx asks before ending (hx-confirm); a browser without JavaScript must be asked too."""
    session, item = start_session(count=2)
    if not on_question:
        logged_in.post(
            reverse("interviews:item_submit", args=[session.pk, 1]),
            {"answer_text": "first", "revision": "1"},
        )
    page = logged_in.get(reverse("interviews:session_detail", args=[session.pk])).content.decode()
    on_screen = {"answer_text": "typed, then End by mistake", "revision": "1", "position": "1"}
    asked = logged_in.post(end_button_target(page), on_screen if on_question else {})
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.IN_PROGRESS
    assert asked.status_code == 200 and "End this session now?" in asked.content.decode()
    if on_question:
        item.refresh_from_db()  # kept, whether the candidate goes back or ends
        assert item.answer_text == "typed, then End by mistake"
        back = logged_in.get(reverse("interviews:session_detail", args=[session.pk]))
        assert "typed, then End by mistake</textarea>" in back.content.decode()
    ended = logged_in.post(confirm_target(asked.content.decode()))
    assert ended["Location"] == reverse("interviews:session_results", args=[session.pk])
    session.refresh_from_db()
    item.refresh_from_db()
    assert session.status == InterviewSession.Status.ABANDONED
    assert item.answer_text == ("typed, then End by mistake" if on_question else "first")


def confirm_target(page: str) -> str:
    return re.search(r'<form method="post" action="([^"]+)"[^>]*data-end-confirm', page).group(1)
