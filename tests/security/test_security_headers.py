"""Secure cookies, HSTS, Referrer-Policy, nosniff and the HTTPS redirect under the production environment."""

import json

import pytest

from tests.security.production import production_environment, run_manage, run_python

# Runs inside a production-configured interpreter and reports what a browser would receive.
PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings

# Hashed static names need collectstatic, which is not what this probe is about.
override_settings(STORAGES={
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
client = Client(HTTP_HOST="interviews.example.com")
report = {}
plain = client.get("/topics/")
report["plain"] = {"status": plain.status_code, "location": plain.get("Location")}
health = client.get("/healthz")
report["health_status"] = health.status_code
secure = client.get("/admin/login/", secure=True)
report["secure"] = {
    "status": secure.status_code,
    "headers": dict(secure.headers),
    "cookies": {
        name: {"secure": bool(morsel["secure"]), "samesite": morsel["samesite"]}
        for name, morsel in secure.cookies.items()
    },
}
report["settings"] = {
    name: getattr(settings, name)
    for name in (
        "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
        "SECURE_SSL_REDIRECT", "DEBUG",
    )
}
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def production_report(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_environment(tmp_path)
    result = run_manage(env, "migrate", "--verbosity", "0")
    assert result.returncode == 0, result.stderr
    result = run_python(PROBE, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_http_redirects_to_https(production_report):
    assert production_report["plain"]["status"] == 301
    assert production_report["plain"]["location"] == "https://interviews.example.com/topics/"


def test_health_check_is_exempt_from_the_https_redirect(production_report):
    assert production_report["health_status"] == 200


def test_hsts_header(production_report):
    hsts = production_report["secure"]["headers"]["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_referrer_nosniff_and_framing_headers(production_report):
    headers = production_report["secure"]["headers"]
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_cookies_are_secure(production_report):
    assert production_report["secure"]["status"] == 200
    csrf_cookie = production_report["secure"]["cookies"]["csrftoken"]
    assert csrf_cookie == {"secure": True, "samesite": "Lax"}
    assert production_report["settings"]["SESSION_COOKIE_SECURE"] is True
    assert production_report["settings"]["SESSION_COOKIE_HTTPONLY"] is True
    assert production_report["settings"]["CSRF_COOKIE_SECURE"] is True
    assert production_report["settings"]["DEBUG"] is False


def test_session_cookie_is_secure_after_login(client, settings, django_user_model):
    """The session cookie itself, issued at login, carries Secure, HttpOnly and SameSite."""
    settings.SESSION_COOKIE_SECURE = True
    django_user_model.objects.create_user("staff", password="a-long-passphrase-1", is_staff=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "staff", "password": "a-long-passphrase-1", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == 302
    morsel = response.cookies[settings.SESSION_COOKIE_NAME]
    assert morsel["secure"] is True
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Lax"
