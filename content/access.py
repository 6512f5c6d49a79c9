"""Object permissions on question banks, answered from the Topic queryset rules.

`user.has_perm("content.view_topic", topic)` and `user.has_perm("content.change_topic", topic)`
reach BankAccessBackend; the rules themselves live once, on TopicQuerySet (visible_to,
editable_by), which the session app also uses to narrow what interviewers may pick.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from content.models import CHANGE_TOPIC, VIEW_TOPIC, Question, Topic, is_author

PERMISSION_QUERIES = {VIEW_TOPIC: "visible_to", CHANGE_TOPIC: "editable_by"}


def _topic_of(obj) -> Topic | None:
    if isinstance(obj, Topic):
        return obj
    if isinstance(obj, Question):
        return obj.topic
    return None


class BankAccessBackend:
    """Answers only view/change permissions on a Topic (or a Question, through its topic)."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        query, topic = PERMISSION_QUERIES.get(perm), _topic_of(obj)
        if query is None or topic is None:
            return False
        return getattr(Topic.objects, query)(user_obj).filter(pk=topic.pk).exists()


def topic_editable_get(user, slug: str) -> Topic:
    """The bank if this user may edit it; a 404 otherwise, so others' bank names leak nothing."""
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None or not user.has_perm(CHANGE_TOPIC, topic):
        raise Http404
    return topic


def question_editable_get(user, slug: str) -> Question:
    questions = Question.objects.select_related("topic").prefetch_related("model_answers")
    question = questions.filter(slug=slug).first()
    if question is None or not user.has_perm(CHANGE_TOPIC, question):
        raise Http404
    return question


def author_required(view):
    """Anonymous users go to the login page; signed-in users who may not write banks get a 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_author(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
