"""A bank upload changes only banks its uploader may edit: never a site bank, nor another
interviewer's, through its name, its address, or a question's id or wording that the file shares
with it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from content.importer import question_slug
from content.models import Question
from interviews.access import interviewer_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def mallory(make_interviewer):
    return make_interviewer("mallory")


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


@pytest.mark.parametrize(
    ("file_name", "fields"),
    [("x.csv", {"topic_name": "acme hiring plan q3"}), ("acme-hiring-plan-q3.csv", {})],
    ids=["by name", "by address"],
)
def test_an_upload_naming_a_private_bank_does_not_learn_its_name(
    client, mallory, django_user_model, file_name, fields
):
    """Someone else's bank is no candidate, by name nor by address: the file makes a bank of the
    uploader's own, and the page shows only the file's own name for it."""
    from content.authoring import topic_create
    from content.models import Topic

    colleague = django_user_model.objects.create_user("colin", password="x")
    interviewer_grant(user=colleague)
    secret = topic_create(owner=colleague, name="Acme: Hiring Plan (Q3)")
    client.force_login(mallory)
    data = b"question,expert_answer,beginner_answer\nWhat is an image?,Layers.,Layers.\n"
    response = client.post(
        "/banks/import/", {"file": SimpleUploadedFile(file_name, data), **fields}
    )
    preview = client.get(response["Location"]).content.decode()
    confirm = client.post(response["Location"])

    assert "(a new bank, private to you)" in preview
    assert "Hiring Plan (Q3)" not in preview
    mine = Topic.objects.get(owner=mallory)
    assert confirm["Location"] == mine.get_absolute_url() != secret.get_absolute_url()
    assert "Hiring Plan (Q3)" not in client.get(confirm["Location"]).content.decode()
    assert list(mine.questions.values_list("text", flat=True)) == ["What is an image?"]
    secret.refresh_from_db()
    assert (secret.owner, secret.name, secret.questions.count()) == (
        colleague,
        "Acme: Hiring Plan (Q3)",
        0,
    )


def test_a_bank_created_while_an_upload_is_confirmed_stays_its_owner_s(
    client, mallory, django_user_model, monkeypatch
):
    """The preview saw no bank of that name; by the time the import writes, colleagues have made
    one (after the preview, and while the import runs). Neither is filled or handed over: the
    upload makes a bank of its uploader's own, at an address of its own."""
    from content import importer
    from content.authoring import topic_create
    from content.models import Topic

    colleagues = []
    for name in ("colin", "cleo"):
        colleague = django_user_model.objects.create_user(name, password="x")
        interviewer_grant(user=colleague)
        colleagues.append(colleague)
    client.force_login(mallory)
    data = b"question,expert_answer,beginner_answer\nWhat is an image?,Layers.,Layers.\n"
    response = client.post(
        "/banks/import/", {"file": SimpleUploadedFile("race.csv", data), "topic_name": "Race"}
    )
    assert "(a new bank, private to you)" in client.get(response["Location"]).content.decode()
    banks = [topic_create(owner=colleagues[0], name="Race")]
    find = importer.upload_bank_find

    def found_just_before_another_bank_was_made(**arguments):
        bank = find(**arguments)
        banks.append(topic_create(owner=colleagues[1], name="Race"))
        return bank

    monkeypatch.setattr(importer, "upload_bank_find", found_just_before_another_bank_was_made)
    confirm = client.post(response["Location"])

    mine = Topic.objects.get(owner=mallory)
    assert confirm["Location"] == mine.get_absolute_url()
    assert mine.slug not in {bank.slug for bank in banks}
    assert list(mine.questions.values_list("text", flat=True)) == ["What is an image?"]
    for bank, colleague in zip(banks, colleagues, strict=True):
        bank.refresh_from_db()
        assert bank.owner == colleague
        assert not bank.questions.exists()
