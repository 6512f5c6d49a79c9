"""A bank upload changes only banks its uploader may edit: never a site bank, nor another
interviewer's, through a question's id or wording that the file shares with it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from content.importer import question_slug
from content.models import Question
from interviews.access import interviewer_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def mallory(django_user_model):
    user = django_user_model.objects.create_user("mallory", password="x")
    interviewer_grant(user=user)
    return user


def _import(client, document: dict):
    data = json.dumps(document).encode()
    response = client.post("/banks/import/", {"file": SimpleUploadedFile("mine.json", data)})
    assert response.status_code == 302, response.content.decode()[:2000]
    preview = client.get(response["Location"])
    confirm = client.post(response["Location"])
    return preview, confirm


@pytest.mark.parametrize("matched_by", ["id", "wording"])
def test_an_upload_cannot_take_over_a_question_of_a_site_bank(
    client, mallory, make_question, matched_by
):
    site_question = make_question("docker", 1)
    # As every imported or written question is named: by its wording.
    site_question.slug = question_slug(site_question.text)
    site_question.save()
    client.force_login(mallory)
    exported = json.loads(client.get("/topics/docker/export/json/").content)
    victim = Question.objects.get(uid=exported["questions"][0]["id"])
    before = (victim.topic_id, victim.text, victim.model_answer("expert").text)
    question = dict(exported["questions"][0])
    question["expert"] = {**question["expert"], "text": "Rewritten by someone else."}
    if matched_by == "wording":
        question.pop("id")
    document = {**exported, "topic": {"name": "Mallory's bank"}, "questions": [question]}

    preview, confirm = _import(client, document)

    victim.refresh_from_db()
    assert (victim.topic_id, victim.text, victim.model_answer("expert").text) == before
    assert "another bank" in preview.content.decode()
    assert confirm.status_code == 200


def test_an_upload_cannot_rewrite_a_bank_only_shared_with_its_uploader(
    client, mallory, django_user_model
):
    from content.authoring import question_create, topic_create
    from content.revisions import QuestionState

    colleague = django_user_model.objects.create_user("colin", password="x")
    interviewer_grant(user=colleague)
    bank = topic_create(owner=colleague, name="Colin's bank", shared_with=[mallory])
    state = QuestionState("What does a volume keep?", "A volume keeps data.", "")
    victim = question_create(topic=bank, author=colleague, state=state)
    client.force_login(mallory)
    exported = json.loads(client.get(f"/topics/{bank.slug}/export/json/").content)
    exported["questions"][0]["expert"]["text"] = "Rewritten by someone else."
    document = {**exported, "topic": {"name": "Mallory's bank"}}

    preview, _ = _import(client, document)

    victim.refresh_from_db()
    assert victim.topic_id == bank.pk
    assert victim.model_answer("expert").text == "A volume keeps data."
    assert "another bank" in preview.content.decode()


def test_an_upload_naming_a_private_bank_does_not_learn_its_name(
    client, mallory, django_user_model
):
    from content.authoring import topic_create

    colleague = django_user_model.objects.create_user("colin", password="x")
    interviewer_grant(user=colleague)
    topic_create(owner=colleague, name="Acme: Hiring Plan (Q3)")
    client.force_login(mallory)
    data = b"question,expert_answer,beginner_answer\nWhat is an image?,Layers.,Layers.\n"
    response = client.post(
        "/banks/import/",
        {"file": SimpleUploadedFile("x.csv", data), "topic_name": "acme hiring plan q3"},
    )
    preview = client.get(response["Location"]).content.decode()

    assert "not yours to change" in preview
    assert "Hiring Plan (Q3)" not in preview


def test_a_bank_created_while_an_upload_is_confirmed_stays_its_owner_s(
    client, mallory, django_user_model, monkeypatch
):
    """The page's early check saw no bank of that name; by the time the import writes, a
    colleague has made one. The import itself must refuse it, not fill it and hand it over."""
    from content.authoring import topic_create
    from content.models import Topic
    from content.views import transfer

    colleague = django_user_model.objects.create_user("colin", password="x")
    interviewer_grant(user=colleague)
    client.force_login(mallory)
    data = b"question,expert_answer,beginner_answer\nWhat is an image?,Layers.,Layers.\n"
    response = client.post(
        "/banks/import/", {"file": SimpleUploadedFile("x.csv", data), "topic_name": "Race"}
    )
    bank = topic_create(owner=colleague, name="Race")

    class BeforeTheBankExisted:
        class objects:  # noqa: N801 - stands in for the manager the view reads
            @staticmethod
            def filter(**lookups):
                return Topic.objects.filter(**lookups).exclude(pk=bank.pk)

            get = staticmethod(Topic.objects.get)

    monkeypatch.setattr(transfer, "Topic", BeforeTheBankExisted)
    confirm = client.post(response["Location"])

    bank.refresh_from_db()
    assert bank.owner == colleague
    assert not bank.questions.exists()
    assert confirm.status_code == 200
    assert "not yours" in confirm.content.decode()
