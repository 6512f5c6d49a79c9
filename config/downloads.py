"""CSV downloads that spreadsheets open as UTF-8, with dates they read as dates."""

from datetime import UTC, datetime

from django.http import HttpResponse

# Excel reads a CSV file without a byte-order mark in the computer's legacy code page, so accents
# and CJK come out garbled; with the mark it reads UTF-8. Every CSV reader here drops the mark.
CSV_ENCODING = "utf-8-sig"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def csv_attachment(text: str, *, filename: str) -> HttpResponse:
    """`text` as a CSV file to download, starting with the byte-order mark."""
    response = HttpResponse(text.encode(CSV_ENCODING), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_datetime(value: datetime) -> str:
    """ISO 8601 in UTC to the second, with its offset: a spreadsheet reads
    2026-05-12T10:00:00+00:00 as a date, and not one with microseconds."""
    return value.astimezone(UTC).isoformat(timespec="seconds")
