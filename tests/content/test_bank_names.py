"""A bank's name is unique among its owner's banks, in any case: files find their bank by it."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from content.authoring import topic_create
from content.banks import NAME_TAKEN_OWNER, NAME_TAKEN_SITE, NAME_TAKEN_YOURS
from content.copying import topic_copy
from content.models import Topic

pytestmark = pytest.mark.django_db


def _errors(response) -> list[str]:
    return response.context["form"].errors.get("name", [])


def test_a_new_bank_cannot_take_a_name_its_author_already_has_in_any_case(
    client, author, colleague
):
    topic_create(owner=author, name="Kubernetes")
    client.force_login(author)
    page = client.post(reverse("content:topic_new"), {"name": "  kubernetes "})
    assert page.status_code == 200
    assert _errors(page) == [NAME_TAKEN_YOURS.format(name="Kubernetes")]
    assert Topic.objects.filter(owner=author).count() == 1
    # Another interviewer's banks are another namespace.
    client.force_login(colleague)
    client.post(reverse("content:topic_new"), {"name": "Kubernetes"})
    assert Topic.objects.filter(owner=colleague, name="Kubernetes").exists()


def test_renaming_into_a_name_of_another_own_bank_is_refused(client, author):
    topic_create(owner=author, name="Kubernetes")
    helm = topic_create(owner=author, name="Helm")
    client.force_login(author)
    url = reverse("content:topic_edit", args=[helm.slug])
    page = client.post(url, {"name": "KUBERNETES"})
    assert _errors(page) == [NAME_TAKEN_YOURS.format(name="Kubernetes")]
    helm.refresh_from_db()
    assert helm.name == "Helm"
    # Its own name in another case, or another description, is fine.
    assert client.post(url, {"name": "HELM", "description": "Charts."}).status_code == 302
    helm.refresh_from_db()
    assert (helm.name, helm.description) == ("HELM", "Charts.")


def test_staff_cannot_give_a_site_bank_the_name_of_another_site_bank(
    client, admin_user, author, docker_topic
):
    other = Topic.objects.create(name="Containers", slug="containers")
    topic_create(owner=author, name="Registry")
    client.force_login(admin_user)
    url = reverse("content:topic_edit", args=[other.slug])
    page = client.post(url, {"name": "docker", "shared_with_everyone": "on"})
    assert _errors(page) == [NAME_TAKEN_SITE.format(name="Docker")]
    # An interviewer's bank of that name is no conflict for a site bank...
    assert client.post(url, {"name": "Registry"}).status_code == 302
    # ...but is one for that interviewer's other banks, whoever renames them.
    amy_bank = topic_create(owner=author, name="Amy's")
    page = client.post(reverse("content:topic_edit", args=[amy_bank.slug]), {"name": "registry"})
    assert _errors(page) == [NAME_TAKEN_OWNER.format(owner=author.username, name="Registry")]


def test_copies_are_numbered_when_the_owner_has_the_name_already(make_question, colleague, author):
    source = make_question("docker", 1).topic
    names = [topic_copy(topic=source, owner=colleague).name for _ in range(3)]
    assert names == ["Docker (copy)", "Docker (copy 2)", "Docker (copy 3)"]
    # Copied by someone else, it starts again at "(copy)".
    assert topic_copy(topic=source, owner=author).name == "Docker (copy)"


def test_a_copy_of_a_bank_with_a_name_at_the_column_limit_fits(make_question, colleague):
    source = make_question("docker", 1).topic
    source.name = "D" * 200
    source.save()
    first, second = (
        topic_copy(topic=source, owner=colleague),
        topic_copy(topic=source, owner=colleague),
    )
    assert first.name == "D" * 193 + " (copy)"
    assert second.name == "D" * 191 + " (copy 2)"


def test_the_database_refuses_two_banks_of_one_owner_with_one_name(author, docker_topic):
    mine = topic_create(owner=author, name="docker")
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.create(owner=author, name="DOCKER", slug="docker-2")
    # Not site banks: deleting an account makes its banks site banks, and must not fail for a
    # name (the forms keep site banks apart, and an upload names the ones that share it).
    author.delete()
    mine.refresh_from_db()
    assert mine.owner is None and mine.name == "docker"
