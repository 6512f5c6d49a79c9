"""Who may see, use and edit a bank: owners, shares, publishing, staff, candidates."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from content.authoring import question_create
from content.models import CHANGE_TOPIC, VIEW_TOPIC, Question, Topic
from content.revisions import QuestionState
from interviews.services.building import SessionPlan, invited_session_create
from tests.interviews.conftest import session_play

pytestmark = pytest.mark.django_db


def test_a_new_interviewer_bank_is_private_and_unpublished(private_bank, author):
    assert private_bank.owner == author
    assert not private_bank.is_published
    assert not private_bank.shared_with_everyone


def test_another_interviewer_without_a_share_gets_404_everywhere(
    client, colleague, private_bank, private_question
):
    client.force_login(colleague)
    urls = [
        reverse("content:topic_detail", args=[private_bank.slug]),
        reverse("content:topic_edit", args=[private_bank.slug]),
        reverse("content:question_new", args=[private_bank.slug]),
        reverse("content:question_detail", args=[private_question.slug]),
        reverse("content:question_edit", args=[private_question.slug]),
        reverse("content:question_history", args=[private_question.slug]),
        reverse("content:question_copy", args=[private_question.slug]),
        reverse("interviewer:concepts", args=[private_question.slug]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    edit = reverse("content:question_edit", args=[private_question.slug])
    assert client.post(edit, {"text": "Hijacked?", "expert_answer": "x"}).status_code == 404
    assert client.post(reverse("content:topic_copy", args=[private_bank.slug])).status_code == 404
    private_question.refresh_from_db()
    assert private_question.text == "What does a Docker volume do?"
    assert private_bank.name not in client.get(reverse("content:topic_list")).content.decode()


def test_a_share_lets_an_interviewer_use_but_not_edit(
    client, colleague, private_bank, private_question
):
    private_bank.shared_with.add(colleague)
    client.force_login(colleague)
    assert client.get(reverse("content:topic_detail", args=[private_bank.slug])).status_code == 200
    assert client.get(reverse("content:topic_edit", args=[private_bank.slug])).status_code == 404
    assert colleague.has_perm(VIEW_TOPIC, private_bank)
    assert not colleague.has_perm(CHANGE_TOPIC, private_bank)
    assert not colleague.has_perm(CHANGE_TOPIC, private_question)
    build = client.get(reverse("interviewer:session_build"), {"search": "volume"})
    assert private_question.text in build.content.decode()


def test_sharing_with_everyone_reaches_every_interviewer_and_no_candidate(
    colleague, candidate, private_bank
):
    private_bank.shared_with_everyone = True
    private_bank.save()
    assert private_bank in Topic.objects.visible_to(colleague)
    assert private_bank not in Topic.objects.visible_to(candidate)


def test_the_session_builder_refuses_a_question_of_a_bank_not_shared(
    client, colleague, private_question
):
    client.force_login(colleague)
    search = client.get(reverse("interviewer:session_build"), {"search": "volume"})
    assert private_question.text not in search.content.decode()
    page = client.post(
        reverse("interviewer:session_build"),
        {"action": "create", "questions": [private_question.pk], "time_mode": "none"},
    )
    assert page.status_code == 200
    assert not private_question.session_items.exists()


def test_owner_and_staff_edit_and_site_banks_are_staff_only(
    author, colleague, django_user_model, private_bank
):
    staff = django_user_model.objects.create_user("sam", "sam@example.com", "pw", is_staff=True)
    site = Topic.objects.create(name="Site", slug="site")
    assert author.has_perm(CHANGE_TOPIC, private_bank)
    assert staff.has_perm(CHANGE_TOPIC, private_bank)
    assert staff.has_perm(CHANGE_TOPIC, site)
    assert not author.has_perm(CHANGE_TOPIC, site)
    assert author.has_perm(VIEW_TOPIC, site)  # a site bank is published and shared


def test_a_candidate_never_sees_an_unpublished_bank(
    client, candidate, private_bank, private_question, make_question
):
    make_question("docker", 1)  # a published site bank beside it
    client.force_login(candidate)
    for url in (reverse("interviews:home"), reverse("interviews:practice_new")):
        page = client.get(url).content.decode()
        assert "Docker" in page
        assert private_bank.name not in page
    assert client.get(reverse("content:topic_detail", args=[private_bank.slug])).status_code == 404
    assert (
        client.get(reverse("content:question_detail", args=[private_question.slug])).status_code
        == 404
    )
    posted = client.post(
        reverse("interviews:practice_new"),
        {"topics": [private_bank.pk], "count": 1, "level": "expert", "time_mode": "none"},
    )
    assert posted.status_code == 200  # the form again, with an error; no session
    assert not private_question.session_items.exists()
    assert client.get(reverse("content:bank_list")).status_code == 403
    assert client.get(reverse("content:topic_new")).status_code == 403


def test_publishing_opens_the_bank_to_candidates_and_visitors(
    client, candidate, private_bank, private_question
):
    private_bank.is_published = True
    private_bank.save()
    assert client.get(reverse("content:topic_detail", args=[private_bank.slug])).status_code == 200
    client.force_login(candidate)
    assert private_bank.name in client.get(reverse("interviews:practice_new")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in_for_authoring(client, private_bank):
    page = client.get(reverse("content:topic_edit", args=[private_bank.slug]))
    assert page.status_code == 302
    assert reverse("login") in page["Location"]


def test_question_querysets_follow_their_topic(author, colleague, private_question):
    assert private_question in Question.objects.editable_by(author)
    assert private_question not in Question.objects.visible_to(colleague)


def test_concepts_of_a_shared_bank_are_read_only_to_others_but_site_banks_stay_open(
    client, colleague, private_bank, private_question, make_question
):
    private_bank.shared_with.add(colleague)
    client.force_login(colleague)
    slug = private_question.slug
    assert client.get(reverse("interviewer:concepts", args=[slug])).status_code == 200
    add = reverse("interviewer:concept_add", args=[slug])
    form = {"new-label": "sneaky", "new-weight": "1", "new-tier": "core"}
    assert client.post(add, form).status_code == 404
    assert not private_question.concepts.filter(label="sneaky").exists()
    site_question = make_question("docker", 1)
    site_add = reverse("interviewer:concept_add", args=[site_question.slug])
    assert client.post(site_add, form).status_code == 302
    assert site_question.concepts.filter(label="sneaky").exists()


def test_the_concept_page_of_a_shared_bank_shows_its_concepts_without_forms_that_would_fail(
    client, author, colleague, private_bank, private_question
):
    """Saving on a read-only page got a bare Page not found, with the typed edit lost."""
    private_bank.shared_with.add(colleague)
    label = private_question.concepts.first().label
    url = reverse("interviewer:concepts", args=[private_question.slug])
    add = reverse("interviewer:concept_add", args=[private_question.slug])
    edit = re.compile(re.escape(url) + r"\d+/")
    client.force_login(colleague)
    body = client.get(url).content.decode()
    assert not edit.search(body) and add not in body
    assert label in body and "read-only" in body
    assert reverse("content:question_copy", args=[private_question.slug]) in body
    client.force_login(author)
    body = client.get(url).content.decode()
    assert edit.search(body) and add in body and "read-only" not in body


def test_an_invited_candidate_sees_their_session_s_questions_and_nothing_else_of_the_bank(
    client, author, candidate, private_bank, private_question
):
    unasked = question_create(
        topic=private_bank,
        author=author,
        state=QuestionState("What is a bind mount?", "It maps a host directory.", ""),
    )
    plan = SessionPlan(
        title="Storage", level="expert", questions=[private_question], candidate_name="Casey"
    )
    session = invited_session_create(interviewer=author, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    session.invite.accepted_at, session.invite.accepted_by = timezone.now(), candidate
    session.invite.save()
    session_play(session, ["A volume keeps data outside the container."])

    client.force_login(candidate)
    pages = [
        reverse("interviews:session_detail", args=[session.pk]),
        reverse("interviews:session_results", args=[session.pk]),
        reverse("interviews:history"),
        reverse("interviews:home"),
        reverse("interviews:practice_new"),
        reverse("content:topic_list"),
    ]
    seen = "".join(client.get(url).content.decode() for url in pages)
    assert private_question.text in seen  # their session's question, on their session's pages
    assert unasked.text not in seen
    for url in (
        reverse("content:topic_detail", args=[private_bank.slug]),
        reverse("content:question_detail", args=[private_question.slug]),
        reverse("content:question_detail", args=[unasked.slug]),
    ):
        assert client.get(url).status_code == 404, url
