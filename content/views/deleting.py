"""Deleting a question or a whole bank of your own: a confirmation page, then a plain POST."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from content import authoring
from content.access import author_required, question_editable_get, topic_editable_get


@require_http_methods(["GET", "POST"])
@author_required
def question_delete(request: HttpRequest, slug: str) -> HttpResponse:
    question = question_editable_get(request.user, slug)
    if request.method == "GET":
        return render(request, "content/delete_confirm.html", {"question": question})
    try:
        authoring.question_delete(question=question)
    except authoring.DeleteRefused as refused:
        messages.error(request, str(refused))
        return redirect("content:question_edit", slug=question.slug)
    messages.success(request, f"Deleted the question “{question.text}”.")
    return redirect("content:topic_edit", slug=question.topic.slug)


@require_http_methods(["GET", "POST"])
@author_required
def topic_delete(request: HttpRequest, slug: str) -> HttpResponse:
    topic = topic_editable_get(request.user, slug)
    if request.method == "GET":
        context = {"topic": topic, "question_count": topic.questions.count()}
        return render(request, "content/delete_confirm.html", context)
    try:
        authoring.topic_delete(topic=topic)
    except authoring.DeleteRefused as refused:
        messages.error(request, str(refused))
        return redirect("content:topic_edit", slug=topic.slug)
    messages.success(request, f"Deleted the bank “{topic.name}” and its questions.")
    return redirect("content:bank_list")
