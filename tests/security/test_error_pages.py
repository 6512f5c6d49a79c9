"""Our own 400, 403, 404, 405 and 500 pages; a 500 renders with no context processors at all."""

import pytest
from django.template import loader
from django.test import Client
from django.urls import path
from django.views.defaults import server_error


def broken_view(request):
    raise RuntimeError("an internal error with context")


urlpatterns = [path("boom/", broken_view)]


@pytest.mark.django_db
def test_404_page(client):
    response = client.get("/questions/no-such-question/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html  # our layout, not Django's bare page


def test_opening_a_form_only_address_shows_a_page_not_a_blank(client, candidate):
    client.force_login(candidate)
    response = client.get("/sessions/1/end/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "<h1>Nothing to show at this address</h1>" in html
    assert 'class="site-header"' in html


def test_htmx_keeps_the_bare_405(client, candidate):
    client.force_login(candidate)
    response = client.get("/sessions/1/end/", headers={"HX-Request": "true"})
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.content == b""


def test_500_template_renders_without_context_processors():
    html = loader.get_template("500.html").render()
    assert "Something went wrong on our side" in html
    assert "/static/css/app.css" in html


def test_500_handler_uses_our_page(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_an_exception_in_a_view_gives_our_500_and_a_log_line(caplog):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert "an internal error with context" in caplog.text
    assert "Content-Security-Policy" in response.headers


@pytest.mark.django_db
def test_csrf_failure_page_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert b"Please reload the page" in response.content


def test_400_template_renders_without_context_processors():
    html = loader.get_template("400.html").render()
    assert "larger than the server accepts" in html
