"""Question-bank formats: each module reads text into a ParsedDocument and writes one back.

The common in-memory bank is content.parsing's ParsedDocument / ParsedQuestion / ParsedAnswer;
content.formats.bank builds one from a stored topic, and content.importer writes one into the bank.
"""

from pathlib import Path
from types import ModuleType

from content.formats import csv, json, markdown, seed
from content.parsing import NUL_CHARACTER, DocumentError, ParsedDocument

FORMATS: dict[str, ModuleType] = {"seed": seed, "markdown": markdown, "csv": csv, "json": json}
# CSV goes out through config.downloads.csv_attachment, with the byte-order mark spreadsheets need.
CONTENT_TYPES = {
    "seed": "text/plain; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "json": "application/json",
}
UNKNOWN_EXTENSION = "expected a file ending in {extensions}, or {format_choice}"
# How the command line names a format; the upload page passes its own wording.
FORMAT_OPTION = "a format named with --format"


def format_guess(file_name: str, *, format_choice: str = FORMAT_OPTION) -> str:
    """The format a file's extension names; DocumentError for an unknown extension."""
    suffix = Path(file_name).suffix.casefold()
    for name, module in FORMATS.items():
        if suffix in module.EXTENSIONS:
            return name
    extensions = ", ".join(ext for module in FORMATS.values() for ext in module.EXTENSIONS)
    message = UNKNOWN_EXTENSION.format(extensions=extensions, format_choice=format_choice)
    raise DocumentError(file_name, None, message)


def document_parse(
    text: str, *, source: str, format_name: str, topic_name: str | None = None
) -> ParsedDocument:
    """Parse a file's text in the named format; CSV takes its topic name or the file name.

    A NUL character is refused in every format: PostgreSQL cannot store one, so it would fail the
    import's transaction halfway instead of naming its line.
    """
    nul = text.find("\x00")
    if nul >= 0:
        line_start = text.rfind("\n", 0, nul) + 1
        column = NUL_CHARACTER.format(column=nul - line_start + 1)
        raise DocumentError(source, text.count("\n", 0, nul) + 1, column)
    if format_name == "csv":
        return csv.read(text, source=source, topic_name=topic_name or Path(source).stem)
    return FORMATS[format_name].read(text, source=source)


def export_name(slug: str, format_name: str) -> str:
    """The file name an export gets; importing it back finds the same topic (CSV by its name)."""
    return f"{slug}{FORMATS[format_name].EXTENSIONS[0]}"
