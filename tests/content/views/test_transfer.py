"""Bank import and export pages: interviewer-only, previewed before writing, capped in size."""

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.formats import document_parse
from content.models import BankUpload, Question, QuestionRevision, Topic
from content.views.transfer import UPLOAD_GONE
from interviews.access import interviewer_grant
from tests.content.formats.conftest import command, snapshot

pytestmark = pytest.mark.django_db
IMPORT_URL = "/banks/import/"


@pytest.fixture
def interviewer(make_interviewer):
    return make_interviewer("ivy")


@pytest.fixture
def editor_client(client, interviewer):
    client.force_login(interviewer)
    return client


def upload(client, name: str, data: bytes, **fields):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), **fields})


def test_anonymous_users_are_sent_to_log_in_and_candidates_refused(client, candidate, docker_bank):
    assert client.get(IMPORT_URL).status_code == 302
    assert client.get("/topics/docker/export/markdown/").status_code == 302
    client.force_login(candidate)
    assert client.get(IMPORT_URL).status_code == 403
    assert client.get("/topics/docker/export/json/").status_code == 403
    assert b"/topics/docker/export/" not in client.get("/topics/docker/").content
    data = client.get("/topics/docker/").content  # anything: the file is never read
    assert upload(client, "docker.txt", data).status_code == 403
    assert not BankUpload.objects.exists()


@pytest.mark.parametrize(
    ("format_name", "file_name", "content_type"),
    [
        ("seed", "docker.txt", "text/plain; charset=utf-8"),
        ("markdown", "docker.md", "text/markdown; charset=utf-8"),
        ("csv", "docker.csv", "text/csv; charset=utf-8"),
        ("json", "docker.json", "application/json"),
    ],
)
def test_the_topic_page_links_downloads_in_every_format(
    editor_client, docker_bank, format_name, file_name, content_type
):
    page = editor_client.get("/topics/docker/").content.decode()
    url = reverse("content:bank_export", args=["docker", format_name])
    assert f'href="{url}"' in page
    response = editor_client.get(url)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{file_name}"'
    document = document_parse(response.content.decode(), source=file_name, format_name=format_name)
    assert len(document.questions) == 24
    assert editor_client.get("/topics/docker/export/docx/").status_code == 404


@pytest.fixture
def own_docker_bank(docker_bank, interviewer):
    """Re-importing into a bank is editing it: here the bank is the interviewer's own."""
    docker_bank.owner = interviewer
    docker_bank.save()
    return docker_bank


def test_an_export_uploaded_back_previews_no_change_and_importing_changes_nothing(
    editor_client, own_docker_bank
):
    data = editor_client.get("/topics/docker/export/markdown/").content
    before = snapshot()
    response = upload(editor_client, "docker.md", data)
    preview_url = response.url
    page = editor_client.get(preview_url).content.decode()
    assert "<strong>0</strong> questions to create" in page
    assert "<strong>24</strong> left as they are" in page
    assert "Nothing to change" in page
    response = editor_client.post(preview_url)
    assert response.url == "/topics/docker/"
    assert snapshot() == before
    assert not BankUpload.objects.exists()


def test_a_csv_export_opens_as_utf8_in_a_spreadsheet_and_uploads_back_unchanged(
    editor_client, own_docker_bank
):
    """Excel reads a CSV file without a byte-order mark in the computer's legacy code page, which
    garbles accents and CJK: the download starts with the mark, and goes back in as it came out."""
    question = Question.objects.get(topic=own_docker_bank, position=1)
    question.text = "Qu'est-ce qu'un conteneur ? コンテナとは何ですか"
    question.save()
    data = editor_client.get("/topics/docker/export/csv/").content
    assert data.startswith(codecs.BOM_UTF8) and data.count(codecs.BOM_UTF8) == 1
    assert data.decode("utf-8-sig").startswith("question,expert_answer,beginner_answer,id\r\n")
    assert question.text in data.decode("utf-8-sig")
    before = snapshot()
    preview_url = upload(editor_client, "docker.csv", data).url
    page = editor_client.get(preview_url).content.decode()
    assert "<strong>24</strong> left as they are" in page
    editor_client.post(preview_url)
    assert snapshot() == before


def test_the_preview_lists_changes_and_writes_nothing_until_confirmed(
    editor_client, own_docker_bank
):
    question = Question.objects.get(topic=own_docker_bank, position=2)
    text = editor_client.get("/topics/docker/export/csv/").content.decode()
    text = text.replace(question.text, "Reworded: " + question.text, 1)
    text += "A brand new question?,An expert answer about pods.,A beginner answer.,\r\n"
    preview_url = upload(editor_client, "docker.csv", text.encode()).url
    before = snapshot()
    page = editor_client.get(preview_url).content.decode()
    assert "<strong>1</strong> question to create" in page
    assert "<strong>1</strong> to update" in page
    assert "updated: wording" in page and "A brand new question?" in page
    assert snapshot() == before
    response = editor_client.post(preview_url, follow=True)
    assert "1 question created, 1 updated, 23 unchanged" in response.content.decode()
    assert Question.objects.get(uid=question.uid).text == "Reworded: " + question.text
    assert Question.objects.filter(text="A brand new question?").exists()


def test_a_malformed_upload_shows_the_line_and_keeps_nothing(editor_client, docker_bank):
    before = snapshot()
    response = upload(editor_client, "bank.md", b"# K\n\n## Q?\n\n### Junior answer\n\nx\n")
    page = response.content.decode()
    assert response.status_code == 200
    assert "bank.md, line 5: expected &#x27;### Expert answer&#x27;" in page
    assert not BankUpload.objects.exists() and snapshot() == before


def test_an_unknown_extension_and_a_non_utf8_file_are_explained(editor_client):
    page = upload(editor_client, "bank.docx", b"x").content.decode()
    assert "bank.docx: expected a file ending in .txt" in page
    # The page offers a Format list, not the command's --format option.
    assert "or a format chosen in the Format list" in page
    assert "--format" not in page
    page = upload(editor_client, "bank.md", b"# K\xff").content.decode()
    assert "bank.md: expected UTF-8 text" in page


def test_csv_takes_its_topic_from_the_form(editor_client, db):
    data = b"question,expert_answer,beginner_answer\r\nWhat is a pod?,A pod.,A small pod.\r\n"
    preview_url = upload(editor_client, "export.csv", data, topic_name="Kubernetes").url
    editor_client.post(preview_url)
    assert Question.objects.get().topic.name == "Kubernetes"


def test_a_file_over_the_upload_cap_is_refused_with_its_size(editor_client, settings):
    settings.BANK_UPLOAD_MAX_BYTES = 1000
    page = upload(editor_client, "bank.md", b"# K\n" + b"x" * 1500).content.decode()
    assert "a bank upload may be at most 1000" in page
    assert not BankUpload.objects.exists()


def test_another_users_upload_is_not_found(editor_client, docker_bank, django_user_model, client):
    preview_url = upload(
        editor_client, "docker.md", b"# K\n\n## Q?\n\n### Expert answer\n\nx\n"
    ).url
    other = django_user_model.objects.create_user("olga", password="x")
    interviewer_grant(user=other)
    client.force_login(other)
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url).status_code == 404
    assert not Question.objects.filter(text="Q?").exists()


def test_a_preview_already_imported_says_so_and_offers_a_new_upload(editor_client, docker_bank):
    data = b"# Pods\n\n## What is a pod?\n\n### Expert answer\n\nThe smallest unit.\n"
    preview_url = upload(editor_client, "pods.md", data).url
    assert editor_client.post(preview_url).status_code == 302
    # A second click on the confirm button (without JavaScript), or Back and a reload.
    for response in (editor_client.post(preview_url), editor_client.get(preview_url)):
        page = response.content.decode()
        assert response.status_code == 404
        assert UPLOAD_GONE in page
        assert f'action="{IMPORT_URL}"' in page and 'type="file"' in page
    assert Question.objects.filter(text="What is a pod?").count() == 1


def test_the_command_and_the_page_agree(editor_client, docker_bank, tmp_path):
    path = tmp_path / "docker.json"
    command("export_bank", "docker", "--format", "json", "--output", str(path))
    assert path.read_bytes() == editor_client.get("/topics/docker/export/json/").content


def test_the_upload_view_has_its_own_request_cap(editor_client, settings):
    # Over the site-wide cap (512 KB by default) yet under the bank's: the form reads it.
    assert settings.REQUEST_MAX_BYTES < 1024 * 1024 < settings.BANK_UPLOAD_MAX_BYTES
    body = b"# K\n\n" + b"x" * (1024 * 1024)
    response = upload(editor_client, "bank.md", body)
    assert response.status_code == 200
    assert "bank.md, line 3: expected at least one &#x27;## &lt;question&gt;&#x27; heading" in (
        response.content.decode()
    )
    # Past twice the bank cap, the middleware refuses the body before anything reads it.
    too_long = str(2 * settings.BANK_UPLOAD_MAX_BYTES + 1)
    response = editor_client.post(IMPORT_URL, {}, CONTENT_LENGTH=too_long)
    assert response.status_code == 400


def test_an_upload_cannot_change_a_bank_the_uploader_may_not_edit(editor_client, docker_bank):
    """The site bank's own export, uploaded by an interviewer: it would go into a new bank of
    theirs, but its questions are the site bank's, which they may not change."""
    data = editor_client.get("/topics/docker/export/markdown/").content
    before = snapshot()
    preview_url = upload(editor_client, "docker.md", data).url
    page = editor_client.get(preview_url).content.decode()
    assert (
        "docker.md, line 5: expected questions of this bank or new ones, but another bank" in page
    )
    assert editor_client.post(preview_url).status_code == 200
    assert snapshot() == before


def test_an_uploaded_new_bank_belongs_to_the_uploader_and_starts_private(
    editor_client, interviewer
):
    text = (
        "question,expert answer,beginner answer,id\r\nWhat is a pod?,The smallest unit.,A box.,\r\n"
    )
    preview_url = upload(editor_client, "pods.csv", text.encode(), topic_name="Pods").url
    editor_client.post(preview_url)
    topic = Topic.objects.get(name="Pods")
    assert topic.owner == interviewer
    assert not topic.is_published and not topic.shared_with_everyone


@pytest.mark.parametrize("name", ["Контейнеры", "???"])
def test_an_uploaded_new_bank_named_without_latin_letters_gets_an_address(
    editor_client, interviewer, name
):
    """As the New bank form makes one: the address falls back to "bank", the name is kept."""
    text = f"{name}\nAbout pods.\nQuestions\nWhat is a pod?\nExpert Answer\nPosted on Mar 1, 2025 A unit.\n"
    preview_url = upload(editor_client, "pods.txt", text.encode()).url
    editor_client.post(preview_url)
    topic = Topic.objects.get(owner=interviewer)
    assert (topic.name, topic.slug) == (name, "bank")


def test_export_follows_bank_visibility(client, django_user_model, interviewer):
    from content.authoring import topic_create

    topic_create(owner=interviewer, name="Secret bank")
    other = django_user_model.objects.create_user("otto", password="x")
    interviewer_grant(user=other)
    client.force_login(other)
    assert client.get("/topics/secret-bank/export/json/").status_code == 404


def test_an_uploaded_change_is_a_revision_by_the_uploader_shown_in_the_history(
    editor_client, own_docker_bank, interviewer
):
    question = Question.objects.get(topic=own_docker_bank, position=2)
    text = editor_client.get("/topics/docker/export/csv/").content.decode()
    text = text.replace(question.text, "Reworded: " + question.text, 1)
    editor_client.post(upload(editor_client, "docker.csv", text.encode()).url)

    first, second = question.revisions.order_by("number")
    assert (first.author, first.text) == (None, question.text)
    assert (second.author, second.note) == (interviewer, "Imported from docker.csv")
    slug = Question.objects.get(pk=question.pk).slug  # follows the new wording
    page = editor_client.get(reverse("content:question_history", args=[slug]))
    body = page.content.decode()
    assert "Revision 2 (current)" in body and "Imported from docker.csv by ivy" in body
    assert f'<span class="diff-added">+Reworded: {question.text}</span>' in body


def test_the_confirm_button_shows_it_works_and_htmx_is_sent_to_the_counts(
    editor_client, own_docker_bank
):
    text = editor_client.get("/topics/docker/export/csv/").content.decode()
    text += "A brand new question?,An expert answer about pods.,A beginner answer.,\r\n"
    preview_url = upload(editor_client, "docker.csv", text.encode()).url
    page = editor_client.get(preview_url).content.decode()
    # The same form posts with htmx (button disabled, indicator shown) or, without it, plainly.
    assert f'action="{preview_url}" hx-post="{preview_url}"' in page
    assert 'hx-disabled-elt="find button" hx-indicator="#import-working"' in page
    assert (
        '<span id="import-working" class="htmx-indicator">'
        "Importing… this can take a few seconds for a large bank.</span>"
    ) in page

    response = editor_client.post(preview_url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and response["HX-Redirect"] == "/topics/docker/"
    assert Question.objects.filter(text="A brand new question?").exists()
    result = editor_client.get(response["HX-Redirect"]).content.decode()
    assert "1 question created, 0 updated, 24 unchanged." in result


def test_an_htmx_confirm_that_fails_shows_the_error_in_the_page(editor_client, docker_bank):
    data = editor_client.get("/topics/docker/export/markdown/").content
    preview_url = upload(editor_client, "docker.md", data).url
    response = editor_client.post(preview_url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert 'id="main"' in response.content.decode()  # the part the form swaps in
    assert "another bank, which you may not change, already has a question with this id" in (
        response.content.decode()
    )


def test_the_upload_button_shows_it_works_and_htmx_lands_on_the_preview(editor_client, db):
    page = editor_client.get(IMPORT_URL).content.decode()
    # The upload form is the confirm form's pattern: a plain post, or htmx with the indicator.
    assert f'action="{IMPORT_URL}" enctype="multipart/form-data" class="card"' in page
    assert f'hx-post="{IMPORT_URL}" hx-target="#main" hx-select="#main" hx-swap="outerHTML"' in page
    assert (
        'hx-push-url="true" hx-disabled-elt="find button" hx-indicator="#preview-working"' in page
    )
    assert (
        '<span id="preview-working" class="htmx-indicator">'
        "Reading the file… this can take a few seconds for a large bank.</span>"
    ) in page

    data = b"question,expert_answer,beginner_answer\nWhat is a pod?,The smallest unit.,A box.\n"
    response = editor_client.post(
        IMPORT_URL,
        {"file": SimpleUploadedFile("pods.csv", data)},
        headers={"HX-Request": "true"},
    )
    # htmx follows the redirect itself, swaps the preview's #main in and shows its address.
    preview_url = response.url
    assert response.status_code == 302 and preview_url.startswith(IMPORT_URL)
    preview = editor_client.get(preview_url, headers={"HX-Request": "true"}).content.decode()
    assert 'id="main"' in preview and "1</strong> question to create" in preview


def _failing_extraction(**kwargs):
    raise RuntimeError("the database went away while concepts were written")


@pytest.mark.parametrize("new_bank", [False, True])
def test_a_failure_while_writing_leaves_nothing_written_and_the_upload_to_retry(
    editor_client, own_docker_bank, monkeypatch, new_bank
):
    text = editor_client.get("/topics/docker/export/csv/").content.decode()
    first = Question.objects.get(topic=own_docker_bank, position=1)
    text = text.replace(first.text, first.text + " Briefly.", 1)
    text += "A brand new question?,An expert answer about pods.,A beginner answer.,\r\n"
    name = "pods.csv" if new_bank else "docker.csv"
    preview_url = upload(editor_client, name, text.encode()).url
    before, revisions = snapshot(), QuestionRevision.objects.count()
    # Concepts are written last, after every question and answer row: fail there.
    monkeypatch.setattr("content.importer.concepts_refresh_many", _failing_extraction)
    editor_client.raise_request_exception = False
    assert editor_client.post(preview_url).status_code == 500
    assert snapshot() == before and QuestionRevision.objects.count() == revisions
    assert BankUpload.objects.filter(uploaded_by__username="ivy").exists()


def test_the_preview_says_when_only_the_topic_description_changes(editor_client, own_docker_bank):
    text = editor_client.get("/topics/docker/export/seed/").content.decode()
    text = text.replace(own_docker_bank.description, "Containers.\n  For backend developers.", 1)
    page = editor_client.get(upload(editor_client, "docker.txt", text.encode()).url)
    body = page.content.decode()
    assert "0</strong> to update" in body and 'id="import-nothing"' not in body
    assert 'id="import-topic-updated"' in body
    same = editor_client.get("/topics/docker/export/seed/").content
    assert (
        'id="import-topic-updated"'
        not in editor_client.get(upload(editor_client, "docker.txt", same).url).content.decode()
    )


def test_the_import_page_shows_each_layout_and_every_example_reads(editor_client) -> None:
    import html
    import re

    from content.formats import document_parse

    page = editor_client.get(IMPORT_URL).content.decode()
    assert "docs/question-bank.md" not in page  # a path the reader of the page cannot open
    examples = [html.unescape(e) for e in re.findall(r"<pre>(.*?)</pre>", page, re.S)]
    formats = ["seed", "markdown", "csv", "json"]
    assert len(examples) == len(formats)
    for example, format_name in zip(examples, formats, strict=True):
        source = "kubernetes.csv" if format_name == "csv" else f"example.{format_name}"
        document = document_parse(example, source=source, format_name=format_name)
        assert document.topic_name.casefold() == "kubernetes" and not document.warnings
        assert [q.text for q in document.questions] == ["What is a pod?"]


def test_the_preview_warns_that_a_bank_in_another_language_will_score_unfairly(editor_client, db):
    answer = (
        "Un pod est la plus petite unité déployable du cluster. Il regroupe des conteneurs qui"
        " partagent un espace de noms réseau."
    )
    data = f"question,expert_answer,beginner_answer\r\nQu'est-ce qu'un pod ?,{answer},{answer}\r\n"
    preview = editor_client.get(
        upload(editor_client, "pods.csv", data.encode(), topic_name="Pods").url
    )

    assert "do not read as English" in preview.content.decode()


def test_a_stored_upload_that_no_longer_reads_gets_a_message_not_a_500(editor_client, interviewer):
    # Checked when it was sent; a later version may read the same text differently.
    stored = BankUpload.objects.create(
        uploaded_by=interviewer, file_name="old.md", format_name="markdown", text="no heading"
    )
    for response in (
        editor_client.get(f"{IMPORT_URL}{stored.pk}/"),
        editor_client.post(f"{IMPORT_URL}{stored.pk}/"),
    ):
        assert response.status_code == 200
        assert "old.md" in response.content.decode()
    assert BankUpload.objects.filter(pk=stored.pk).exists()
