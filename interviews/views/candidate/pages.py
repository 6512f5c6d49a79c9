"""Pages around the interviews: the landing page and a candidate's history."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from content.models import Topic
from interviews.selectors.sessions import sessions_of_candidate


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what the product does, and the topics to practise."""
    topics = Topic.objects.with_question_counts()
    return render(request, "interviews/candidate/home.html", {"topics": topics})


@login_required
def history(request: HttpRequest) -> HttpResponse:
    """The candidate's own sessions, newest first, with their scores."""
    sessions = sessions_of_candidate(request.user)
    return render(request, "interviews/candidate/history.html", {"sessions": sessions})
