"""What an autosave or a submit may carry: revisions in the column's range, text without NUL."""

import pytest
from django.urls import reverse

from content.scoring import MAX_ANSWER_CHARS
from interviews.forms.candidate import ANSWER_NUL_MESSAGE
from interviews.models import SessionItem
from interviews.models.sessions import REVISION_MAX
from interviews.services import BAD_REVISION_MESSAGE
from interviews.views.candidate.session import (
    NUL_END_REFUSED_MESSAGE,
    NUL_SUBMIT_REFUSED_MESSAGE,
)

pytestmark = pytest.mark.usefixtures("clock")

BAD_REVISIONS = [
    "9223372036854775808",  # 2^63: a 500 on SQLite before
    str(2**63 - 1),  # stored on SQLite before, after which every normal save was ignored
    str(REVISION_MAX + 1),  # 2^31: a 500 on PostgreSQL before
    "-1",
    "1e3",
    "not a number",
]


def _urls(item: SessionItem) -> tuple[str, str]:
    args = [item.session_id, item.position]
    return reverse("interviews:autosave", args=args), reverse("interviews:item_submit", args=args)


@pytest.mark.parametrize("revision", BAD_REVISIONS)
def test_an_out_of_range_revision_gets_the_same_400_as_a_non_numeric_one(
    logged_in, start_session, revision
):
    session, item = start_session()
    autosave, submit = _urls(item)

    saved = logged_in.post(autosave, {"answer_text": "lost?", "revision": revision})
    submitted = logged_in.post(submit, {"answer_text": "lost?", "revision": revision})

    assert saved.status_code == 400
    assert saved.json() == {"ok": False, "message": BAD_REVISION_MESSAGE}
    assert submitted.status_code == 400
    assert submitted.content.decode() == BAD_REVISION_MESSAGE
    item.refresh_from_db()
    assert (item.status, item.answer_text, item.autosave_revision) == (item.Status.ACTIVE, "", 0)
    # The next ordinary save still lands.
    assert logged_in.post(autosave, {"answer_text": "kept", "revision": "1"}).json()["stored"]
    item.refresh_from_db()
    assert item.answer_text == "kept"


def test_the_largest_revision_the_column_holds_is_accepted(logged_in, start_session):
    session, item = start_session()
    autosave, submit = _urls(item)

    response = logged_in.post(autosave, {"answer_text": "edge", "revision": str(REVISION_MAX)})

    assert response.status_code == 200 and response.json()["revision"] == REVISION_MAX
    item.refresh_from_db()
    assert (item.answer_text, item.autosave_revision) == ("edge", REVISION_MAX)
    assert logged_in.post(submit, {"revision": str(REVISION_MAX)}).status_code == 302


def test_a_nul_character_in_an_answer_gets_a_clear_400_and_nothing_stored(logged_in, start_session):
    session, item = start_session()
    autosave, submit = _urls(item)
    logged_in.post(autosave, {"answer_text": "saved before", "revision": "1"})

    saved = logged_in.post(autosave, {"answer_text": "a\x00b", "revision": "2"})
    # interview.js shows a submit's plain-text 400 in the page, as it shows an autosave's.
    submitted = logged_in.post(
        submit, {"answer_text": "a\x00b", "revision": "3"}, headers={"HX-Request": "true"}
    )

    assert saved.status_code == 400 and saved.json()["message"] == ANSWER_NUL_MESSAGE
    assert submitted.status_code == 400
    assert submitted.content.decode() == ANSWER_NUL_MESSAGE
    item.refresh_from_db()
    assert (item.status, item.answer_text) == (item.Status.ACTIVE, "saved before")


def test_without_javascript_a_nul_in_a_submitted_answer_gives_the_page_back_with_the_text(
    logged_in, start_session
):
    """A plain form post gets the interview page again, saying why, with the text shown back to
    copy (the NUL shown as the browser would show it), and the question still running."""
    session, item = start_session()
    _autosave, submit = _urls(item)
    typed = "Layers\x00 and a Dockerfile."

    response = logged_in.post(submit, {"answer_text": typed, "revision": "1"}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(f"/sessions/{session.pk}/", 302)]
    page = response.content.decode()
    assert NUL_SUBMIT_REFUSED_MESSAGE.replace("'", "&#x27;") in page
    assert "Layers\ufffd and a Dockerfile.</textarea>" in page
    item.refresh_from_db()
    assert (item.status, item.answer_text) == (item.Status.ACTIVE, "")
    # Shown once: a reload is the ordinary page.
    assert "Layers\ufffd" not in logged_in.get(f"/sessions/{session.pk}/").content.decode()


@pytest.mark.parametrize("step", ["interviews:session_end_confirm", "interviews:session_end"])
def test_without_javascript_end_session_says_a_nul_text_was_not_saved_and_shows_it(
    logged_in, start_session, step
):
    """End session (asked first, then done) keeps the answer saved before and shows the text
    that could not be stored, instead of dropping it without a word."""
    session, item = start_session()
    autosave, _submit = _urls(item)
    logged_in.post(autosave, {"answer_text": "saved before", "revision": "1"})
    typed = {"answer_text": "Layers\x00 and more.", "revision": "2", "position": "1"}

    response = logged_in.post(reverse(step, args=[session.pk]), typed, follow=True)

    page = response.content.decode()
    assert NUL_END_REFUSED_MESSAGE in page
    assert "Layers\ufffd and more." in page
    item.refresh_from_db()
    assert item.answer_text == "saved before"


@pytest.mark.django_db
def test_forms_that_refused_nul_still_do(client):
    response = client.post(
        reverse("interviews:signup"),
        {
            "username": "nul\x00user",
            "email": "nul@example.com",
            "password1": "a-long-passphrase-1",
            "password2": "a-long-passphrase-1",
        },
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()


def test_a_submit_without_a_revision_after_the_largest_one_stays_in_range(logged_in, start_session):
    session, item = start_session()
    autosave, submit = _urls(item)
    logged_in.post(autosave, {"answer_text": "edge", "revision": str(REVISION_MAX)})

    response = logged_in.post(submit, {"answer_text": "final words"})

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.answer_text) == (item.Status.SUBMITTED, "final words")
    assert item.autosave_revision == REVISION_MAX


def test_line_breaks_sent_as_two_characters_count_as_one_against_the_length_cap(
    logged_in, start_session
):
    """A browser sends each line break of a form or a fetch body as CR LF, while the answer box
    counts it as one character against its maxlength: an answer the box accepted must not be
    refused as too long, and it is stored with plain line breaks."""
    session, item = start_session()
    autosave, submit = _urls(item)
    lines = ["An image is a read-only template made of layers."] * 500
    typed = "\n".join(lines)[: MAX_ANSWER_CHARS - 10]  # what the answer box holds
    sent = typed.replace("\n", "\r\n")
    assert len(typed) <= MAX_ANSWER_CHARS < len(sent)

    saved = logged_in.post(autosave, {"answer_text": sent, "revision": "1"})
    assert saved.status_code == 200 and saved.json()["stored"]
    item.refresh_from_db()
    assert item.answer_text == typed

    submitted = logged_in.post(submit, {"answer_text": sent + "\r\n.", "revision": "2"})
    assert submitted.status_code == 302
    item.refresh_from_db()
    assert item.status == item.Status.SUBMITTED and item.answer_text == typed + "\n."


@pytest.mark.parametrize("step", ["interviews:session_end_confirm", "interviews:session_end"])
@pytest.mark.parametrize("text", ["typed since the last save", "typed\x00 with a NUL"])
def test_end_session_with_a_position_that_is_no_number_ends_as_saved(
    logged_in, start_session, step, text
):
    """ "²" passes str.isdigit() but not int(): the answer's position, sent by the page, was
    read with the first and a hand-edited form was a server error."""
    session, item = start_session()
    autosave, _submit = _urls(item)
    logged_in.post(autosave, {"answer_text": "saved before", "revision": "1"})
    posted = {"answer_text": text, "revision": "2", "position": "²"}

    response = logged_in.post(reverse(step, args=[session.pk]), posted)

    assert response.status_code in (200, 302)
    item.refresh_from_db()
    assert item.answer_text == "saved before"
