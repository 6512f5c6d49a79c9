"""The authoring pages: create a bank and questions, preview, validation that loses nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from content.forms import (
    DESCRIPTION_LINE_MESSAGE,
    EXPERT_REQUIRED_MESSAGE,
    NUL_MESSAGE,
    STRUCTURE_LINE_MESSAGE,
    TEXT_TAKEN_MESSAGE,
)
from content.models import Concept, Question, Topic
from tests.content.conftest import BEGINNER, EXPERT
from tests.content.formats.conftest import EXTENSIONS, FORMAT_NAMES, command, snapshot

pytestmark = pytest.mark.django_db


def _question_data(**changes):
    return {
        "text": "How do you keep data across container restarts?",
        "expert_answer": EXPERT,
        "beginner_answer": BEGINNER,
        **changes,
    }


def test_an_interviewer_creates_a_private_bank(client, author):
    client.force_login(author)
    page = client.post(
        reverse("content:topic_new"), {"name": "Kubernetes basics", "description": "Pods."}
    )
    topic = Topic.objects.get(name="Kubernetes basics")
    assert page["Location"] == reverse("content:question_new", args=[topic.slug])
    assert topic.owner == author and not topic.is_published and not topic.shared_with_everyone


def test_the_new_bank_form_starts_private(client, author):
    client.force_login(author)
    body = client.get(reverse("content:topic_new")).content.decode()
    assert 'name="shared_with_everyone"' in body and 'name="is_published"' in body
    assert "checked" not in body


def test_a_bank_name_that_would_shadow_a_page_gets_another_address(client, author):
    client.force_login(author)
    client.post(reverse("content:topic_new"), {"name": "New"})
    assert Topic.objects.get(name="New").slug == "new-bank"


def test_sharing_names_unknown_usernames_in_the_field(client, author, private_bank, candidate):
    client.force_login(author)
    page = client.post(
        reverse("content:topic_edit", args=[private_bank.slug]),
        {"name": "Renamed", "share_with": "nobody, casey"},
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "No interviewer has the username nobody, casey." in body  # casey is a candidate
    assert 'value="Renamed"' in body
    private_bank.refresh_from_db()
    assert private_bank.name == "Amy storage drills"


def test_sharing_with_a_colleague_by_username(client, author, colleague, private_bank):
    client.force_login(author)
    client.post(
        reverse("content:topic_edit", args=[private_bank.slug]),
        {"name": private_bank.name, "share_with": "cole", "is_published": "on"},
    )
    private_bank.refresh_from_db()
    assert list(private_bank.shared_with.all()) == [colleague]
    assert private_bank.is_published


def test_saving_a_question_records_a_revision_and_extracts_concepts(client, author, private_bank):
    client.force_login(author)
    page = client.post(reverse("content:question_new", args=[private_bank.slug]), _question_data())
    question = Question.objects.get(topic=private_bank)
    assert page["Location"] == reverse("content:question_edit", args=[question.slug])
    assert question.model_answer("expert").text == EXPERT
    assert question.model_answer("beginner").text == BEGINNER
    assert question.revisions.get().author == author
    labels = set(question.concepts.values_list("label", flat=True))
    assert labels, "concepts were extracted"
    editor = client.get(page["Location"]).content.decode()
    assert all(label in editor for label in labels)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "This field is required."),
        ({"expert_answer": "  \n"}, "expert_answer", EXPERT_REQUIRED_MESSAGE),
        ({"beginner_answer": "bad \x00 byte"}, "beginner_answer", NUL_MESSAGE),
        ({"text": "x" * 2001}, "text", "Ensure this value has at most 2000 characters"),
        # Lines the seed format would read as its own markup, so an export could not read back.
        (
            {"beginner_answer": "Two parts.\r\nExpert Answer\r\nThe second."},
            "beginner_answer",
            STRUCTURE_LINE_MESSAGE.format(line="Expert Answer"),
        ),
        (
            {"expert_answer": EXPERT + "\nPosted on Mar 26, 2025 by the docs team."},
            "expert_answer",
            "The line “Posted on Mar 26, 2025 by the docs team.” reads like",
        ),
        (
            {"beginner_answer": "  Id: 3f2b8c1e-0a4d-4b6e-9f1a-2c3d4e5f6a7b"},
            "beginner_answer",
            "The line “Id: 3f2b8c1e-0a4d-4b6e-9f1a-2c3d4e5f6a7b” reads like",
        ),
        # Not an id, but as the expert answer's last line it would read as a malformed one.
        ({"expert_answer": EXPERT + "\nId: 42"}, "expert_answer", "The line “Id: 42” reads like"),
    ],
)
def test_a_failed_save_names_the_field_and_keeps_what_was_typed(
    client, author, private_bank, changes, field, message
):
    client.force_login(author)
    data = _question_data(**changes)
    page = client.post(reverse("content:question_new", args=[private_bank.slug]), data)
    assert page.status_code == 200
    form = page.context["form"]
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]
    body = page.content.decode()
    assert "Check the fields marked below" in body
    assert "Tip: back up volumes" in body or field == "expert_answer"
    assert BEGINNER in body or field == "beginner_answer"
    assert not Question.objects.filter(topic=private_bank).exists()


@pytest.mark.parametrize(("extra", "saved"), [(0, True), (1, False)])
def test_the_length_limit_counts_an_answer_as_stored_not_as_the_browser_posts_it(
    client, author, private_bank, extra, saved
):
    """A browser posts a textarea's line breaks as CRLF: counted so, an answer saved at the
    limit with line breaks (or imported so) could never be saved again."""
    line = "Volumes keep data when the container is removed and made again."
    lines = [line] * (50_000 // (len(line) + 1))
    stored = "\n".join(lines)
    stored += "x" * (50_000 + extra - len(stored))
    client.force_login(author)
    data = _question_data(expert_answer=stored.replace("\n", "\r\n"))
    page = client.post(reverse("content:question_new", args=[private_bank.slug]), data)
    question = Question.objects.filter(topic=private_bank).first()
    if saved:
        assert page.status_code == 302, page.context["form"].errors
        assert question.model_answer("expert").text == stored
    else:
        assert page.context["form"].errors["expert_answer"] == [
            "Ensure this value has at most 50000 characters (it has 50001)."
        ]
        assert question is None


@pytest.mark.parametrize("field", ["text", "expert_answer", "beginner_answer"])
def test_a_nul_character_gets_one_message(client, author, private_bank, field):
    client.force_login(author)
    data = _question_data(**{field: "Pasted \x00 bytes"})
    page = client.post(reverse("content:question_new", args=[private_bank.slug]), data)
    assert page.context["form"].errors == {field: [NUL_MESSAGE]}
    assert page.content.decode().count("Null characters are not allowed") == 0
    assert not Question.objects.filter(topic=private_bank).exists()


def test_the_same_wording_twice_in_one_bank_is_refused(client, author, private_question):
    client.force_login(author)
    page = client.post(
        reverse("content:question_new", args=[private_question.topic.slug]),
        _question_data(text=private_question.text),
    )
    assert page.context["form"].errors["text"] == [TEXT_TAKEN_MESSAGE]


def test_the_preview_button_renders_without_saving(client, author, private_bank):
    client.force_login(author)
    page = client.post(
        reverse("content:question_new", args=[private_bank.slug]),
        {**_question_data(), "preview": "1"},
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "<li>Named volumes are managed by Docker</li>" in body
    assert "callout-tip" in body
    assert not Question.objects.exists()


def test_the_live_preview_is_the_partial_alone(client, author):
    client.force_login(author)
    page = client.post(reverse("content:preview"), _question_data(), HTTP_HX_REQUEST="true")
    body = page.content.decode()
    assert body.lstrip().startswith('<section id="preview"')
    assert "<li>Bind mounts map a host directory</li>" in body
    assert "<html" not in body


def test_editing_keeps_identity_and_curated_concepts(client, author, private_question):
    pk, slug = private_question.pk, private_question.slug
    curated = Concept.objects.create(
        question=private_question, label="off-host backups", origin="curated", rank=99
    )
    client.force_login(author)
    client.post(
        reverse("content:question_edit", args=[slug]),
        _question_data(text="Where does a Docker volume keep data?"),
    )
    question = Question.objects.get(pk=pk)
    assert (question.slug, question.text) == (slug, "Where does a Docker volume keep data?")
    assert question.revisions.count() == 2
    assert Concept.objects.filter(pk=curated.pk).exists()


def test_saving_unchanged_text_makes_no_revision(client, author, private_question):
    client.force_login(author)
    client.post(
        reverse("content:question_edit", args=[private_question.slug]),
        _question_data(text=private_question.text, expert_answer=EXPERT),
    )
    assert private_question.revisions.count() == 1


def test_a_candidate_cannot_reach_the_editor(client, candidate, private_question):
    client.force_login(candidate)
    page = client.get(reverse("content:question_edit", args=[private_question.slug]))
    assert page.status_code == 403


def test_a_description_is_stored_as_the_bank_files_keep_it(client, author):
    client.force_login(author)
    typed = "  Pods and services.\r\n\r\n  Deployments too.  \r\n"
    client.post(reverse("content:topic_new"), {"name": "Kubernetes", "description": typed})
    assert (
        Topic.objects.get(name="Kubernetes").description == "Pods and services.\nDeployments too."
    )


def test_a_description_line_the_bank_files_use_as_a_marker_is_refused(client, author):
    client.force_login(author)
    typed = "About pods.\r\nQuestions\r\n"
    page = client.post(reverse("content:topic_new"), {"name": "Kubernetes", "description": typed})
    assert page.status_code == 200 and not Topic.objects.exists()
    assert page.context["form"].errors["description"] == [
        DESCRIPTION_LINE_MESSAGE.format(line="Questions")
    ]


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_bank_written_in_the_browser_round_trips_in_every_format(
    client, author, private_bank, private_question, tmp_path, format_name
):
    client.force_login(author)
    topic_url = reverse("content:topic_edit", args=[private_bank.slug])
    client.post(topic_url, {"name": private_bank.name, "description": "Volumes.\r\nMounts."})
    url = reverse("content:question_new", args=[private_bank.slug])
    client.post(url, _question_data(text="What is a bind mount?\r\nGive an example."))
    client.post(url, _question_data(text="Why tmpfs?", expert_answer="Memory.\r\n\r\n  $ ls"))
    path = tmp_path / f"{private_bank.slug}{EXTENSIONS[format_name]}"
    command("export_bank", private_bank.slug, "--format", format_name, "--output", str(path))
    before = snapshot()
    out, _ = command("import_questions", str(path))
    assert "3 questions: 0 created, 0 updated, 3 unchanged" in out
    assert "No changes" in out and snapshot() == before


@pytest.mark.parametrize("name", ["Контейнеры", "日本語の質問", "!!!"])
@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_bank_named_without_latin_letters_round_trips_by_upload_and_command(
    client, author, private_bank, private_question, tmp_path, name, format_name
):
    """The New bank form takes any name (its address falls back to "bank"); the bank's own
    exports then read back into it, uploaded or by command."""
    client.force_login(author)
    client.post(reverse("content:topic_edit", args=[private_bank.slug]), {"name": name})
    export = reverse("content:bank_export", args=[private_bank.slug, format_name])
    data = client.get(export).content
    name_of_file = f"{private_bank.slug}{EXTENSIONS[format_name]}"
    before = snapshot()
    preview = client.post(
        "/banks/import/", {"file": SimpleUploadedFile(name_of_file, data)}, follow=True
    )
    assert "Nothing to change" in preview.content.decode()
    path = tmp_path / name_of_file
    path.write_bytes(data)
    out, _ = command("import_questions", str(path))
    assert "1 question: 0 created, 0 updated, 1 unchanged" in out
    assert snapshot() == before


def test_a_question_typed_on_two_lines_is_stored_on_one_and_round_trips_as_seed_text(
    client, author, private_bank, private_question, tmp_path
):
    client.force_login(author)
    url = reverse("content:question_new", args=[private_bank.slug])
    client.post(url, _question_data(text="What is a bind mount?\r\nGive an example."))
    written = Question.objects.get(text="What is a bind mount? Give an example.")
    # Dated the day it was written: the seed format writes every answer with its date.
    assert {answer.posted_on for answer in written.model_answers.all()} == {timezone.localdate()}
    # The seed format reads the line before 'Expert Answer' as the question: on two lines, the
    # first would have gone into the answer above it.
    path = tmp_path / f"{private_bank.slug}.txt"
    command("export_bank", private_bank.slug, "--output", str(path))
    before = snapshot()
    out, _ = command("import_questions", str(path))
    assert "No changes" in out and snapshot() == before
