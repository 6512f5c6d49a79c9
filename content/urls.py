from django.urls import path

from content.views import pages, transfer

app_name = "content"

urlpatterns = [
    path("topics/", pages.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", pages.topic_detail, name="topic_detail"),
    path("topics/<slug:slug>/export/<str:format_name>/", transfer.bank_export, name="bank_export"),
    path("questions/<slug:slug>/", pages.question_detail, name="question_detail"),
    path("banks/import/", transfer.bank_import, name="bank_import"),
    path(
        "banks/import/<uuid:upload_id>/", transfer.bank_import_preview, name="bank_import_preview"
    ),
]
