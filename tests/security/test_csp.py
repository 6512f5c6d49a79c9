"""The Content-Security-Policy header: strict for scripts, nonce in the page, htmx without eval."""

import re

import pytest

from content.models import Topic


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def home(client, db):
    Topic.objects.create(name="Docker", slug="docker", description="Containers")
    return client.get("/")


def test_policy_directives(home):
    policy = directives(home.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"][0] == "'self'"
    assert re.fullmatch(r"'nonce-[\w-]{20,}'", policy["script-src"][1])
    for directive in ("script-src", "default-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]


def test_htmx_script_carries_the_request_nonce(home):
    nonce = re.search(r"'nonce-([\w-]+)'", home.headers["Content-Security-Policy"]).group(1)
    html = home.content.decode()
    assert re.search(rf'<script[^>]+src="[^"]*htmx[^"]*"[^>]*nonce="{nonce}"', html)


def test_nonce_changes_on_every_request(client, db):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second


def test_htmx_runs_without_eval_or_script_tags(home):
    html = home.content.decode()
    assert (
        '<meta name="htmx-config" content=\'{"allowEval":false,"allowScriptTags":false,'
        '"includeIndicatorStyles":false}\'>' in html
    )


def test_templates_use_nothing_the_policy_or_htmx_config_refuses():
    """Inline <script> without a nonce, on*= handlers and style= attributes are refused by the
    browser; hx-on and js: values need eval, which htmx has off."""
    from django.conf import settings

    refused = [
        (
            re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*csp_nonce)(?![^>]*application/json)[^>]*>"),
            "inline script",
        ),
        (re.compile(r"\son[a-z]+\s*="), "event handler attribute"),
        (re.compile(r"\sstyle\s*="), "style attribute"),
        (re.compile(r"\shx-on[:-]"), "hx-on (needs eval)"),
        (
            re.compile(r"hx-(?:vals|headers)\s*=\s*['\"]\s*(?:js|javascript):"),
            "js: value (needs eval)",
        ),
    ]
    offenders = []
    for template in settings.BASE_DIR.joinpath("templates").rglob("*.html"):
        for number, line in enumerate(template.read_text().splitlines(), start=1):
            offenders += [
                f"{template.relative_to(settings.BASE_DIR)}:{number}: {what}: {line.strip()}"
                for pattern, what in refused
                if pattern.search(line)
            ]
    assert offenders == []
