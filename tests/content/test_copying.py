"""Copying a question or a bank into your own bank to adapt it."""

import pytest
from django.urls import reverse

from content.authoring import question_update, topic_create
from content.banks import slugs_free
from content.copying import question_copy, topic_copy
from content.forms import COPY_WORDING_TAKEN_MESSAGE
from content.models import Concept, Question, Topic
from content.revisions import QuestionState

pytestmark = pytest.mark.django_db


def test_a_copied_question_has_its_own_identity_and_everything_of_the_original(
    author, colleague, private_question
):
    Concept.objects.create(question=private_question, label="hand-made", origin="curated", rank=50)
    mine = Topic.objects.create(name="Cole's bank", slug="coles", owner=colleague)
    copy = question_copy(question=private_question, topic=mine, author=colleague)
    assert copy.pk != private_question.pk and copy.slug != private_question.slug
    assert copy.text == private_question.text
    assert copy.model_answer("expert").text == private_question.model_answer("expert").text
    labels = lambda q: sorted(q.concepts.values_list("label", "origin", "is_active"))  # noqa: E731
    assert labels(copy) == labels(private_question)
    assert copy.revisions.get().note == "Copied from Amy storage drills"
    question_update(question=copy, author=colleague, state=QuestionState("Adapted?", "E.", "B."))
    private_question.refresh_from_db()
    assert private_question.text == "What does a Docker volume do?"


def test_copying_a_whole_bank_makes_a_private_bank_of_the_copier(make_question, colleague):
    first, second = make_question("docker", 1), make_question("docker", 2)
    copy = topic_copy(topic=first.topic, owner=colleague)
    assert copy.owner == colleague and not copy.is_published
    assert copy.name == "Docker (copy)"
    assert list(copy.questions.values_list("text", flat=True)) == [first.text, second.text]


def test_copy_pages_need_a_visible_source_and_your_own_target(
    client, author, colleague, private_bank, private_question
):
    client.force_login(colleague)
    url = reverse("content:question_copy", args=[private_question.slug])
    assert client.get(url).status_code == 404
    private_bank.shared_with.add(colleague)
    assert "no bank to copy into" in client.get(url).content.decode()
    page = client.post(url, {"topic": private_bank.pk})  # not the colleague's to write to
    assert "Select a valid choice" in page.content.decode()
    assert private_bank.questions.count() == 1
    mine = Topic.objects.create(name="Cole's bank", slug="coles", owner=colleague)
    page = client.post(url, {"topic": mine.pk})
    copy = mine.questions.get()
    assert page["Location"] == reverse("content:question_edit", args=[copy.slug])


def test_the_bank_copy_button(client, colleague, private_bank, private_question):
    private_bank.shared_with_everyone = True
    private_bank.save()
    client.force_login(colleague)
    page = client.post(reverse("content:topic_copy", args=[private_bank.slug]))
    copy = Topic.objects.get(owner=colleague)
    assert page["Location"] == reverse("content:topic_edit", args=[copy.slug])
    assert copy.questions.count() == 1
    assert "Copied 1 question into your new bank." in client.get(page["Location"]).content.decode()


def test_a_question_is_not_copied_into_a_bank_that_already_has_its_wording(
    client, author, private_bank, private_question
):
    """The question form refuses a second question with the same wording in a bank; so does the
    copy, or the bank's own export would repeat the question and not import back."""
    client.force_login(author)
    url = reverse("content:question_copy", args=[private_question.slug])
    page = client.post(url, {"topic": private_bank.pk})
    assert page.status_code == 200
    assert COPY_WORDING_TAKEN_MESSAGE in page.content.decode()
    assert private_bank.questions.count() == 1
    other = topic_create(owner=author, name="Amy's other bank")
    assert client.post(url, {"topic": other.pk}).status_code == 302
    assert other.questions.get().text == private_question.text


def test_free_slugs_keep_a_free_base_and_never_repeat(private_question, monkeypatch):
    """What copies of many questions get: the base when free, else a suffix no row or copy has."""
    suffixes = iter(["aaaaaa", "aaaaaa", "bbbbbb", "cccccc"])
    monkeypatch.setattr("content.banks.secrets.token_hex", lambda _bytes: next(suffixes))
    taken = private_question.slug
    slugs = slugs_free(Question, ["free", taken, taken, "free"], max_length=200)
    # The second "aaaaaa" would repeat the first: it is drawn again.
    assert slugs == ["free", f"{taken}-aaaaaa", f"{taken}-cccccc", "free-bbbbbb"]
