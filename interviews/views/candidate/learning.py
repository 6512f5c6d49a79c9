"""Learning pages: review what is due, practise picked questions, retry one, export attempts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from config.downloads import csv_attachment
from config.pagination import paginate
from content.models import Topic
from interviews.access import session_own_get
from interviews.forms.ids import ids_read
from interviews.forms.learning import ChosenForm, ReviewForm
from interviews.selectors.attempts import attempts_csv
from interviews.selectors.mastery import topic_mastery, topics_practised
from interviews.selectors.review import due_cards, due_summary
from interviews.selectors.sessions import last_practice_level
from interviews.services.learning import (
    PracticeRefused,
    chosen_session_create,
    practice_questions,
    retry_session_create,
    review_session_create,
)
from interviews.views.candidate.late_text import login_back_to_session

CHOSEN_SHOWN = 200
DAYS_SHOWN = 60


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    """What is due today, most overdue first, and a button that starts a session on it."""
    form = ReviewForm(request.POST or None, initial={"level": last_practice_level(request.user)})
    if request.method == "POST" and form.is_valid():
        try:
            session = review_session_create(
                candidate=request.user,
                settings=form.practice_settings(),
                count=form.cleaned_data["count"],
            )
        except PracticeRefused as refused:
            messages.info(request, str(refused))
            return redirect("interviews:review")
        return redirect(session)
    now = timezone.now()
    context = {
        "form": form,
        "summary": due_summary(request.user, now=now),
        "cards": due_cards(request.user, now=now),
    }
    return render(request, "interviews/candidate/review.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def practice_chosen(request: HttpRequest) -> HttpResponse:
    """Pick questions from the bank (one topic at a time, or preselected by a link) and start."""
    questions = practice_questions(request.user).select_related("topic")
    initial = {"level": last_practice_level(request.user)}
    form = ChosenForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = chosen_session_create(
                candidate=request.user,
                question_ids=[question.pk for question in form.cleaned_data["questions"]],
                settings=form.practice_settings(),
            )
        except PracticeRefused as refused:
            form.add_error("questions", str(refused))
        else:
            return redirect(session)
    context = {"form": form, **_chosen_lists(request, questions)}
    return render(request, "interviews/candidate/practice_chosen.html", context)


def _chosen_lists(request: HttpRequest, questions) -> dict:
    """The topics to choose from and the questions on show: the chosen topic's, else the ones a
    link offered and the ones ticked. What the address holds is checked before any query."""
    data = request.POST if request.method == "POST" else request.GET
    picked = ids_read(data.getlist("questions"))[:CHOSEN_SHOWN]
    # A link's questions stay listed after a refused start, ticked or not: the form posts back
    # to the link (its query string), and what it offered is read from there.
    offered = ids_read(request.GET.getlist("questions"))[:CHOSEN_SHOWN]
    topics = list(Topic.objects.published().with_question_counts().filter(question_count__gt=0))
    # Matched here, not in a query: a slug typed into the address may hold anything, NUL included.
    topic = next((each for each in topics if each.slug == request.GET.get("topic")), None)
    shown = questions.filter(topic=topic) if topic else questions.filter(pk__in=offered + picked)
    return {
        "topics": topics,
        "topic": topic,
        "shown": list(shown[:CHOSEN_SHOWN]),
        "picked": set(picked),
    }


@login_required
def mastery(request: HttpRequest) -> HttpResponse:
    """Per topic: concepts covered and missed, coverage over time, the ones that keep slipping."""
    topics = topics_practised(request.user)
    slug = request.GET.get("topic", "")
    topic = next((t for t in topics if t.slug == slug), topics[0] if topics else None)
    mastery = topic_mastery(request.user, topic) if topic else None
    context = {"topics": topics, "topic": topic, "mastery": mastery}
    if mastery:
        # The concepts grow with the bank, paged; the days' table, the chart's figures, grows a row
        # a day: the latest ones, with the CSV export for every attempt.
        context["concepts"] = paginate(request, mastery.concepts, noun_plural="concepts")
        context["days"] = mastery.points[-DAYS_SHOWN:]
    return render(request, "interviews/candidate/mastery.html", context)


@require_POST
@login_back_to_session
def item_retry(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Answer the same question again at once, as a new attempt; the old one stays."""
    session = session_own_get(request, pk)
    item = get_object_or_404(session.items.select_related("session"), position=position)
    try:
        retry = retry_session_create(candidate=request.user, item=item)
    except PracticeRefused as refused:
        messages.warning(request, str(refused))
        return redirect("interviews:session_results", pk=session.pk)
    return redirect(retry)


@login_required
def attempts_export(request: HttpRequest) -> HttpResponse:
    """Every practice attempt as CSV: question, date, score, level, concepts covered and missed."""
    return csv_attachment(attempts_csv(request.user), filename="practice-attempts.csv")
