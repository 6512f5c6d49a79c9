from django.urls import path

from content.views import authoring, copying, deleting, history, pages, transfer

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
    # Authoring: interviewers' own banks.
    path("bank/", authoring.bank_list, name="bank_list"),
    path("bank/new/", authoring.topic_new, name="topic_new"),
    path("bank/preview/", authoring.preview, name="preview"),
    path("bank/<slug:slug>/", authoring.topic_edit, name="topic_edit"),
    path("bank/<slug:slug>/copy/", copying.topic_copy, name="topic_copy"),
    path("bank/<slug:slug>/delete/", deleting.topic_delete, name="topic_delete"),
    path("bank/<slug:slug>/questions/new/", authoring.question_new, name="question_new"),
    path("bank/questions/<slug:slug>/", authoring.question_edit, name="question_edit"),
    path("bank/questions/<slug:slug>/copy/", copying.question_copy, name="question_copy"),
    path("bank/questions/<slug:slug>/delete/", deleting.question_delete, name="question_delete"),
    path("bank/questions/<slug:slug>/history/", history.question_history, name="question_history"),
    path(
        "bank/questions/<slug:slug>/history/<int:number>/restore/",
        history.revision_restore,
        name="revision_restore",
    ),
]
