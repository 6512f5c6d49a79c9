"""Top-level URL configuration: each app owns its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("interviews.urls")),
    path("", include("content.urls")),
]
