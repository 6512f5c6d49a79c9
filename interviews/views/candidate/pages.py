"""Pages around the interviews: the landing page and a candidate's history."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from config.pagination import paginate
from content.models import Topic
from interviews.models import InterviewSession
from interviews.selectors.review import due_summary
from interviews.selectors.sessions import last_practice_level, sessions_of_candidate
from interviews.services import sessions_catch_up
from interviews.state import SESSION_RUNNING

CHART_SESSIONS = 100


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what the product does, what is due for review, the topics to practise."""
    context = {"topics": Topic.objects.published().with_question_counts().by_name(), "due": None}
    if request.user.is_authenticated:
        context["due"] = due_summary(request.user, now=timezone.now())
        if context["due"].due_count:
            context["review_level"] = last_practice_level(request.user)
    return render(request, "interviews/candidate/home.html", context)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    """The candidate's own sessions, newest first, with their scores, a page at a time."""
    # Deadlines that passed while the candidate was away apply first, as on the session's page.
    sessions_catch_up(sessions=InterviewSession.objects.for_candidate(request.user))
    sessions = sessions_of_candidate(request.user)
    # The chart is of the latest scores whichever page the table shows: one more row than drawn
    # says whether it leaves older ones out.
    scored = sessions.exclude(status__in=SESSION_RUNNING).filter(hide_scores=False)
    latest = list(scored[: CHART_SESSIONS + 1])
    context = {
        "pagination": paginate(request, sessions, noun_plural="sessions"),
        "chart_sessions": latest[:CHART_SESSIONS],
        "chart_capped": len(latest) > CHART_SESSIONS,
    }
    return render(request, "interviews/candidate/history.html", context)
