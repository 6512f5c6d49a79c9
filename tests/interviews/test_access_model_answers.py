"""A candidate never sees a question's model answers before answering it."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from interviews.access import VIEW_MODEL_ANSWER, model_answers_visible
from interviews.services import item_finish

HIDDEN_NOTE = "The model answers appear here once you have answered"


def page(client, question):
    return client.get(question.get_absolute_url()).content.decode()


def test_anonymous_and_new_candidates_see_no_model_answers(client, candidate, make_question):
    question = make_question()
    assert "An expert answer." not in page(client, question)
    client.force_login(candidate)
    content = page(client, question)
    assert "An expert answer." not in content and "A beginner answer." not in content
    assert HIDDEN_NOTE in content


def test_a_candidate_sees_them_after_submitting(client, candidate, start_session):
    session, item = start_session(count=1)
    client.force_login(candidate)
    assert "An expert answer." not in page(client, item.question)
    item_finish(item_id=item.pk, text="an image", now=item.started_at)
    content = page(client, item.question)
    assert "An expert answer." in content and "A beginner answer." in content


def test_feedback_at_the_end_keeps_them_hidden_until_the_session_ends(
    client, candidate, start_session
):
    session, item = start_session(count=2, feedback_mode="at_end")
    item_finish(item_id=item.pk, text="an image", now=item.started_at)
    assert not model_answers_visible(user=candidate, question=item.question)
    client.force_login(candidate)
    assert "An expert answer." not in page(client, item.question)


def test_another_candidates_answer_reveals_nothing(other_user, start_session):
    session, item = start_session(count=1)
    item_finish(item_id=item.pk, text="an image", now=item.started_at)
    assert not model_answers_visible(user=other_user, question=item.question)


@pytest.mark.parametrize(
    "permission", [("content", "view_modelanswer"), ("interviews", "run_interviews")]
)
def test_staff_and_interviewers_see_them(client, other_user, make_question, permission):
    app_label, codename = permission
    other_user.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    client.force_login(other_user)
    assert "An expert answer." in page(client, make_question())


def test_the_bank_asks_through_an_object_permission(candidate, start_session, make_question):
    """content never imports interviews: it asks user.has_perm(perm, question), which we answer."""
    session, item = start_session(count=1)
    assert not candidate.has_perm(VIEW_MODEL_ANSWER, item.question)
    assert not AnonymousUser().has_perm(VIEW_MODEL_ANSWER, item.question)
    item_finish(item_id=item.pk, text="an image", now=item.started_at)
    candidate = type(candidate).objects.get(pk=candidate.pk)  # permission caches are per object
    assert candidate.has_perm(VIEW_MODEL_ANSWER, item.question)
    # Any other object, or any other permission on a question, is not this backend's to grant.
    assert not candidate.has_perm(VIEW_MODEL_ANSWER, session)
    assert not candidate.has_perm("content.change_question", item.question)
    assert not candidate.has_perm(VIEW_MODEL_ANSWER)
