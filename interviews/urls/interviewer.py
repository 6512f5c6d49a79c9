"""Interviewer URLs (namespace "interviewer"); the invite link lives outside /interviewer/."""

from django.urls import path

from interviews.views.interviewer import curation as views_curation
from interviews.views.interviewer import invite as views_invite
from interviews.views.interviewer import review as views_review
from interviews.views.interviewer import sessions as views_sessions

app_name = "interviewer"

urlpatterns = [
    path("invite/", views_invite.invite, name="invite"),
    path("invite/<str:token>/", views_invite.invite_open, name="invite_open"),
    path("interviewer/", views_sessions.session_list, name="session_list"),
    path("interviewer/live/", views_sessions.live, name="live"),
    path("interviewer/sessions/new/", views_sessions.session_build, name="session_build"),
    path("interviewer/templates/", views_sessions.template_list, name="template_list"),
    path("interviewer/templates/<int:pk>/use/", views_sessions.template_use, name="template_use"),
    path("interviewer/sessions/<int:pk>/", views_sessions.session_detail, name="session_detail"),
    path("interviewer/sessions/<int:pk>/end/", views_sessions.session_end, name="session_end"),
    path(
        "interviewer/sessions/<int:pk>/items/<int:item_pk>/move/",
        views_sessions.session_item_move,
        name="session_item_move",
    ),
    path(
        "interviewer/sessions/<int:pk>/invite/revoke/",
        views_sessions.invite_revoke,
        name="invite_revoke",
    ),
    path(
        "interviewer/sessions/<int:pk>/invite/renew/",
        views_sessions.invite_renew,
        name="invite_renew",
    ),
    path("interviewer/sessions/<int:pk>/transcript/", views_review.transcript, name="transcript"),
    path(
        "interviewer/sessions/<int:pk>/transcript.json",
        views_review.transcript_json,
        name="transcript_json",
    ),
    path(
        "interviewer/sessions/<int:pk>/transcript.csv",
        views_review.transcript_csv_export,
        name="transcript_csv",
    ),
    path("interviewer/sessions/<int:pk>/review/", views_review.session_review, name="review"),
    path(
        "interviewer/sessions/<int:pk>/items/<int:item_pk>/concept/",
        views_review.concept_verdict,
        name="concept_verdict",
    ),
    path(
        "interviewer/sessions/<int:pk>/items/<int:item_pk>/override/",
        views_review.score_override,
        name="score_override",
    ),
    path("interviewer/agreement/", views_review.agreement, name="agreement"),
    path("interviewer/questions/<slug:slug>/concepts/", views_curation.concepts, name="concepts"),
    path(
        "interviewer/questions/<slug:slug>/concepts/add/",
        views_curation.concept_add,
        name="concept_add",
    ),
    path(
        "interviewer/questions/<slug:slug>/concepts/<int:concept_pk>/",
        views_curation.concept_edit,
        name="concept_edit",
    ),
    path(
        "interviewer/questions/<slug:slug>/concepts/preview/",
        views_curation.concept_preview,
        name="concept_preview",
    ),
    path(
        "interviewer/questions/<slug:slug>/concepts/rescore/",
        views_curation.concepts_rescore,
        name="concepts_rescore",
    ),
]
