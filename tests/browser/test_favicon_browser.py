"""Every page names an icon, and the address browsers try on their own (/favicon.ico) serves it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ICO_MAGIC = b"\x00\x00\x01\x00"


def test_the_page_icon_and_favicon_ico_both_load(page):
    page.goto("/")
    href = page.locator("link[rel=icon]").get_attribute("href")
    icon = page.request.get(href)
    fallback = page.request.get("/favicon.ico")  # follows the redirect, as a browser does

    assert icon.status == 200 and icon.body().startswith(ICO_MAGIC)
    assert fallback.status == 200 and fallback.body() == icon.body()
    assert fallback.url.endswith(href)


def test_favicon_ico_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
