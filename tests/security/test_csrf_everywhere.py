"""Every address of the site refuses a POST without a CSRF token, htmx fragments and uploads too.

The CSRF check runs before any view, so made-up ids reach it as well as real ones: a refusal here
can only come from the token. A view marked csrf_exempt (or a route that skips the middleware)
would answer something else and be named.
"""

import pytest
from django.test import Client

from tests.security.test_request_limits import fill, routes_with_parameters

FILLERS = {"int": "1", "slug": "docker", "uuid": "00000000-0000-0000-0000-000000000000"}


def every_route() -> list[str]:
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            elif isinstance(pattern, URLPattern):
                yield route

    return sorted(set(walk(get_resolver())))


@pytest.mark.django_db
def test_every_post_without_a_csrf_token_is_refused(django_user_model):
    routes = every_route()
    assert set(routes_with_parameters()) < set(routes)
    staff = django_user_model.objects.create_superuser("root", "root@example.com", "pw-root-1!")
    signed_in, anonymous = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    signed_in.force_login(staff)
    accepted = []
    for route in routes:
        if "(?P<" in route or route.startswith("^"):
            continue  # the admin's regular expressions: Django's own, csrf_protect'ed views
        url = fill(route, lambda kind: FILLERS.get(kind, "x"))
        for who, client in (("staff", signed_in), ("anonymous", anonymous)):
            for headers in ({}, {"HX-Request": "true"}):
                response = client.post(url, {"answer_text": "x"}, headers=headers)
                if response.status_code != 403:
                    accepted.append(f"POST {url} ({who}, {headers}): {response.status_code}")
    assert accepted == []
