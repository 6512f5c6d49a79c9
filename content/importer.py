"""Import Q&A documents into Topic, Question and ModelAnswer rows, in place and idempotently.

Identity: a topic is its slugified name; a question is a slug of its text plus a short hash of the
full text, so editing a question's wording makes a new question. A question that disappeared from its
document is kept (interview sessions point at it) and reported as a warning; delete it in the admin
when it is really gone. A model answer that disappeared from its question is deleted, because the
source is the authority for model answers. Rows whose fields did not change are not saved, so their
updated_at stays; concepts people curated are never touched here (concepts_refresh keeps them).
"""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from content.concepts import concepts_refresh
from content.models import Concept, Level, ModelAnswer, Question, Topic
from content.parsing import DocumentError, ParsedAnswer, ParsedDocument, parse_document

SLUG_TEXT_LENGTH = 80
SLUG_HASH_LENGTH = 10

FILE_MISSING = "file not found"
FILE_UNREADABLE = "cannot read the file ({reason})"
FILE_NOT_UTF8 = "expected UTF-8 text, found a byte that is not UTF-8 at byte offset {offset}"
QUESTION_IN_TWO_TOPICS = (
    "expected each question in one document only, but it is also in {other}: {question}"
)
TOPIC_IN_TWO_DOCUMENTS = "expected one document per topic, but {other} also has the topic '{topic}'"
TOPIC_TOO_LONG = (
    "expected a topic name of at most {limit} characters (as a slug too), found {length}"
)
FILE_NAME_TOO_LONG = "expected a file name of at most {limit} characters, found {length}"
QUESTIONS_KEPT = "{topic}: kept {count} question(s) no longer in its source (sessions may refer to them): {slugs}"


def question_slug(text: str) -> str:
    """A stable, unique slug for a question: readable prefix plus a hash of the whole text."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:SLUG_HASH_LENGTH]
    prefix = slugify(text)[:SLUG_TEXT_LENGTH].rstrip("-")
    return f"{prefix}-{digest}" if prefix else digest


def document_read(path: Path | str) -> ParsedDocument:
    """Read and parse one document file; every problem becomes a DocumentError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(str(path), None, FILE_MISSING) from None
    except OSError as error:
        raise DocumentError(
            str(path), None, FILE_UNREADABLE.format(reason=error.strerror or error)
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(str(path), None, FILE_NOT_UTF8.format(offset=error.start)) from None
    return parse_document(text, source=str(path))


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class ImportReport:
    topics: Tally = field(default_factory=Tally)
    questions: Tally = field(default_factory=Tally)
    answers: Tally = field(default_factory=Tally)
    concepts_refreshed: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.topics.changed or self.questions.changed or self.answers.changed


def _save_changes(instance, values: dict) -> str:
    """Set the fields that differ and save only those; return 'updated' or 'unchanged'."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return "unchanged"
    for name in changed:
        setattr(instance, name, values[name])
    instance.save(update_fields=[*changed, "updated_at"])
    return "updated"


def _answers_sync(
    question: Question, answers: dict[str, ParsedAnswer | None], report: ImportReport
) -> bool:
    """Bring the question's model answers in line with the source; True when any changed."""
    existing = {answer.level: answer for answer in question.model_answers.all()}
    changed = False
    for level, parsed in answers.items():
        current = existing.get(level)
        if parsed is None:
            if current is not None:
                current.delete()
                report.answers.add("deleted")
                changed = True
            continue
        values = {"text": parsed.text, "posted_on": parsed.posted_on}
        if current is None:
            ModelAnswer.objects.create(question=question, level=level, **values)
            outcome = "created"
        else:
            outcome = _save_changes(current, values)
        report.answers.add(outcome)
        changed = changed or outcome != "unchanged"
    return changed


def _document_import(
    document: ParsedDocument, *, source_name: str, report: ImportReport, to_refresh: set[int]
) -> str:
    """Write one parsed document; return its progress line."""
    topic = Topic.objects.filter(slug=slugify(document.topic_name)).first()
    topic_values = {
        "name": document.topic_name,
        "description": document.description,
        "source_name": Path(source_name).name,
    }
    if topic is None:
        topic = Topic.objects.create(slug=slugify(document.topic_name), **topic_values)
        report.topics.add("created")
    else:
        report.topics.add(_save_changes(topic, topic_values))

    slugs = [question_slug(parsed.text) for parsed in document.questions]
    existing = {
        q.slug: q for q in Question.objects.filter(slug__in=slugs).prefetch_related("model_answers")
    }
    before = (report.questions.created, report.questions.updated, report.questions.unchanged)
    for position, (slug, parsed) in enumerate(zip(slugs, document.questions, strict=True), start=1):
        values = {"topic": topic, "text": parsed.text, "position": position}
        question = existing.get(slug)
        if question is None:
            question = Question.objects.create(slug=slug, **values)
            report.questions.add("created")
            to_refresh.add(question.pk)
        else:
            report.questions.add(_save_changes(question, values))
        answers = {Level.EXPERT: parsed.expert, Level.BEGINNER: parsed.beginner}
        if _answers_sync(question, answers, report):
            to_refresh.add(question.pk)

    gone = Question.objects.filter(topic=topic).exclude(slug__in=slugs).order_by("position")
    if gone_slugs := list(gone.values_list("slug", flat=True)):
        report.warnings.append(
            QUESTIONS_KEPT.format(
                topic=topic.name, count=len(gone_slugs), slugs=", ".join(gone_slugs)
            )
        )
    created, updated, unchanged = (
        now - then
        for now, then in zip(
            (report.questions.created, report.questions.updated, report.questions.unchanged),
            before,
            strict=True,
        )
    )
    return (
        f"{topic.name} ({source_name}): {len(slugs)} questions: "
        f"{created} created, {updated} updated, {unchanged} unchanged"
    )


def _column_limits_check(source_name: str, document: ParsedDocument) -> None:
    """Refuse what would not fit its column: PostgreSQL raises mid-import, SQLite stores it whole."""
    limit = min(Topic._meta.get_field("name").max_length, Topic._meta.get_field("slug").max_length)
    length = max(len(document.topic_name), len(slugify(document.topic_name)))
    if length > limit:
        problem = TOPIC_TOO_LONG.format(limit=limit, length=length)
        raise DocumentError(source_name, document.topic_line, problem)
    name_limit = Topic._meta.get_field("source_name").max_length
    if len(Path(source_name).name) > name_limit:
        problem = FILE_NAME_TOO_LONG.format(limit=name_limit, length=len(Path(source_name).name))
        raise DocumentError(source_name, None, problem)


def questions_import(
    *,
    documents: Sequence[tuple[str, ParsedDocument]],
    progress: Callable[[str], None] = lambda line: None,
) -> ImportReport:
    """Import parsed documents, given as (source name, document), in one transaction."""
    report = ImportReport()
    seen: dict[str, str] = {}
    topics: dict[str, str] = {}
    for source_name, document in documents:
        report.warnings.extend(document.warnings)
        _column_limits_check(source_name, document)
        other = topics.setdefault(slugify(document.topic_name), source_name)
        if other != source_name:
            problem = TOPIC_IN_TWO_DOCUMENTS.format(other=other, topic=document.topic_name)
            raise DocumentError(source_name, 1, problem)
        for parsed in document.questions:
            other = seen.setdefault(question_slug(parsed.text), source_name)
            if other != source_name:
                raise DocumentError(
                    source_name,
                    parsed.line,
                    QUESTION_IN_TWO_TOPICS.format(other=other, question=parsed.text),
                )
    to_refresh: set[int] = set()
    with transaction.atomic():
        for source_name, document in documents:
            progress(
                _document_import(
                    document, source_name=source_name, report=report, to_refresh=to_refresh
                )
            )
        # Questions never given concepts (say, imported before extraction existed) get them now too.
        with_concepts = Concept.objects.values("question_id")
        to_refresh.update(
            Question.objects.exclude(pk__in=with_concepts).values_list("pk", flat=True)
        )
        for question in Question.objects.filter(pk__in=to_refresh).prefetch_related(
            "model_answers"
        ):
            if concepts_refresh(question=question).changed:
                report.concepts_refreshed += 1
    return report
