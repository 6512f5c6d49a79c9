"""Site-wide request rules: a body-size cap before anything parses, no caching of private pages,
htmx requests that lost their login reload their page, and a page for addresses opened with the
wrong method."""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.utils.cache import patch_cache_control
from django_htmx.http import HttpResponseClientRefresh


def request_max_bytes(limit: int) -> Callable:
    """Let a view that takes an upload on purpose accept bodies up to `limit` bytes.

    Every other view keeps the site-wide DJANGO_MAX_REQUEST_BYTES. The mark is an attribute on the
    view, which functools.wraps carries through the usual decorators in either order.
    """

    def mark(view: Callable) -> Callable:
        view.request_max_bytes = limit
        return view

    return mark


class RequestSizeLimitMiddleware:
    """Refuse a body longer than the view's cap by its Content-Length, before anything reads it.

    Django's own DATA_UPLOAD_MAX_MEMORY_SIZE leaves out multipart file parts, so a login form
    posted with a 30 MB file was read and stored in a temporary file. This runs in process_view,
    before the CSRF check (the first to parse a POST), and needs the view only to read its cap.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        limit = getattr(view_func, "request_max_bytes", settings.REQUEST_MAX_BYTES)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1  # not a number: as malformed as a body can be
        if 0 <= length <= limit:
            return None
        # Say how large, where it is a size: "a 12 MB file on a page that takes 10 MB" tells the
        # user what to change; a malformed length gets the general words.
        context = {"sent": length, "limit": limit} if length > limit else {}
        return render(request, "400.html", context, status=400)


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on every page of a signed-in user (guests included).

    Transcripts, results and exports must not stay in a shared proxy or on a shared computer's disk.
    Pages behind an invite link are signed in (the guest's account) or mark themselves. Static
    files never get here: WhiteNoise answers them earlier in the chain.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class HtmxLoginRefreshMiddleware:
    """An htmx request sent to the login page (logged out in another tab, the session expired)
    reloads the whole page instead, which then goes to the login page and comes back after it.

    Followed by htmx, the redirect would put the login page, header and menu included, inside the
    polled or posted region, with a next= naming a fragment or a POST-only address.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        to_login = response.status_code == 302 and urlsplit(
            response["Location"]
        ).path == resolve_url(settings.LOGIN_URL)
        return HttpResponseClientRefresh() if to_login and request.htmx else response


class MethodNotAllowedPageMiddleware:
    """A page instead of Django's empty 405 when someone opens a form-only address.

    Ending a session, submitting an answer or re-scoring take POST only; opened from a bookmark, the
    history or a pasted link, Django answers 405 with no body, which a browser shows as a blank
    page. htmx and scripts keep the bare 405, with its Allow header, as before.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content or getattr(request, "htmx", False):
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response["Allow"]
        return page
