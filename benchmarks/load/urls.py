"""The app's URLs plus /bench/bare: a Django view that does nothing, the floor for latency."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """Through every middleware, no database query, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare", bare, name="bench_bare"),
    path("", include("config.urls")),
]
