"""`import_questions` acts for the site: it finds a bank by name in any case, then by address."""

import pytest
from django.core.management import CommandError

from content.authoring import question_create, topic_create, topic_update
from content.banks import AMBIGUOUS_COMMAND
from content.models import Topic
from content.revisions import QuestionState
from tests.content.formats.conftest import EXTENSIONS, FORMAT_NAMES, command, snapshot

pytestmark = pytest.mark.django_db

SEED = (
    "{topic}\nOrchestration.\nQuestions\nWhat is a node?\nExpert Answer\n"
    "Posted on Jan 5, 2025A worker machine.\n"
)


@pytest.fixture
def ivy(make_interviewer):
    return make_interviewer("ivy")


def seed_file(tmp_path, topic: str) -> str:
    path = tmp_path / "bank.txt"
    path.write_text(SEED.format(topic=topic), encoding="utf-8")
    return str(path)


def test_a_name_in_any_case_comes_before_an_address_then_the_address(tmp_path):
    at_the_address = Topic.objects.create(name="K8s", slug="kubernetes")
    named = Topic.objects.create(name="Kubernetes", slug="kubernetes-3f2a1b")
    command("import_questions", seed_file(tmp_path, "KUBERNETES"))
    assert list(named.questions.values_list("text", flat=True)) == ["What is a node?"]
    assert not at_the_address.questions.exists()
    named.refresh_from_db()
    assert named.name == "KUBERNETES"  # the file's spelling, as a seed file names its topic
    # A name no bank has: the bank at its address (a rename keeps the address).
    renamed = Topic.objects.create(name="Charts", slug="helm")
    command("import_questions", seed_file(tmp_path, "Helm"))
    assert renamed.questions.count() == 1 and Topic.objects.count() == 3


def test_a_name_two_banks_share_is_refused_naming_their_slugs(tmp_path, ivy):
    site = Topic.objects.create(name="Kubernetes", slug="kubernetes")
    ivys = topic_create(owner=ivy, name="kubernetes")
    before = snapshot()
    with pytest.raises(CommandError) as caught:
        command("import_questions", seed_file(tmp_path, "Kubernetes"))
    message = str(caught.value)
    assert (
        AMBIGUOUS_COMMAND.format(name="Kubernetes", count=2, slugs=f"{site.slug}, {ivys.slug}")
        in message
    )
    assert "line 1" in message and "Nothing was imported" in message
    assert snapshot() == before


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_an_export_of_a_renamed_bank_imports_back_unchanged(tmp_path, ivy, format_name):
    bank = topic_create(owner=ivy, name="Kubernetes", description="Pods.")
    state = QuestionState("What is a pod?", "The smallest unit.", "A box.")
    question_create(topic=bank, author=ivy, state=state)
    topic_update(topic=bank, name="K8s")
    path = tmp_path / f"{bank.slug}{EXTENSIONS[format_name]}"
    command("export_bank", bank.slug, "--format", format_name, "--output", str(path))
    before = snapshot()
    out, _ = command("import_questions", str(path))
    assert "No changes" in out
    assert snapshot() == before


@pytest.mark.parametrize("name", ["!!!", "Контейнеры"])
def test_a_new_site_bank_needs_a_name_its_address_can_be_made_of(tmp_path, name):
    with pytest.raises(
        CommandError, match="line 1: expected a topic name with a letter or a digit"
    ):
        command("import_questions", seed_file(tmp_path, name))
    assert not Topic.objects.exists()


def test_two_files_of_one_name_without_latin_letters_are_refused_as_one_topic(tmp_path, ivy):
    first = tmp_path / "a.txt"
    first.write_text(SEED.format(topic="Контейнеры"), encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text(SEED.format(topic="контейнеры").replace("node", "pod"), encoding="utf-8")
    with pytest.raises(CommandError, match="expected one document per topic"):
        command("import_questions", str(first), str(second))
