"""Question history: revisions with who and when, diffs in the page, restoring."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from config.time_zone import TIME_ZONE_COOKIE
from content.authoring import (
    RESTORE_WORDING_TAKEN,
    question_create,
    question_update,
    revision_restore,
)
from content.revisions import NOTE_IMPORTED, DiffLine, QuestionState, text_diff

pytestmark = pytest.mark.django_db


def test_text_diff_marks_added_and_removed_lines():
    lines = text_diff("one\ntwo\nthree", "one\n2\nthree")
    assert DiffLine("removed", "-two") in lines
    assert DiffLine("added", "+2") in lines
    assert lines[0].kind == "hunk"
    assert not any(line.text.startswith(("---", "+++")) for line in lines)


def test_the_first_edit_of_an_imported_question_keeps_its_imported_state(make_question, author):
    question = make_question("docker", 1)
    before = question.text
    assert question_update(
        question=question, author=author, state=QuestionState("New wording?", "Expert.", "")
    )
    first, second = question.revisions.order_by("number")
    assert (first.number, first.author, first.note, first.text) == (1, None, NOTE_IMPORTED, before)
    assert (second.number, second.author, second.text) == (2, author, "New wording?")
    assert question.model_answer("beginner") is None  # an emptied answer is removed


def test_history_page_shows_who_and_the_diff_and_restore_brings_text_back(
    client, author, private_question
):
    pk, old = private_question.pk, private_question.text
    question_update(
        question=private_question,
        author=author,
        state=QuestionState("What is a Docker volume for?", "Changed expert.", "Changed."),
    )
    client.force_login(author)
    history = client.get(reverse("content:question_history", args=[private_question.slug]))
    body = history.content.decode()
    assert "Revision 2 (current)" in body and "by amy" in body
    assert f'<span class="diff-removed">-{old}</span>' in body
    assert '<span class="diff-added">+What is a Docker volume for?</span>' in body
    restore = reverse("content:revision_restore", args=[private_question.slug, 1])
    assert client.post(restore).status_code == 302
    private_question.refresh_from_db()
    assert (private_question.pk, private_question.text) == (pk, old)
    latest = private_question.revisions.first()
    assert (latest.number, latest.note, latest.author) == (3, "Restored revision 1", author)
    assert private_question.model_answer("beginner").text.startswith("A volume keeps")


def test_restoring_the_current_revision_changes_nothing(author, private_question):
    assert not revision_restore(revision=private_question.revisions.get(), author=author)
    assert private_question.revisions.count() == 1


def test_restore_is_post_only_and_owner_only(client, author, colleague, private_question):
    url = reverse("content:revision_restore", args=[private_question.slug, 1])
    client.force_login(author)
    assert client.get(url).status_code == 405
    client.force_login(colleague)
    assert client.post(url).status_code == 404


def test_restoring_a_wording_another_question_of_the_bank_took_since_is_refused(
    client, author, private_bank, private_question
):
    """One bank holds a wording once, as the editor has it: its export could not be read back."""
    old = private_question.text
    question_update(
        question=private_question, author=author, state=QuestionState("Reworded?", "An answer.")
    )
    other = question_create(
        topic=private_bank, author=author, state=QuestionState(old, "Another answer.")
    )
    client.force_login(author)
    restore = reverse("content:revision_restore", args=[private_question.slug, 1])
    page = client.post(restore, follow=True).content.decode()
    assert RESTORE_WORDING_TAKEN.format(number=1) in page
    private_question.refresh_from_db()
    assert private_question.text == "Reworded?" and private_question.revisions.count() == 2
    assert other.text == old


def test_history_says_an_author_s_account_was_deleted_and_keeps_the_importer_for_imports(
    client, make_question, author, django_user_model
):
    question = make_question("docker", 1)  # imported: no history yet
    question_update(
        question=question, author=author, state=QuestionState("New wording?", "Expert.", "")
    )
    author.delete()
    first, second = question.revisions.order_by("number")
    assert (first.author, first.author_deleted) == (None, False)
    assert (second.author, second.author_deleted) == (None, True)

    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    body = client.get(reverse("content:question_history", args=[question.slug])).content.decode()
    assert "Edited by a deleted user," in body
    assert f"{NOTE_IMPORTED} by the importer," in body
    assert body.count("by the importer") == 1


def test_history_shows_when_in_the_readers_zone(client, author, private_question):
    edited = dt.datetime(2026, 5, 12, 23, 30, tzinfo=dt.UTC)  # 01:30 on 13 May in Berlin
    with time_machine.travel(edited, tick=False):
        question_update(
            question=private_question,
            author=author,
            state=QuestionState("What is a Docker volume for?", "Changed expert.", "Changed."),
        )
    client.force_login(author)
    client.cookies[TIME_ZONE_COOKIE] = "Europe/Berlin"
    history = client.get(reverse("content:question_history", args=[private_question.slug]))
    assert ">May 13, 2026 01:30 Europe/Berlin</time>" in history.content.decode()
