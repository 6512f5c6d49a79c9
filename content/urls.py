from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("questions/<slug:slug>/", views.question_detail, name="question_detail"),
]
