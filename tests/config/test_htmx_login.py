"""An htmx request from a page whose login has ended reloads that page, which then goes to log in.

Followed by htmx, the redirect to the login page would swap a whole page (header, menu, login form)
into the polled or posted region, and the login's next= would name a fragment or a POST-only URL.
"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/interviewer/live/"),  # polled every few seconds
        ("get", "/interviewer/sessions/new/?search=pod"),  # the picker's search
        ("post", "/sessions/1/items/1/submit/"),  # an answer's submit
        ("post", "/sessions/1/next/"),
    ],
)
def test_a_logged_out_htmx_request_reloads_the_page(method, url):
    response = getattr(Client(), method)(url, headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert b"Log in" not in response.content


def test_a_plain_request_still_goes_to_log_in():
    response = Client().get("/interviewer/live/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/interviewer/live/"


def test_other_htmx_redirects_are_left_alone(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("cara", password="x"))
    response = client.get("/accounts/landing/", headers=HTMX)
    assert response.status_code == 302 and "HX-Refresh" not in response
