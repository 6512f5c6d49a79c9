"""The candidate line of the session and transcript pages names each thing once."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ("interviewer:session_detail", "interviewer:transcript")


def candidate_line(client, session, page: str) -> str:
    html = client.get(reverse(page, args=[session.pk])).content.decode()
    start = html.index("Candidate:")
    return html[start : html.index("\n", start)]


@pytest.mark.parametrize("page", PAGES)
def test_an_email_used_as_the_username_is_shown_once(client, interviewer, finished_session, page):
    finished_session.candidate.username = finished_session.candidate_email = "cara@example.com"
    finished_session.candidate.save(update_fields=["username"])
    finished_session.save(update_fields=["candidate_email"])
    client.force_login(interviewer)

    assert candidate_line(client, finished_session, page).count("cara@example.com") == 1


@pytest.mark.parametrize("page", PAGES)
def test_a_name_and_another_email_are_both_shown(client, interviewer, finished_session, page):
    client.force_login(interviewer)

    line = candidate_line(client, finished_session, page)
    assert finished_session.display_candidate in line and "cara@example.com" in line
