"""An upload goes into the bank its uploader owns by the file's topic name, whatever its address.

A bank's address (slug) is made once and kept by renames, and two interviewers may each have a
bank of one name; so the name, among what the uploader owns, is the bank's identity. Staff reach
the site banks the same way; a CSV file, which has no topic line, falls back to its file name as
an export's address.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.authoring import question_create, topic_create, topic_update
from content.formats import export_name
from content.models import Question, Topic
from content.revisions import QuestionState
from tests.content.formats.conftest import FORMAT_NAMES, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def ivy(make_interviewer):
    return make_interviewer("ivy")


@pytest.fixture
def otto(make_interviewer):
    return make_interviewer("otto")


def bank_make(owner, name: str, question: str, *, slug: str | None = None) -> Topic:
    bank = topic_create(owner=owner, name=name, description=f"{name} drills.")
    if slug is not None:
        bank.slug = slug
        bank.save()
    state = QuestionState(question, f"An expert answer about {question}", "A beginner answer.")
    question_create(topic=bank, author=owner, state=state)
    return bank


def export(client, bank: Topic, format_name: str) -> tuple[str, bytes]:
    response = client.get(reverse("content:bank_export", args=[bank.slug, format_name]))
    assert response.status_code == 200
    return export_name(bank.slug, format_name), response.content


def upload(client, name: str, data: bytes, **fields) -> str:
    """Upload a file; return its preview's address."""
    response = client.post("/banks/import/", {"file": SimpleUploadedFile(name, data), **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def round_trip(client, bank: Topic, format_name: str):
    """Export the bank, upload the file back; return (preview page, confirm response)."""
    preview_url = upload(client, *export(client, bank, format_name))
    preview = client.get(preview_url)
    return preview, client.post(preview_url)


def assert_nothing_changes(client, bank: Topic, format_name: str) -> None:
    before = snapshot()
    preview, confirm = round_trip(client, bank, format_name)
    page = " ".join(preview.content.decode().split())
    assert f"Topic “{bank.name}”:" in page
    assert "<strong>0</strong> questions to create, <strong>0</strong> to update" in page
    assert f'<a href="{bank.get_absolute_url()}">Back to the topic</a>' in page
    assert confirm["Location"] == bank.get_absolute_url()
    assert snapshot() == before


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_two_banks_once_of_one_name_each_take_back_their_own_export(client, ivy, format_name):
    # The second of two "Kubernetes" banks, as the names migration renamed it: its address is
    # still the one it got as the second "Kubernetes".
    first = bank_make(ivy, "Kubernetes", "What is a pod?")
    second = bank_make(ivy, "Kubernetes (2)", "What is a node?", slug="kubernetes-3f2a1b")
    client.force_login(ivy)
    assert_nothing_changes(client, second, format_name)
    assert_nothing_changes(client, first, format_name)
    assert list(second.questions.values_list("text", flat=True)) == ["What is a node?"]
    assert Topic.objects.count() == 2


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_renamed_bank_takes_back_its_export(client, ivy, format_name):
    bank = bank_make(ivy, "Kubernetes", "What is a pod?")
    topic_update(topic=bank, name="K8s")  # its address stays /bank/kubernetes/
    client.force_login(ivy)
    assert_nothing_changes(client, bank, format_name)  # CSV: by the file name, the address
    assert Topic.objects.count() == 1


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_interviewers_with_a_private_bank_of_one_name_each_import_their_own(
    client, ivy, otto, format_name
):
    ivys = bank_make(ivy, "Kubernetes", "What is a pod?")
    ottos = bank_make(otto, "Kubernetes", "What is a deployment?")
    assert ottos.slug != ivys.slug
    client.force_login(otto)
    assert_nothing_changes(client, ottos, format_name)
    client.force_login(ivy)
    assert_nothing_changes(client, ivys, format_name)


def test_an_edited_export_of_a_renamed_bank_updates_it_in_place(client, ivy):
    bank = bank_make(ivy, "Kubernetes", "What is a pod?")
    topic_update(topic=bank, name="K8s")
    client.force_login(ivy)
    name, data = export(client, bank, "markdown")
    data = data.replace(b"What is a pod?", b"What is a pod, exactly?")
    preview_url = upload(client, name, data)
    assert client.post(preview_url)["Location"] == "/topics/kubernetes/"
    assert list(bank.questions.values_list("text", flat=True)) == ["What is a pod, exactly?"]
    assert Topic.objects.count() == 1


def test_the_name_is_matched_in_any_case_and_the_file_s_spelling_is_kept(client, ivy):
    bank = bank_make(ivy, "K8s", "What is a pod?", slug="kubernetes")
    client.force_login(ivy)
    name, data = export(client, bank, "seed")
    preview_url = upload(client, "other.txt", data.replace(b"K8s\n", b" k8S \n", 1))
    assert "The topic’s name or description changes" in client.get(preview_url).content.decode()
    client.post(preview_url)
    bank.refresh_from_db()
    assert bank.name == "k8S" and Topic.objects.count() == 1


def test_a_csv_topic_typed_in_the_form_is_a_name_not_an_address(client, ivy):
    bank = bank_make(ivy, "K8s", "What is a pod?", slug="kubernetes")
    client.force_login(ivy)
    data = b"question,expert_answer,beginner_answer\nWhat is a service?,A name.,A name.\n"
    preview_url = upload(client, "x.csv", data, topic_name="kubernetes")
    assert "(a new bank, private to you)" in client.get(preview_url).content.decode()
    client.post(preview_url)
    new = Topic.objects.get(name="kubernetes")
    assert new.owner == ivy and new.pk != bank.pk and bank.questions.count() == 1


def test_an_upload_of_a_name_only_someone_else_has_makes_a_new_private_bank(client, ivy, otto):
    ottos = bank_make(otto, "Kubernetes", "What is a deployment?")
    before = snapshot()
    client.force_login(ivy)
    data = b"Kubernetes\nMine.\nQuestions\nWhat is a pod?\nExpert Answer\nPosted on Jan 5, 2025A box.\n"
    preview_url = upload(client, "kubernetes.txt", data)
    page = client.get(preview_url).content.decode()
    assert "Topic “Kubernetes” (a new bank, private to you)" in page
    assert snapshot() == before
    confirm = client.post(preview_url)
    mine = Topic.objects.get(owner=ivy)
    assert confirm["Location"] == mine.get_absolute_url() != ottos.get_absolute_url()
    assert (mine.name, mine.is_published, mine.shared_with_everyone) == ("Kubernetes", False, False)
    assert list(ottos.questions.values_list("text", flat=True)) == ["What is a deployment?"]


def test_a_new_bank_named_like_a_page_gets_another_address(client, ivy):
    client.force_login(ivy)
    data = b"# New\n\n## What?\n\n### Expert answer\n\nA\n"
    client.post(upload(client, "bank.md", data))
    bank = Topic.objects.get(name="New")
    assert bank.slug == "new-bank" and bank.owner == ivy


def test_staff_import_into_their_own_bank_first_then_the_site_bank(client, admin_user):
    site = Topic.objects.create(name="Docker", slug="docker")
    Question.objects.create(topic=site, text="What is an image?", slug="image", position=1)
    client.force_login(admin_user)
    data = b"question,expert_answer,beginner_answer\nWhat is a layer?,A diff.,A diff.\n"
    client.post(upload(client, "x.csv", data, topic_name="docker"))
    assert set(site.questions.values_list("text", flat=True)) == {
        "What is an image?",
        "What is a layer?",
    }
    own = topic_create(owner=admin_user, name="DOCKER")
    data = b"question,expert_answer,beginner_answer\nWhat is a volume?,Data.,Data.\n"
    client.post(upload(client, "x.csv", data, topic_name="Docker"))
    assert list(own.questions.values_list("text", flat=True)) == ["What is a volume?"]


def test_site_banks_sharing_a_name_are_named_to_staff_and_nothing_is_written(
    client, admin_user, ivy
):
    Topic.objects.create(name="Docker", slug="docker")
    # Left behind by a deleted account: its bank became a site bank.
    Topic.objects.create(name="docker", slug="docker-5e6f7a")
    before = snapshot()
    data = b"question,expert_answer,beginner_answer\nWhat is a layer?,A diff.,A diff.\n"
    client.force_login(admin_user)
    preview_url = upload(client, "x.csv", data, topic_name="Docker")
    page = client.get(preview_url).content.decode()
    assert "expected one bank named &#x27;Docker&#x27;, but 2 banks you may change" in page
    assert "/bank/docker/" in page and "/bank/docker-5e6f7a/" in page
    assert client.post(preview_url).status_code == 200
    assert snapshot() == before
    # An interviewer, who may not change site banks, simply gets a bank of their own.
    client.force_login(ivy)
    client.post(upload(client, "x.csv", data, topic_name="Docker"))
    assert Topic.objects.get(owner=ivy).name == "Docker"
