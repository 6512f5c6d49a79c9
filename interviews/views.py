"""Interview pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from content.models import Topic


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what the product does, and the topics to practise."""
    topics = Topic.objects.with_question_counts()
    return render(request, "interviews/home.html", {"topics": topics})
