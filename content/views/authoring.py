"""Authoring pages: your banks, a bank's settings and questions, and the question editor.

The editor previews answers through the same renderer the bank pages use: live with htmx (the
preview partial), and with a Preview button that re-renders the page when JavaScript is off.
A failed save re-renders everything typed, with each error beside its field.
"""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.pagination import paginate
from content import authoring
from content.access import author_required, question_editable_get, topic_editable_get
from content.forms import QuestionForm, TopicForm
from content.models import Question, Topic
from content.revisions import question_state

QUESTION_FORM = "content/question_form.html"


@require_GET
@author_required
def bank_list(request: HttpRequest) -> HttpResponse:
    """The banks this author edits and the others they may use: two lists, each paged on its own."""
    user = request.user
    editable = Topic.objects.editable_by(user)
    usable = Topic.objects.visible_to(user).exclude(pk__in=editable.values("pk"))
    context = {
        "editable": paginate(request, _bank_rows(editable), noun_plural="banks you edit"),
        "usable": paginate(
            request, _bank_rows(usable), noun_plural="banks you may use", param="usable_page"
        ),
    }
    return render(request, "content/bank_list.html", context)


def _bank_rows(topics):
    return topics.with_question_counts().select_related("owner").by_name()


@require_http_methods(["GET", "POST"])
@author_required
def topic_new(request: HttpRequest) -> HttpResponse:
    form = TopicForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = form.topic_fields()
        topic = authoring.topic_create(owner=request.user, **fields)
        messages.success(request, f"Created the bank “{topic.name}”. Add its first question.")
        return redirect("content:question_new", slug=topic.slug)
    return render(request, "content/topic_form.html", {"form": form, "topic": None})


@require_http_methods(["GET", "POST"])
@author_required
def topic_edit(request: HttpRequest, slug: str) -> HttpResponse:
    topic = topic_editable_get(request.user, slug)
    form = TopicForm(request.POST or None, instance=topic, user=request.user)
    if request.method == "POST" and form.is_valid():
        authoring.topic_update(topic=topic, **form.topic_fields())
        messages.success(request, "Saved the bank.")
        return redirect("content:topic_edit", slug=topic.slug)
    questions = Question.objects.for_topic(topic).order_by("position", "id")
    pagination = paginate(request, questions.prefetch_related("concepts"), noun_plural="questions")
    context = {"form": form, "topic": topic, "pagination": pagination}
    return render(request, "content/topic_form.html", context)


@require_http_methods(["GET", "POST"])
@author_required
def question_new(request: HttpRequest, slug: str) -> HttpResponse:
    topic = topic_editable_get(request.user, slug)
    form = QuestionForm(request.POST or None, topic=topic)
    if _saving(request) and form.is_valid():
        question = authoring.question_create(topic=topic, author=request.user, state=form.state())
        messages.success(request, "Saved the question and extracted its concepts.")
        return redirect("content:question_edit", slug=question.slug)
    return _editor(request, form, topic=topic, question=None)


@require_http_methods(["GET", "POST"])
@author_required
def question_edit(request: HttpRequest, slug: str) -> HttpResponse:
    question = question_editable_get(request.user, slug)
    initial = question_state(question)
    form = QuestionForm(
        request.POST or None, topic=question.topic, question=question, initial=asdict(initial)
    )
    if _saving(request) and form.is_valid():
        changed = authoring.question_update(
            question=question, author=request.user, state=form.state()
        )
        messages.success(request, "Saved a new revision." if changed else "Nothing changed.")
        return redirect("content:question_edit", slug=question.slug)
    return _editor(request, form, topic=question.topic, question=question)


@require_POST
@author_required
def preview(request: HttpRequest) -> HttpResponse:
    """The live preview: the editor's fields rendered as the bank will show them."""
    return render(request, f"{QUESTION_FORM}#preview", {"preview": _preview(request.POST)})


def _saving(request: HttpRequest) -> bool:
    return request.method == "POST" and "preview" not in request.POST


def _preview(data) -> dict:
    return {name: data.get(name, "") for name in ("text", "expert_answer", "beginner_answer")}


def _editor(request: HttpRequest, form: QuestionForm, *, topic, question) -> HttpResponse:
    source = request.POST if request.method == "POST" else form.initial
    context = {
        "form": form,
        "topic": topic,
        "question": question,
        "preview": _preview(source),
        "concepts": question.concepts.order_by("-is_active", "rank", "id") if question else (),
    }
    return render(request, QUESTION_FORM, context)
