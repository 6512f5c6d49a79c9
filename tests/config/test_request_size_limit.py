"""Bodies over DJANGO_MAX_REQUEST_BYTES are refused by Content-Length, multipart file parts included."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client, RequestFactory

from config.middleware import RequestSizeLimitMiddleware, request_max_bytes


@pytest.fixture
def small_limit(settings):
    settings.REQUEST_MAX_BYTES = 10_000
    return settings.REQUEST_MAX_BYTES


def _refused(response) -> bool:
    return response.status_code == 400 and b"larger than the server accepts" in response.content


@pytest.mark.django_db
def test_a_body_refused_for_its_size_says_how_large_it_was_and_what_is_accepted(small_limit):
    request = RequestFactory().post("/", b"a=" + b"x" * 20_000, content_type="text/plain")
    middleware = RequestSizeLimitMiddleware(lambda request: HttpResponse())

    response = middleware.process_view(request, lambda request: HttpResponse(), (), {})

    page = response.content.decode()
    assert response.status_code == 400
    assert "(19.5\xa0KB) is larger than the server accepts here (9.8\xa0KB)" in page


@pytest.mark.django_db
def test_a_3_mb_file_part_posted_to_the_login_page_is_refused_before_parsing(monkeypatch):
    parsed = []
    monkeypatch.setattr(
        "django.http.multipartparser.MultiPartParser.parse",
        lambda self: parsed.append(self) or ({}, {}),
    )
    upload = SimpleUploadedFile("big.bin", b"x" * 3 * 1024 * 1024)

    response = Client().post("/accounts/login/", {"username": "a", "password": "b", "file": upload})

    assert _refused(response)
    assert parsed == []


@pytest.mark.django_db
def test_a_small_multipart_login_post_still_reaches_the_login_form():
    upload = SimpleUploadedFile("small.bin", b"x" * 100)
    response = Client().post(
        "/accounts/login/", {"username": "nobody", "password": "wrong", "file": upload}
    )
    assert response.status_code == 200
    assert b"password didn't match" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_the_cap_is_the_setting_to_the_byte(small_limit, extra, refused):
    factory = RequestFactory()
    body = b"a=" + b"x" * (small_limit - 2 + extra)
    request = factory.post("/", body, content_type="application/x-www-form-urlencoded")
    middleware = RequestSizeLimitMiddleware(lambda request: HttpResponse())

    response = middleware.process_view(request, lambda request: HttpResponse(), (), {})

    assert (response is not None and _refused(response)) is refused


@pytest.mark.django_db
def test_a_malformed_content_length_is_refused(small_limit):
    request = RequestFactory().post("/", b"a=1", content_type="application/x-www-form-urlencoded")
    request.META["CONTENT_LENGTH"] = "lots"
    middleware = RequestSizeLimitMiddleware(lambda request: HttpResponse())
    assert _refused(middleware.process_view(request, lambda request: HttpResponse(), (), {}))


@pytest.mark.django_db
def test_an_upload_view_sets_its_own_cap_through_other_decorators(small_limit):
    from django.contrib.auth.decorators import login_required
    from django.views.decorators.http import require_POST

    @require_POST
    @login_required
    @request_max_bytes(50_000)
    def upload(request):
        return HttpResponse()

    middleware = RequestSizeLimitMiddleware(lambda request: HttpResponse())
    factory = RequestFactory()

    def post(size: int):
        body = b"x" * size
        request = factory.post("/", body, content_type="application/octet-stream")
        return middleware.process_view(request, upload, (), {})

    assert post(small_limit + 1) is None
    assert post(50_000) is None
    assert _refused(post(50_001))
