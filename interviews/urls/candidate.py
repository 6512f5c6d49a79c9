from django.urls import path

from interviews.views import candidate as views

app_name = "interviews"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/landing/", views.landing, name="landing"),
    path("accounts/logout/confirm/", views.logout_confirm, name="logout_confirm"),
    path("practice/", views.practice_new, name="practice_new"),
    path("practice/chosen/", views.practice_chosen, name="practice_chosen"),
    path("review/", views.review, name="review"),
    path("progress/", views.mastery, name="mastery"),
    path("progress/attempts.csv", views.attempts_export, name="attempts_export"),
    path("sessions/", views.history, name="history"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/start/", views.session_begin, name="session_begin"),
    path("sessions/<int:pk>/next/", views.item_next, name="item_next"),
    path("sessions/<int:pk>/end/", views.session_end, name="session_end"),
    path("sessions/<int:pk>/end/confirm/", views.session_end_confirm, name="session_end_confirm"),
    path("sessions/<int:pk>/results/", views.session_results, name="session_results"),
    path("sessions/<int:pk>/items/<int:position>/submit/", views.item_submit, name="item_submit"),
    path("sessions/<int:pk>/items/<int:position>/autosave/", views.autosave, name="autosave"),
    path("sessions/<int:pk>/items/<int:position>/retry/", views.item_retry, name="item_retry"),
]
