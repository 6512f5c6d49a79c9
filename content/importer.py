"""Import parsed banks into Topic, Question and ModelAnswer rows, in place and idempotently.

Identity: a topic is found by its name (content.banks): an upload's among the banks of its
uploader, else a new private bank of theirs; the command line's among every bank, by name and
then by address (slug). A question is its stable id (`uid`) when the document writes one (every
export does), and otherwise a slug of its text plus a short hash of the full text;
so an edited wording updates the question in place when the id is there, and makes a new question
when it is not. A question matched by its text adopts the document's id. A question that
disappeared from its document is kept (interview sessions point at it) and reported as a warning;
delete it in the admin when it is really gone. A model answer that disappeared from its question is
deleted, because the source is the authority for model answers. Rows whose fields did not change are
not saved, so their updated_at stays; concepts people curated are never touched here unless the
document carries the concepts itself (the JSON format), which then are the authority.

An import that changes a stored question's wording or answers records a revision, as an edit in
the browser does (content.revisions), so its history shows the change and can undo it.

A dry run goes through the same comparisons and writes nothing: it is the upload preview.
"""

import hashlib
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.text import slugify

from content.banks import BankAmbiguous, site_bank_find, topic_slug_new, upload_bank_find
from content.concept_files import concepts_differ, concepts_set_many
from content.concepts import concepts_refresh_many
from content.models import (
    RESERVED_TOPIC_SLUGS,
    Concept,
    Level,
    ModelAnswer,
    Question,
    QuestionRevision,
    Topic,
)
from content.parsing import (
    DocumentError,
    ParsedAnswer,
    ParsedDocument,
    ParsedQuestion,
    parse_document,
)
from content.revisions import QuestionState, StateChange, question_state, revisions_record_many
from content.scoring import reads_as_english

SLUG_TEXT_LENGTH = 80
SLUG_HASH_LENGTH = 10
PROGRESS_EVERY = 100

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
TOPIC_EMPTY = "expected a topic name, found none"
TOPIC_WITHOUT_SLUG = (
    "expected a topic name with a letter or a digit from A to Z or 0 to 9 (the bank's address is "
    "made of them), found {found}"
)
TOPIC_SLUG_RESERVED = (
    "expected a topic name other than {names}: the bank pages use those addresses, found {found}"
)
FILE_NAME_TOO_LONG = "expected a file name of at most {limit} characters, found {length}"
QUESTIONS_KEPT = (
    "{topic}: kept {count} question{plural} no longer in its source (sessions may refer to "
    "{pronoun}): {slugs}"
)
WORDING_TAKEN = (
    "expected a wording no other question has, but question {slug} already reads: {question}"
)
QUESTION_NOT_YOURS = (
    "expected questions of this bank or new ones, but another bank, which you may not change, "
    "already has a question with this {matched}: {question}"
)
MATCHED_TWICE = (
    "expected each question once, but line {first} already updates the question this matches"
)
NOTE_IMPORTED_FROM = "Imported from {file}"
NOT_ENGLISH = (
    "{topic}: the model answers do not read as English. The scorer reads English only, so answers "
    "in another language will score unfairly (see docs/concepts.md, 'Language: English')"
)


def _model_answers_text(document: ParsedDocument) -> str:
    return "\n".join(
        answer.text
        for question in document.questions
        for answer in (question.expert, question.beginner)
        if answer is not None
    )


def question_slug(text: str) -> str:
    """A stable, unique slug for a question: readable prefix plus a hash of the whole text."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:SLUG_HASH_LENGTH]
    prefix = slugify(text)[:SLUG_TEXT_LENGTH].rstrip("-")
    return f"{prefix}-{digest}" if prefix else digest


def file_text(path: Path | str) -> str:
    """Read a UTF-8 file; every problem becomes a DocumentError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(str(path), None, FILE_MISSING) from None
    except OSError as error:
        raise DocumentError(
            str(path), None, FILE_UNREADABLE.format(reason=error.strerror or error)
        ) from None
    return bytes_text(data, source=str(path))


def document_read(path: Path | str) -> ParsedDocument:
    """Read and parse one seed document file."""
    return parse_document(file_text(path), source=str(path))


def bytes_text(data: bytes, *, source: str) -> str:
    """Decode an uploaded or read file as UTF-8 (a byte-order mark is dropped by each format)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(source, None, FILE_NOT_UTF8.format(offset=error.start)) from None


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


@dataclass(frozen=True)
class QuestionOutcome:
    """What the import does (or did) to one question of the document."""

    outcome: str  # created, updated or unchanged
    text: str
    line: int
    changes: tuple[str, ...] = ()  # what differs, for "updated": wording, expert answer, ...


@dataclass
class ImportReport:
    topics: Tally = field(default_factory=Tally)
    questions: Tally = field(default_factory=Tally)
    answers: Tally = field(default_factory=Tally)
    concepts_refreshed: int = 0
    warnings: list[str] = field(default_factory=list)
    outcomes: list[QuestionOutcome] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # texts of stored questions not in the document
    # The bank each document goes into, in order (in a dry run a new one is not saved).
    banks: list[Topic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.topics.changed or self.questions.changed or self.answers.changed


@dataclass
class _Run:
    report: ImportReport
    write: bool
    to_refresh: set[int] = field(default_factory=set)
    new_questions: list[Question] = field(default_factory=list)  # written in one batch
    new_answers: list[ModelAnswer] = field(default_factory=list)
    # Concepts the documents carry, set after the questions are written.
    concepts: dict[int, tuple[Question, dict]] = field(default_factory=dict)
    progress: Callable[[str], None] = lambda line: None
    done: int = 0
    total: int = 0
    # Stored questions whose wording or answers the import changes, recorded as revisions.
    revisions: list[StateChange] = field(default_factory=list)
    revision_note: str = ""
    # The banks this run may change, and their questions (None: any, as the command line may).
    editable: QuerySet | None = None
    editor: object = None  # the uploader, whose banks an upload goes into (None: the site's)
    topic_from_file_name: bool = False  # the topic name is the file's (CSV): try it as a slug


def _changes(instance, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(instance, name) != value]


def _save_changes(instance, values: dict, *, write: bool) -> list[str]:
    """Set and save the fields that differ (only when writing); return their names."""
    changed = _changes(instance, values)
    if changed and write:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=[*changed, "updated_at"])
    return changed


def _answers_sync(
    question: Question, answers: dict[str, ParsedAnswer | None], run: _Run
) -> list[str]:
    """Bring the question's model answers in line with the source; return the levels that change."""
    existing = {a.level: a for a in question.model_answers.all()} if question.pk else {}
    changed = []
    for level, parsed in answers.items():
        current = existing.get(level)
        if parsed is None:
            if current is not None:
                if run.write:
                    current.delete()
                run.report.answers.add("deleted")
                changed.append(level)
            continue
        values = {"text": parsed.text}
        if parsed.posted_on is not None:  # formats without dates keep the stored one
            values["posted_on"] = parsed.posted_on
        if current is None:
            if run.write:
                values.setdefault("posted_on", timezone.localdate())
                run.new_answers.append(ModelAnswer(question=question, level=level, **values))
            outcome = "created"
        else:
            outcome = "updated" if _save_changes(current, values, write=run.write) else "unchanged"
        run.report.answers.add(outcome)
        if outcome != "unchanged":
            changed.append(level)
    return changed


def _topic_find(document: ParsedDocument, source_name: str, run: _Run) -> Topic | None:
    """The stored bank the document goes into (content.banks), or None for a new one."""
    try:
        if run.editor is None:
            return site_bank_find(name=document.topic_name)
        return upload_bank_find(
            name=document.topic_name,
            user=run.editor,
            name_from_file=run.topic_from_file_name,
        )
    except BankAmbiguous as error:
        line = None if document.description is None else document.topic_line
        raise DocumentError(source_name, line, error.message) from None


def _topic_new(document: ParsedDocument, source_name: str, values: dict, run: _Run) -> Topic:
    """A new bank: the uploader's, private, at a fresh address; or, by command, the site's."""
    # Where a topic came from is set once: exporting and importing it back changes nothing.
    values = {**values, "source_name": Path(source_name).name}
    if run.editor is not None:
        # As the New bank page makes one (content.authoring.topic_create).
        slug = topic_slug_new(document.topic_name) if run.write else ""
        return Topic(
            slug=slug,
            owner=run.editor,
            is_published=False,
            shared_with_everyone=False,
            **values,
        )
    # The command's new bank has its name's slug as its address: a name must make one. (A bank
    # the file finds already has an address; an upload's new bank gets one as New bank does.)
    slug = slugify(document.topic_name)
    if not slug:
        problem = TOPIC_WITHOUT_SLUG.format(found=repr(document.topic_name[:60]))
        raise DocumentError(source_name, document.topic_line, problem)
    if slug in RESERVED_TOPIC_SLUGS:
        names = ", ".join(f"'{name.title()}'" for name in sorted(RESERVED_TOPIC_SLUGS))
        problem = TOPIC_SLUG_RESERVED.format(names=names, found=repr(document.topic_name))
        raise DocumentError(source_name, document.topic_line, problem)
    return Topic(slug=slug, **values)


def _topic_sync(document: ParsedDocument, source_name: str, run: _Run) -> Topic:
    topic = _topic_find(document, source_name, run)
    values = {"name": document.topic_name}
    if document.description is not None:
        values["description"] = document.description
    if topic is None:
        topic = _topic_new(document, source_name, values, run)
        if run.write:
            topic.save()
        run.report.topics.add("created")
    elif document.description is None:
        # A format without a topic line (CSV) names a topic only when it creates it.
        run.report.topics.add("unchanged")
    else:
        changed = _save_changes(topic, values, write=run.write)
        run.report.topics.add("updated" if changed else "unchanged")
    return topic


def _matches(
    document: ParsedDocument, slugs: list[str], source_name: str, editable: QuerySet | None
) -> list[Question | None]:
    """The stored question each document question updates (None: it is new).

    With `editable` (banks), a match outside them is refused: ids and wordings are unique across
    banks, so a file must not reach, move or rewrite a question of a bank its uploader may not edit.
    """
    uids = [parsed.uid for parsed in document.questions if parsed.uid is not None]
    stored = Question.objects.prefetch_related("model_answers")
    if any(parsed.concepts is not None for parsed in document.questions):
        # Only a document that carries concepts compares them: reading every stored concept of
        # a large bank for nothing took a third of an unchanged re-import's database time.
        stored = stored.prefetch_related("concepts")
    by_uid = {q.uid: q for q in stored.filter(uid__in=uids)}
    by_slug = {q.slug: q for q in stored.filter(slug__in=slugs)}
    claimed: dict[int, int] = {}  # question pk -> the document line that matched it
    found = [q.pk for q in (*by_uid.values(), *by_slug.values())]
    allowed = set()
    if editable is not None:
        allowed = set(
            Question.objects.filter(topic__in=editable, pk__in=found).values_list("pk", flat=True)
        )
    matches: list[Question | None] = []
    for slug, parsed in zip(slugs, document.questions, strict=True):
        question = by_uid.get(parsed.uid) or by_slug.get(slug)
        holder = by_slug.get(slug)
        # A question that keeps its wording makes no new duplicate: a copy in another bank reads
        # as its original until adapted. Only a wording changed into another's is refused.
        renamed = question is not None and question.text != parsed.text
        if renamed and holder is not None and holder.pk != question.pk:
            problem = WORDING_TAKEN.format(slug=holder.slug, question=holder.text)
            raise DocumentError(source_name, parsed.line, problem)
        if question is not None and editable is not None and question.pk not in allowed:
            matched = "id" if by_uid.get(parsed.uid) is question else "wording"
            problem = QUESTION_NOT_YOURS.format(matched=matched, question=parsed.text)
            raise DocumentError(source_name, parsed.line, problem)
        if question is not None:
            if question.pk in claimed:
                problem = MATCHED_TWICE.format(first=claimed[question.pk])
                raise DocumentError(source_name, parsed.line, problem)
            claimed[question.pk] = parsed.line
        matches.append(question)
    return matches


_CHANGE_NAMES = {"text": "wording", "slug": "wording", "topic_id": "topic", "position": "order"}


def _revision_queue(parsed: ParsedQuestion, question: Question, run: _Run) -> None:
    """Queue a revision when the document changes this stored question's wording or answers."""
    before = question_state(question)
    after = QuestionState(
        parsed.text,
        parsed.expert.text if parsed.expert else "",
        parsed.beginner.text if parsed.beginner else "",
    )
    if after != before:
        run.revisions.append(StateChange(question, before, after, run.revision_note))


def _question_sync(
    parsed: ParsedQuestion, question: Question | None, values: dict, run: _Run
) -> tuple[QuestionOutcome, Question | None]:
    if question is not None and run.write:
        _revision_queue(parsed, question, run)  # before the sync below changes it
    if question is None:
        question = Question(**values)
        if run.write:
            run.new_questions.append(question)
        changes: list[str] = []
        outcome = "created"
    else:
        changes = _save_changes(question, values, write=run.write)
        outcome = "updated" if changes else "unchanged"
    answers = {Level.EXPERT: parsed.expert, Level.BEGINNER: parsed.beginner}
    levels = _answers_sync(question, answers, run)
    if levels and question.pk:
        run.to_refresh.add(question.pk)
    changes = [_CHANGE_NAMES.get(name, name) for name in changes]
    changes += [f"{level} answer" for level in levels]
    if parsed.concepts is not None:
        if run.write:
            run.concepts[id(question)] = (question, parsed.concepts)
        if outcome != "created" and concepts_differ(question=question, concepts=parsed.concepts):
            changes.append("concepts")
    changes = list(dict.fromkeys(changes)) if outcome != "created" else []
    if outcome == "unchanged" and changes:
        outcome = "updated"
    run.report.questions.add(outcome)
    return QuestionOutcome(outcome, parsed.text, parsed.line, tuple(changes)), question


def _document_import(document: ParsedDocument, *, source_name: str, run: _Run) -> str:
    """Write (or, in a dry run, only compare) one parsed document; return its progress line."""
    topic = _topic_sync(document, source_name, run)
    run.report.banks.append(topic)
    slugs = [question_slug(parsed.text) for parsed in document.questions]
    matches = _matches(document, slugs, source_name, run.editable)
    tally = Tally()
    in_document: list[Question] = []
    for position, (slug, parsed, question) in enumerate(
        zip(slugs, document.questions, matches, strict=True), start=1
    ):
        # A kept wording keeps the stored slug (a copy's has a suffix): its address stays.
        kept = question is not None and question.text == parsed.text
        values = {
            "topic_id": topic.pk,
            "text": parsed.text,
            "slug": question.slug if kept else slug,
            "position": position,
        }
        if parsed.uid is not None:
            values["uid"] = parsed.uid
        outcome, question = _question_sync(parsed, question, values, run)
        in_document.append(question)
        run.report.outcomes.append(outcome)
        tally.add(outcome.outcome)
        run.done += 1
        if run.done % PROGRESS_EVERY == 0 and run.done < run.total:
            run.progress(f"  {run.done}/{run.total} questions compared or written")

    if run.write:
        Question.objects.bulk_create(run.new_questions)
        ModelAnswer.objects.bulk_create(run.new_answers)
        run.to_refresh.update(question.pk for question in run.new_questions)
        run.new_questions, run.new_answers = [], []
    if topic.pk is not None:
        gone = (
            Question.objects.filter(topic=topic)
            .exclude(pk__in=[question.pk for question in in_document if question.pk])
            .order_by("position")
        )
        if gone_rows := list(gone.values_list("slug", "text")):
            run.report.kept.extend(text for _, text in gone_rows)
            run.report.warnings.append(
                QUESTIONS_KEPT.format(
                    topic=topic.name,
                    count=len(gone_rows),
                    plural=pluralize(len(gone_rows)),
                    pronoun=pluralize(len(gone_rows), "it,them"),
                    slugs=", ".join(slug for slug, _ in gone_rows),
                )
            )
    return (
        f"{topic.name} ({source_name}): {len(slugs)} question{pluralize(len(slugs))}: "
        f"{tally.created} created, {tally.updated} updated, {tally.unchanged} unchanged"
    )


def _column_limits_check(source_name: str, document: ParsedDocument) -> None:
    """Refuse what would not fit its column: PostgreSQL raises mid-import, SQLite stores it whole."""
    limit = min(Topic._meta.get_field("name").max_length, Topic._meta.get_field("slug").max_length)
    if not document.topic_name.strip():
        raise DocumentError(source_name, document.topic_line, TOPIC_EMPTY)
    slug = slugify(document.topic_name)
    length = max(len(document.topic_name), len(slug))
    if length > limit:
        problem = TOPIC_TOO_LONG.format(limit=limit, length=length)
        raise DocumentError(source_name, document.topic_line, problem)
    name_limit = Topic._meta.get_field("source_name").max_length
    if len(Path(source_name).name) > name_limit:
        problem = FILE_NAME_TOO_LONG.format(limit=name_limit, length=len(Path(source_name).name))
        raise DocumentError(source_name, None, problem)


def _documents_check(documents: Sequence[tuple[str, ParsedDocument]]) -> None:
    """Refuse a run that names one topic, question or id in two documents."""
    seen: dict[str, str] = {}
    topics: dict[str, str] = {}
    for source_name, document in documents:
        _column_limits_check(source_name, document)
        # By address, as the command makes one from the name; a name without one by itself.
        key = slugify(document.topic_name) or document.topic_name.strip().casefold()
        other = topics.setdefault(key, source_name)
        if other != source_name:
            problem = TOPIC_IN_TWO_DOCUMENTS.format(other=other, topic=document.topic_name)
            raise DocumentError(source_name, 1, problem)
        for parsed in document.questions:
            for key in (question_slug(parsed.text), parsed.uid and str(parsed.uid)):
                if key and (other := seen.setdefault(key, source_name)) != source_name:
                    raise DocumentError(
                        source_name,
                        parsed.line,
                        QUESTION_IN_TWO_TOPICS.format(other=other, question=parsed.text),
                    )


def questions_import(
    *,
    documents: Sequence[tuple[str, ParsedDocument]],
    progress: Callable[[str], None] = lambda line: None,
    dry_run: bool = False,
    author=None,
    editor=None,
    topic_from_file_name: bool = False,
) -> ImportReport:
    """Import parsed documents, given as (source name, document), in one transaction.

    With dry_run nothing is written: the report says what an import would create, update and
    leave alone. `author` is who the revisions of changed questions name (None: the importer).
    With `editor` (an upload's uploader) a document goes into that user's bank of its name, or a
    new private one of theirs (content.banks.upload_bank_find; `topic_from_file_name` when a CSV
    file's name is its topic), and a question of a bank that user may not edit, named by id or
    wording, is refused. Decided inside the import's transaction, so a bank someone else creates
    meanwhile is neither filled nor handed over.
    """
    _documents_check(documents)
    editable = None if editor is None else Topic.objects.editable_by(editor)
    run = _Run(
        ImportReport(),
        write=not dry_run,
        progress=progress,
        editable=editable,
        editor=editor,
        topic_from_file_name=topic_from_file_name,
    )
    run.total = sum(len(document.questions) for _, document in documents)
    for _, document in documents:
        run.report.warnings.extend(document.warnings)
        if not reads_as_english(_model_answers_text(document)):
            run.report.warnings.append(NOT_ENGLISH.format(topic=document.topic_name))
    # A dry run only reads: no transaction, so a preview never holds SQLite's write lock.
    with transaction.atomic() if run.write else nullcontext():
        for source_name, document in documents:
            note = NOTE_IMPORTED_FROM.format(file=Path(source_name).name)
            run.revision_note = note[: QuestionRevision._meta.get_field("note").max_length]
            progress(_document_import(document, source_name=source_name, run=run))
        if run.write:
            revisions_record_many(changes=run.revisions, author=author)
            _concepts_write(run)
    return run.report


def _concepts_write(run: _Run) -> None:
    """Set the concepts the documents carry, and extract them for new or changed questions."""
    for result in concepts_set_many(list(run.concepts.values())):
        if result.created or result.updated or result.deleted:
            run.report.concepts_refreshed += 1
    # Questions never given concepts (say, imported before extraction existed) get them now too.
    with_concepts = Concept.objects.values("question_id")
    run.to_refresh.update(
        Question.objects.exclude(pk__in=with_concepts).values_list("pk", flat=True)
    )
    run.to_refresh.difference_update(question.pk for question, _ in run.concepts.values())
    refresh = Question.objects.filter(pk__in=run.to_refresh).prefetch_related("model_answers")
    total = len(run.to_refresh)

    def progress(done: int) -> None:
        if done % PROGRESS_EVERY == 0 and done < total:
            run.progress(f"  concepts extracted for {done}/{total} questions")

    run.report.concepts_refreshed += concepts_refresh_many(
        questions=list(refresh), progress=progress
    )
