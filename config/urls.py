"""Top-level URL configuration: each app owns its own urls module."""

from django.contrib import admin
from django.urls import include, path

from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("interviews.urls.candidate")),
    path("", include("interviews.urls.interviewer")),
    path("", include("content.urls")),
]
