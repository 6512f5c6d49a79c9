"""An interviewer exports a bank to Markdown from its page and uploads it back: nothing changes."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from content.models import BankUpload, Question, Topic
from interviews.access import interviewer_grant
from tests.content.formats.conftest import snapshot

BANK = Path(__file__).resolve().parents[2] / "content" / "sources" / "docker.txt"


@pytest.fixture
def interviewer(transactional_db, django_user_model):
    call_command("import_questions", str(BANK), stdout=StringIO())
    user = django_user_model.objects.create_user("ivy", password="x")
    interviewer_grant(user=user)
    # Re-importing into a bank is editing it: the bank is this interviewer's own.
    Topic.objects.filter(slug="docker").update(owner=user)
    return user


def choose_a_one_question_csv(page, login, interviewer, tmp_path) -> None:
    """Log in and choose a CSV of one new question ("pods") on the import page."""
    login(page, interviewer)
    path = tmp_path / "pods.csv"
    path.write_text(
        "question,expert_answer,beginner_answer\nWhat is a pod?,The smallest unit.,A box.\n",
        "utf-8",
    )
    page.goto("/banks/import/")
    page.get_by_label("Bank file").set_input_files(str(path))


def test_export_markdown_then_reimport_through_the_preview_changes_nothing(
    page, login, interviewer, tmp_path
):
    login(page, interviewer)
    page.goto("/topics/docker/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Markdown").click()
    download = download_info.value
    assert download.suggested_filename == "docker.md"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_text(encoding="utf-8").startswith("# Docker\n")
    before = snapshot()

    page.get_by_role("link", name="import a file").click()
    page.get_by_label("Bank file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator("#import-summary")).to_contain_text("0 questions to create, 0 to update")
    expect(page.locator("#import-summary")).to_contain_text("24 left as they are")
    expect(page.locator("#import-nothing")).to_be_visible()
    expect(page.locator("tr.import-unchanged")).to_have_count(24)
    assert snapshot() == before

    # An edited wording: the preview says what will change, and only confirming writes it.
    question = Question.objects.get(topic__slug="docker", position=1)
    path.write_text(
        path.read_text(encoding="utf-8").replace(question.text, question.text + " Briefly.", 1),
        encoding="utf-8",
    )
    page.goto("/banks/import/")
    page.get_by_label("Bank file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator("tr.import-updated")).to_contain_text("updated: wording")
    assert snapshot() == before
    page.get_by_role("button", name="Import: write these changes").click()
    expect(page.locator(".message-success")).to_contain_text("0 questions created, 1 updated")
    assert Question.objects.get(uid=question.uid).text == question.text + " Briefly."
    assert Topic.objects.get(slug="docker").questions.count() == 24


def test_the_import_button_says_it_works_until_the_bank_is_written(
    page, login, interviewer, tmp_path
):
    choose_a_one_question_csv(page, login, interviewer, tmp_path)
    page.get_by_role("button", name="Preview the import").click()
    working = page.locator("#import-working")
    expect(working).to_have_css("opacity", "0")

    # Hold the import's request, as a large bank would, to see the page while it waits.
    held = []
    page.route("**/banks/import/*/", lambda route: held.append(route))
    button = page.get_by_role("button", name="Import: write these changes")
    button.click()
    expect(working).to_have_css("opacity", "1")
    expect(button).to_be_disabled()
    assert not Topic.objects.filter(name="pods").exists()
    held[0].continue_()
    expect(page.locator(".message-success")).to_contain_text(
        "pods: 1 question created, 0 updated, 0 unchanged."
    )
    assert page.url.endswith("/topics/pods/")


def test_the_preview_button_says_it_works_until_the_file_is_read(
    page, login, interviewer, tmp_path
):
    choose_a_one_question_csv(page, login, interviewer, tmp_path)
    working = page.locator("#preview-working")
    expect(working).to_have_css("opacity", "0")

    # Hold the upload, as a large file would take a while to read and compare.
    held = []
    page.route(
        "**/banks/import/",
        lambda route: held.append(route) if route.request.method == "POST" else route.continue_(),
    )
    button = page.get_by_role("button", name="Preview the import")
    button.click()
    expect(working).to_have_css("opacity", "1")
    expect(button).to_be_disabled()
    assert not BankUpload.objects.exists()
    held[0].continue_()
    expect(page.locator("#import-summary")).to_contain_text("1 question to create")
    # The preview is a page of its own: its address is in the location bar.
    upload = BankUpload.objects.get()
    assert page.url.endswith(f"/banks/import/{upload.pk}/")
    assert page.title().startswith("Import preview")


def test_an_upload_refused_for_its_size_shows_the_error_page(page, login, interviewer, tmp_path):
    from django.conf import settings

    login(page, interviewer)
    path = tmp_path / "huge.md"
    path.write_bytes(b"# Huge\n\n" + b"x" * (2 * settings.BANK_UPLOAD_MAX_BYTES + 1))
    page.goto("/banks/import/")
    page.get_by_label("Bank file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    # The server refuses the body before reading it; the page says so instead of staying silent.
    expect(page.get_by_role("heading", name="Request not accepted")).to_be_visible()
    assert not BankUpload.objects.exists()


def test_without_javascript_both_steps_are_plain_form_posts(
    new_context, login, interviewer, tmp_path
):
    page = new_context(java_script_enabled=False).new_page()
    choose_a_one_question_csv(page, login, interviewer, tmp_path)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator("#import-summary")).to_contain_text("1 question to create")
    assert page.url.endswith(f"/banks/import/{BankUpload.objects.get().pk}/")
    page.get_by_role("button", name="Import: write these changes").click()
    expect(page.locator(".message-success")).to_contain_text("pods: 1 question created")
    assert page.url.endswith("/topics/pods/")
