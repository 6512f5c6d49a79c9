"""Top-level URL configuration: each app owns its own urls module."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe

from config.health import healthz
from interviews.views.candidate import password_page


@require_safe
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico whatever a page says; the icon lives with the static files
    (hashed, cached far ahead), so this fixed address only points there. Resolved per request:
    the manifest of hashed names may not exist yet when the URLconf is imported."""
    return HttpResponseRedirect(static("img/favicon.ico"))


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    # The password page: Django's for everyone with a password; a guest, who has none, keeps their
    # account there instead. Listed before Django's auth URLs, so this one answers the address.
    path("accounts/password_change/", password_page, name="password_change"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("interviews.urls.candidate")),
    path("", include("interviews.urls.interviewer")),
    path("", include("content.urls")),
]
