"""`export_bank TOPIC`: a bank's slug, else its exact name; a name several banks share is refused."""

import pytest
from django.core.management import CommandError

from content.authoring import question_create, topic_create
from content.banks import AMBIGUOUS_EXPORT
from content.models import Topic
from content.revisions import QuestionState
from tests.content.formats.conftest import command

pytestmark = pytest.mark.django_db


def bank_with(owner, name: str, question: str, *, slug: str | None = None) -> Topic:
    if owner is None:
        bank = Topic.objects.create(name=name, slug=slug)
    else:
        bank = topic_create(owner=owner, name=name)
    question_create(topic=bank, author=owner, state=QuestionState(question, "An answer.", ""))
    return bank


def exported(topic: str, tmp_path) -> str:
    path = tmp_path / "out.txt"
    command("export_bank", topic, "--output", str(path))
    return path.read_text(encoding="utf-8")


def test_a_name_two_owners_share_is_refused_saying_how_to_pick_one(tmp_path, make_interviewer):
    ivy = make_interviewer("ivy")
    site = bank_with(None, "Kubernetes", "What is a node?", slug="kubernetes")
    ivys = bank_with(ivy, "Kubernetes", "What is a pod?")
    path = tmp_path / "out.txt"

    with pytest.raises(CommandError) as caught:
        command("export_bank", "Kubernetes", "--output", str(path))

    banks = f"{site.slug} (a site bank), {ivys.slug} (ivy's)"
    assert str(caught.value) == AMBIGUOUS_EXPORT.format(
        name="Kubernetes", count=2, banks=banks, slug=site.slug
    )
    assert "by its slug" in str(caught.value)
    assert not path.exists()
    assert "What is a pod?" in exported(ivys.slug, tmp_path)
    assert "What is a node?" in exported(site.slug, tmp_path)


def test_a_slug_comes_before_an_exact_name(tmp_path, make_interviewer):
    at_the_address = bank_with(None, "K8s", "What is a node?", slug="kubernetes")
    named = bank_with(make_interviewer("ivy"), "kubernetes", "What is a pod?")
    assert named.slug != "kubernetes"
    assert "What is a node?" in exported("kubernetes", tmp_path)  # the slug, not the name
    assert "What is a pod?" in exported(named.slug, tmp_path)
    assert "What is a node?" in exported(at_the_address.name, tmp_path)


def test_a_name_is_matched_exactly(tmp_path):
    bank_with(None, "Container Basics", "What is an image?", slug="basics")
    with pytest.raises(CommandError, match="No topic with the slug or name 'container basics'"):
        command("export_bank", "container basics", "--output", str(tmp_path / "out.txt"))


def test_the_summary_counts_in_the_singular_and_the_plural(tmp_path):
    bank = bank_with(None, "Kubernetes", "What is a node?", slug="kubernetes")
    path = tmp_path / "out.txt"
    out, _ = command("export_bank", "kubernetes", "--output", str(path))
    assert out == f"Wrote 1 question of Kubernetes to {path}.\n"
    question_create(topic=bank, author=None, state=QuestionState("What is a pod?", "A unit.", ""))
    out, _ = command("export_bank", "kubernetes", "--output", str(path))
    assert out == f"Wrote 2 questions of Kubernetes to {path}.\n"
