"""Deleting a question or a whole bank of your own, once confirmed; what sessions asked stays."""

import pytest
from django.urls import reverse

from content.authoring import BANK_IN_USE, QUESTION_IN_USE
from content.models import Concept, ModelAnswer, Question, QuestionRevision, Topic
from interviews.services.building import SessionPlan, invited_session_create

pytestmark = pytest.mark.django_db


def _ask(author, *questions):
    plan = SessionPlan(title="Storage", level="expert", questions=list(questions))
    return invited_session_create(interviewer=author, plan=plan)


def test_an_author_deletes_a_question_never_asked_after_confirming(
    client, author, private_bank, private_question
):
    client.force_login(author)
    edit = client.get(reverse("content:question_edit", args=[private_question.slug]))
    url = reverse("content:question_delete", args=[private_question.slug])
    assert f'href="{url}"' in edit.content.decode()
    confirm = client.get(url).content.decode()
    assert private_question.text in confirm and f'action="{url}"' in confirm
    assert Question.objects.filter(pk=private_question.pk).exists()  # a GET deletes nothing
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("content:topic_edit", args=[private_bank.slug])
    assert "Deleted the question" in response.content.decode()
    assert not Question.objects.filter(pk=private_question.pk).exists()
    assert not ModelAnswer.objects.exists() and not Concept.objects.exists()
    assert not QuestionRevision.objects.exists()


def test_a_question_a_session_asked_stays_and_says_why(client, author, private_question):
    _ask(author, private_question)
    client.force_login(author)
    url = reverse("content:question_delete", args=[private_question.slug])
    response = client.post(url, follow=True)
    assert QUESTION_IN_USE.format(count=1, plural="") in response.content.decode()
    assert Question.objects.filter(pk=private_question.pk).exists()


def test_an_author_deletes_a_bank_none_of_whose_questions_was_asked(
    client, author, private_bank, private_question
):
    client.force_login(author)
    url = reverse("content:topic_delete", args=[private_bank.slug])
    page = client.get(reverse("content:topic_edit", args=[private_bank.slug])).content.decode()
    assert f'href="{url}"' in page
    assert "1 question" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("content:bank_list")
    assert "Deleted the bank" in response.content.decode()
    assert not Topic.objects.exists() and not Question.objects.exists()


def test_a_bank_whose_question_a_session_asked_stays_whole(
    client, author, private_bank, private_question
):
    _ask(author, private_question)
    client.force_login(author)
    response = client.post(reverse("content:topic_delete", args=[private_bank.slug]), follow=True)
    assert BANK_IN_USE.format(count=1, plural="", verb="was") in response.content.decode()
    assert Topic.objects.filter(pk=private_bank.pk).exists()
    assert Question.objects.filter(pk=private_question.pk).exists()


def test_only_the_owner_may_delete(client, colleague, private_bank, private_question):
    private_bank.shared_with.add(colleague)
    client.force_login(colleague)
    for url in (
        reverse("content:question_delete", args=[private_question.slug]),
        reverse("content:topic_delete", args=[private_bank.slug]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Question.objects.filter(pk=private_question.pk).exists()
