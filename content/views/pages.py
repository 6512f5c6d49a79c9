"""Reading the bank: topics, their questions, and a question with its model answers."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from config.pagination import paginate
from content.models import Question, Topic, is_author

# Whether a user may see a question's model answers depends on the sessions they took; the
# session app answers this object permission through its authentication backend.
VIEW_MODEL_ANSWER = "content.view_modelanswer"


def topic_list(request: HttpRequest) -> HttpResponse:
    """The banks this visitor may read, by name, a page at a time."""
    topics = Topic.objects.visible_to(request.user).with_question_counts().by_name()
    context = {
        "pagination": paginate(request, topics, noun_plural="topics"),
        "is_author": is_author(request.user),
    }
    return render(request, "content/topic_list.html", context)


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic.objects.visible_to(request.user), slug=slug)
    questions = Question.objects.for_topic(topic)
    can_edit = Topic.objects.editable_by(request.user).filter(pk=topic.pk).exists()
    # A question may have only one of its two answers (imported so, with a warning).
    both_levels = (
        not questions.annotate(answers=Count("model_answers")).filter(answers__lt=2).exists()
    )
    context = {
        "topic": topic,
        "pagination": paginate(
            request, questions.order_by("position", "id"), noun_plural="questions"
        ),
        "can_edit": can_edit,
        "both_levels": both_levels,
    }
    return render(request, "content/topic_detail.html", context)


def question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    questions = Question.objects.visible_to(request.user)
    question = get_object_or_404(
        questions.select_related("topic").prefetch_related("model_answers"), slug=slug
    )
    show_answers = request.user.has_perm(VIEW_MODEL_ANSWER, question)
    return render(
        request,
        "content/question_detail.html",
        {"question": question, "show_answers": show_answers},
    )
