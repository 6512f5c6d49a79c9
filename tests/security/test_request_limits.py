"""Oversized bodies get a clear 400; made-up ids, slugs and tokens give 404, never 500."""

import uuid

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

BOGUS_VALUES = {
    "int": ["999999999", "0"],
    "slug": ["no-such-thing", "a" * 300],
    "uuid": [str(uuid.UUID(int=0)), str(uuid.uuid4())],
    "str": ["no-such-token", "%C3%A9t%C3%A9", "a" * 300],
    "path": ["no/such/thing"],
}


def routes_with_parameters(resolver: URLResolver | None = None, prefix: str = ""):
    """Every route of the URLconf that takes a parameter, as (route, converter names)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if not route.startswith("admin/"):  # the admin's own fallbacks are tested by Django
                yield from routes_with_parameters(pattern, route)
        elif isinstance(pattern, URLPattern) and "<" in route:
            yield route


def fill(route: str, value_for) -> str:
    import re

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: value_for(m.group(1) or "str"), route)


@pytest.fixture
def signed_in_client(django_user_model):
    user = django_user_model.objects.create_user("candidate", password="a-long-passphrase-1")
    client = Client()
    client.force_login(user)
    return client


# A plausible body, so a POST reaches the lookup instead of stopping at form validation.
PLAUSIBLE_POST = {"revision": "1", "answer_text": "x", "text": "x"}


@pytest.mark.django_db
def test_made_up_ids_and_tokens_give_404(signed_in_client, client):
    routes = list(routes_with_parameters())
    assert routes, "the URLconf has parameterised routes to probe"
    problems = []
    for route in routes:
        for index in range(3):
            url = fill(route, lambda kind, i=index: BOGUS_VALUES[kind][i % len(BOGUS_VALUES[kind])])
            for who, http in (("signed in", signed_in_client), ("anonymous", client)):
                for method, response in (
                    ("GET", http.get(url)),
                    ("POST", http.post(url, PLAUSIBLE_POST)),
                ):
                    if route.startswith("accounts/reset/") and response.status_code == 200:
                        # Django's password-reset confirmation says "invalid link" on a 200 page.
                        assert response.context["validlink"] is False
                        continue
                    # 404 for a missing object; a login redirect, 403 or 405 before looking is fine.
                    if response.status_code not in (302, 403, 404, 405):
                        problems.append(f"{method} {url} ({who}): {response.status_code}")
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_an_oversized_body_gets_a_clear_400():
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")  # sets the CSRF cookie, so the middleware reads the body
    body = {"text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = client.post("/admin/login/", body)
    assert response.status_code == 400
    assert b"larger than the server accepts" in response.content


def test_body_limit_is_small_but_fits_a_long_answer():
    # A long answer (20,000 characters of non-ASCII text, percent-encoded) still fits.
    assert 64 * 1024 <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 1024 * 1024


@pytest.fixture
def active_item(start_practice):
    _, item = start_practice()
    return item


@pytest.mark.django_db
def test_the_longest_answer_fits_the_body_limit_even_in_four_byte_characters(
    client, candidate, active_item
):
    from content.scoring import MAX_ANSWER_CHARS

    client.force_login(candidate)
    url = f"/sessions/{active_item.session_id}/items/{active_item.position}/autosave/"
    response = client.post(url, {"revision": 1, "answer_text": "🐳" * MAX_ANSWER_CHARS})
    assert response.status_code == 200
    assert response.json()["stored"] is True


@pytest.mark.django_db
def test_a_too_long_answer_is_refused_with_a_message(client, candidate, active_item):
    from content.scoring import MAX_ANSWER_CHARS
    from interviews.services import ANSWER_TOO_LONG_MESSAGE

    client.force_login(candidate)
    url = f"/sessions/{active_item.session_id}/items/{active_item.position}/autosave/"
    response = client.post(url, {"revision": 1, "answer_text": "x" * (MAX_ANSWER_CHARS + 1)})
    assert response.status_code == 409
    assert response.json() == {"ok": False, "message": ANSWER_TOO_LONG_MESSAGE}


@pytest.mark.django_db
def test_an_oversized_autosave_body_gets_a_400_not_a_500(client, candidate, active_item):
    client.force_login(candidate)
    url = f"/sessions/{active_item.session_id}/items/{active_item.position}/autosave/"
    body = {"revision": 1, "answer_text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = client.post(url, body)
    assert response.status_code == 400
    assert b"larger than the server accepts" in response.content
