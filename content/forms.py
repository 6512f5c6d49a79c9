"""The bank upload form: a file in one of the formats, read and parsed before anything is kept."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from content.formats import FORMATS, document_parse, format_guess
from content.importer import bytes_text
from content.parsing import DocumentError, ParsedDocument

FORMAT_LABELS = {
    "seed": "Seed document (.txt)",
    "markdown": "Markdown (.md)",
    "csv": "CSV (.csv)",
    "json": "JSON (.json)",
}
TOO_LARGE = "This file is {size}; a bank upload may be at most {limit}."


class BankUploadForm(forms.Form):
    file = forms.FileField(label="Bank file")
    format_name = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "From the file name"), *((name, FORMAT_LABELS[name]) for name in FORMATS)],
    )
    topic_name = forms.CharField(
        label="Topic (CSV only)",
        required=False,
        max_length=200,
        help_text="A CSV file has no topic line: name it here, or the file name is used.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        limit = settings.BANK_UPLOAD_MAX_BYTES
        if upload.size > limit:
            size, most = filesizeformat(upload.size), filesizeformat(limit)
            self.add_error("file", TOO_LARGE.format(size=size, limit=most))
            return cleaned
        try:
            text = bytes_text(upload.read(), source=upload.name)
            format_name = cleaned.get("format_name") or format_guess(upload.name)
            document = document_parse(
                text,
                source=upload.name,
                format_name=format_name,
                topic_name=cleaned.get("topic_name") or None,
            )
        except DocumentError as error:
            self.add_error("file", str(error))
            return cleaned
        cleaned.update(text=text, format_name=format_name, document=document)
        return cleaned

    @property
    def document(self) -> ParsedDocument:
        return self.cleaned_data["document"]
