"""Copying a question, or a whole bank, into a bank of your own."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from content import copying
from content.access import author_required
from content.forms import CopyForm
from content.models import Question, Topic


@require_http_methods(["GET", "POST"])
@author_required
def question_copy(request: HttpRequest, slug: str) -> HttpResponse:
    questions = Question.objects.visible_to(request.user).select_related("topic")
    question = get_object_or_404(questions, slug=slug)
    form = CopyForm(request.POST or None, user=request.user, question=question)
    if request.method == "POST" and form.is_valid():
        copy = copying.question_copy(
            question=question, topic=form.cleaned_data["topic"], author=request.user
        )
        messages.success(request, f"Copied into “{copy.topic.name}”. Adapt it here.")
        return redirect("content:question_edit", slug=copy.slug)
    return render(request, "content/question_copy.html", {"question": question, "form": form})


@require_POST
@author_required
def topic_copy(request: HttpRequest, slug: str) -> HttpResponse:
    topic = Topic.objects.visible_to(request.user).filter(slug=slug).first()
    if topic is None:
        raise Http404
    copy = copying.topic_copy(topic=topic, owner=request.user)
    count = copy.questions.count()
    plural = "" if count == 1 else "s"
    messages.success(request, f"Copied {count} question{plural} into your new bank.")
    return redirect("content:topic_edit", slug=copy.slug)
