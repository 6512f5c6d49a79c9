"""The reader's time zone: the browser's, from the cookie site.js sets, else the site's default."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from config.time_zone import TIME_ZONE_COOKIE, BrowserTimeZoneMiddleware, zone_label
from tests.security.production import production_environment, run_python


def zone_during_request(cookie: str | None) -> str:
    """The time zone active while a view runs, for a request with this cookie (None: none)."""
    request = RequestFactory().get("/")
    if cookie is not None:
        request.COOKIES[TIME_ZONE_COOKIE] = cookie
    seen = []

    def view(request):
        seen.append(timezone.get_current_timezone_name())
        return HttpResponse()

    BrowserTimeZoneMiddleware(view)(request)
    return seen[0]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland"])
def test_the_browsers_zone_is_active_during_the_request(zone):
    assert zone_during_request(zone) == zone
    assert timezone.get_current_timezone_name() == "UTC"  # and only during it


@pytest.mark.parametrize(
    "cookie",
    [
        None,
        "",
        "Mars/Olympus_Mons",
        "Europe",  # a folder of zones, not a zone
        "../../../etc/passwd",
        "/usr/share/zoneinfo/Europe/Berlin",
        "Europe/Berlin\x00",
        "Europe/" + "x" * 5000,
    ],
)
def test_a_missing_or_unknown_zone_leaves_the_default(cookie, settings):
    assert zone_during_request(cookie) == "UTC"
    settings.TIME_ZONE = "Asia/Tokyo"
    assert zone_during_request(cookie) == "Asia/Tokyo"


@pytest.mark.django_db
def test_a_bad_cookie_on_a_real_page_is_no_error(client):
    client.cookies[TIME_ZONE_COOKIE] = "../Not/A_Zone"
    response = client.get("/")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        ("UTC", "UTC"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("America/Los_Angeles", "America/Los Angeles"),
    ],
)
def test_the_label_names_the_zone_as_the_browser_does(zone, label):
    """interview.js builds the same label from the browser's zone name (underscores as spaces)."""
    with timezone.override(zone):
        assert zone_label() == label


def test_the_default_zone_comes_from_the_environment(tmp_path):
    show = (
        "import django; django.setup(); from django.conf import settings; print(settings.TIME_ZONE)"
    )
    berlin = run_python(show, production_environment(tmp_path, DJANGO_TIME_ZONE="Europe/Berlin"))
    assert berlin.returncode == 0, berlin.stderr
    assert berlin.stdout.strip().splitlines()[-1] == "Europe/Berlin"
    default = run_python(show, production_environment(tmp_path))
    assert default.stdout.strip().splitlines()[-1] == "UTC"


def test_an_unknown_default_zone_stops_the_start_with_a_message(tmp_path):
    env = production_environment(tmp_path, DJANGO_TIME_ZONE="Berlin")
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "DJANGO_TIME_ZONE" in result.stderr


def test_log_lines_stay_in_utc_whatever_the_default_zone(tmp_path):
    """Django sets the process's zone to DJANGO_TIME_ZONE; log times must not follow it."""
    code = (
        "import django, logging; django.setup();"
        "record = logging.makeLogRecord({'created': 0.0, 'msecs': 0.0});"
        "print(logging.getLogger().handlers[0].formatter.formatTime(record))"
    )
    env = production_environment(tmp_path, DJANGO_TIME_ZONE="Pacific/Auckland")
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "1970-01-01 00:00:00,000"
