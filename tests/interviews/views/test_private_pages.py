"""Pages behind a login or an invite are never cached: transcripts, results, exports, lists."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _private(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_interviewer_page_and_export_is_private_and_not_stored(finished_session, interviewer):
    client = _client(interviewer)
    pk = finished_session.pk
    urls = [
        reverse("interviewer:session_list"),
        reverse("interviewer:live"),
        reverse("interviewer:session_build"),
        reverse("interviewer:session_detail", args=[pk]),
        reverse("interviewer:transcript", args=[pk]),
        reverse("interviewer:transcript_json", args=[pk]),
        reverse("interviewer:transcript_csv", args=[pk]),
        reverse("interviewer:agreement"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _private(response), (url, response.get("Cache-Control"))


def test_the_candidates_pages_are_private_and_not_stored(finished_session, candidate):
    client = _client(candidate)
    for url in (
        reverse("interviews:home"),
        reverse("interviews:history"),
        reverse("interviews:session_results", args=[finished_session.pk]),
        reverse("password_change"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _private(response), (url, response.get("Cache-Control"))


def test_the_invite_page_is_private_before_anyone_signs_in(invited_session):
    client = Client()
    response = client.get(reverse("interviewer:invite_open", args=[invited_session.invite.token]))
    responses = [response]
    while response.status_code == 302:
        response = client.get(response["Location"])
        responses.append(response)
    assert response.status_code == 200
    assert all(_private(each) for each in responses)


def test_public_pages_for_anonymous_visitors_are_left_cacheable(client):
    response = client.get(reverse("interviews:home"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
