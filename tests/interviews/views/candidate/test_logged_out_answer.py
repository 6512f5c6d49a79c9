"""Without JavaScript, an answer sent after the login ended (it expired, or a log out in another
tab) is not lost: the login page takes the candidate back to the interview, which shows the text
once, to copy into the answer box. (With JavaScript the browser keeps a draft: interview.js.)"""

import pytest
from django.urls import reverse

from interviews.models import SessionItem
from interviews.services import item_finish

TYPED = "Layers are cached, so the final image only keeps what COPY --from brought in."


def _log_in_again(client, login_page_url: str):
    page = client.get(login_page_url).content.decode()
    assert 'name="next" value="' in page
    next_url = page.split('name="next" value="', 1)[1].split('"', 1)[0]
    data = {"username": "casey", "password": "a-long-passphrase-1", "next": next_url}
    return client.post(reverse("login"), data)


@pytest.mark.django_db
@pytest.mark.parametrize("button", ["item_submit", "session_end_confirm"])
def test_an_answer_sent_while_logged_out_comes_back_after_logging_in(
    client, candidate, start_practice, button
):
    session, item = start_practice(2)
    args = [session.pk, 1] if button == "item_submit" else [session.pk]
    sent = {"answer_text": TYPED, "revision": "1", "position": "1"}
    refused = client.post(reverse(f"interviews:{button}", args=args), sent)  # never logged in

    assert refused.status_code == 302 and refused["Location"].startswith("/accounts/login/")
    back = _log_in_again(client, refused["Location"])
    assert back["Location"] == session.get_absolute_url()
    page = client.get(back["Location"]).content.decode()
    assert f"{TYPED}</textarea>" in page
    assert "Your text for question 1, which was not saved" in page
    item.refresh_from_db()
    assert item.status == SessionItem.Status.ACTIVE and item.answer_text == ""
    # Shown once: a reload does not bring it back.
    assert "which was not saved" not in client.get(back["Location"]).content.decode()


@pytest.mark.django_db
def test_someone_else_logging_in_does_not_see_the_text(
    client, candidate, other_user, start_practice
):
    session, _item = start_practice(1)
    client.post(
        reverse("interviews:item_submit", args=[session.pk, 1]),
        {"answer_text": TYPED, "revision": "1"},
    )
    client.force_login(other_user)
    assert client.get(session.get_absolute_url()).status_code == 404
    assert TYPED not in client.get("/").content.decode()


@pytest.mark.django_db
def test_try_again_while_logged_out_comes_back_to_the_results(client, candidate, start_practice):
    """Logged in again, the candidate saw "Nothing to show at this address" (the retry address
    takes only a form) instead of the results the button was on."""
    session, item = start_practice(1)
    item_finish(item_id=item.pk, text="An image.")
    refused = client.post(reverse("interviews:item_retry", args=[session.pk, 1]))
    back = _log_in_again(client, refused["Location"])
    page = client.get(back["Location"], follow=True)
    assert page.redirect_chain[-1][0] == reverse("interviews:session_results", args=[session.pk])
    assert "Try this question again" in page.content.decode()
