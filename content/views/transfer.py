"""Import and export of question banks in the browser: upload, preview, confirm; downloads.

Only interviewers (and staff) import and export: an export holds every model answer. The role is
defined by the session app; the bank asks for its permission by name and never imports that app.
"""

from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect

from config.downloads import csv_attachment
from config.middleware import request_max_bytes
from content.formats import CONTENT_TYPES, FORMATS, document_parse, export_name
from content.formats.bank import bank_document
from content.forms import BankUploadForm
from content.importer import questions_import
from content.models import BankUpload, Topic
from content.parsing import DocumentError

RUN_INTERVIEWS = "interviews.run_interviews"
UPLOADS_KEPT_FOR = timedelta(days=1)
IMPORTED = "{topic}: {created} question{plural} created, {updated} updated, {unchanged} unchanged."
UPLOAD_GONE = (
    "This import preview is gone: its file was imported already, or the preview expired (previews "
    "are kept for a day). Upload the file again to see what it would change now."
)


def bank_editor_required(view):
    """Anonymous users go to the login page; signed-in users who run no interviews get a 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not (request.user.is_staff or request.user.has_perm(RUN_INTERVIEWS)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


# A multipart body is the file plus a little: twice the file cap lets the form say "too large".
@request_max_bytes(2 * settings.BANK_UPLOAD_MAX_BYTES)
@bank_editor_required
def bank_import(request: HttpRequest) -> HttpResponse:
    form = BankUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        BankUpload.objects.filter(created_at__lt=timezone.now() - UPLOADS_KEPT_FOR).delete()
        upload = BankUpload.objects.create(
            uploaded_by=request.user,
            file_name=form.cleaned_data["file"].name[:255],
            format_name=form.cleaned_data["format_name"],
            topic_name=form.cleaned_data.get("topic_name") or "",
            text=form.cleaned_data["text"],
        )
        return redirect("content:bank_import_preview", upload.pk)
    return _import_page(request, form)


def _import_page(request: HttpRequest, form: BankUploadForm, *, gone: str = "", status: int = 200):
    context = {"form": form, "max_bytes": settings.BANK_UPLOAD_MAX_BYTES, "gone": gone}
    return render(request, "content/bank_import.html", context, status=status)


@bank_editor_required
def bank_import_preview(request: HttpRequest, upload_id) -> HttpResponse:
    """GET: what the import would create, update and leave alone. POST: do it, in one transaction.

    The confirm form posts with htmx when it can, so its button shows that a large bank is being
    written; success then sends the browser to the topic's page, where the counts are shown.
    """
    upload = BankUpload.objects.filter(pk=upload_id, uploaded_by=request.user).first()
    if upload is None:  # imported already (a second click, Back), pruned, or not this user's
        return _import_page(request, BankUploadForm(), gone=UPLOAD_GONE, status=404)
    try:
        # Read again, as stored: checked when it was sent, but a newer version of the app may
        # read the same text differently, which is a message, not a 500.
        document = document_parse(
            upload.text,
            source=upload.file_name,
            format_name=upload.format_name,
            topic_name=upload.topic_name or None,
        )
        # The uploader's bank of the file's name, or a new private one of theirs (content.banks);
        # the importer decides inside its transaction, and never touches a bank they may not edit.
        options = {
            "documents": [(upload.file_name, document)],
            "editor": request.user,
            "topic_from_file_name": upload.format_name == "csv" and not upload.topic_name,
        }
        if request.method == "POST":
            with transaction.atomic():
                report = questions_import(**options, author=request.user)
                upload.delete()
            topic, tally = report.banks[0], report.questions
            counts = {"created": tally.created, "updated": tally.updated}
            counts["plural"] = pluralize(tally.created)
            messages.success(
                request, IMPORTED.format(topic=topic.name, **counts, unchanged=tally.unchanged)
            )
            url = topic.get_absolute_url()
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        report = questions_import(**options, dry_run=True)
    except DocumentError as error:
        context = {"upload": upload, "error": str(error)}
        return render(request, "content/bank_import_preview.html", context)
    context = {"upload": upload, "document": document, "report": report, "bank": report.banks[0]}
    return render(request, "content/bank_import_preview.html", context)


@bank_editor_required
def bank_export(request: HttpRequest, slug: str, format_name: str) -> HttpResponse:
    if format_name not in FORMATS:
        raise Http404("No such format.")
    topic = get_object_or_404(Topic.objects.visible_to(request.user), slug=slug)
    document = bank_document(topic, with_concepts=format_name == "json")
    text, filename = FORMATS[format_name].write(document), export_name(slug, format_name)
    if format_name == "csv":
        return csv_attachment(text, filename=filename)
    response = HttpResponse(text, CONTENT_TYPES[format_name])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
