"""Bridge between Concept rows and the pure-Python scorer (content.scoring)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from content import scoring
from content.models import Concept, Level, ModelAnswer, Question
from content.scoring import semantic

LABEL_MAX_LENGTH = Concept._meta.get_field("label").max_length


class ConceptsRefreshed(NamedTuple):
    """How many extracted rows one refresh created, updated and deleted."""

    created: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


class _Plan(NamedTuple):
    create: list[dict]  # the field values of each new row, for _concepts_insert
    update: list[Concept]
    delete: list[int]


def concepts_extract(
    *, question: Question, common: frozenset[str] | None = None
) -> tuple[scoring.Concept, ...]:
    """The concepts the scorer finds in a question's model answers (nothing is stored).

    `common` is the bank's common stems when the caller already has them (a batch of one topic).
    """
    texts = {answer.level: answer.text for answer in question.model_answers.all()}
    beginner = texts.get(Level.BEGINNER, "")
    # A question with only a beginner answer still gets concepts, all of them core.
    expert = texts.get(Level.EXPERT) or beginner
    if not expert.strip():
        return ()
    return scoring.extract_concepts(
        expert,
        beginner_answer=beginner,
        question=question.text,
        common=bank_common_stems(question) if common is None else common,
    )


def bank_common_stems(question: Question) -> frozenset[str]:
    """Stems that most questions of this question's topic mention: no concept on their own."""
    texts: dict[int, list[str]] = {}
    answers = ModelAnswer.objects.filter(question__topic_id=question.topic_id).order_by(
        "question_id", "level"
    )
    for question_id, text in answers.values_list("question_id", "text"):
        texts.setdefault(question_id, []).append(text)
    return _common_stems(tuple("\n".join(parts) for parts in texts.values()))


@lru_cache(maxsize=4)
def _common_stems(answers_by_question: tuple[str, ...]) -> frozenset[str]:
    # An import refreshes every question of a bank in turn: the bank's counts are made once.
    return scoring.common_stems(answers_by_question)


def concepts_refresh(*, question: Question) -> ConceptsRefreshed:
    """Re-extract a question's concepts from its model answers, keeping what people curated."""
    extracted = concepts_extract(question=question)
    # Plan on a plain read first, so an unchanged question costs no write and no write lock.
    if not any(_plan(_rows(question), extracted, question=question)):
        return ConceptsRefreshed()
    with transaction.atomic():
        # Serialise concurrent refreshes of one question (an import beside an admin action).
        Question.objects.select_for_update().filter(pk=question.pk).exists()
        plan = _plan(_rows(question), extracted, question=question)
        if plan.delete:
            Concept.objects.filter(pk__in=plan.delete).delete()
        if plan.update:
            Concept.objects.bulk_update(
                plan.update,
                ["variants", "weight", "tier", "negated", "rank", "is_active", "updated_at"],
            )
        _concepts_insert(plan.create)
    return ConceptsRefreshed(len(plan.create), len(plan.update), len(plan.delete))


def _rows(question: Question) -> list[Concept]:
    return list(Concept.objects.filter(question=question))


def _plan(
    rows: Iterable[Concept], extracted: Iterable[scoring.Concept], *, question: Question
) -> _Plan:
    """What to write so the extracted rows match the extraction, curated rows untouched."""
    rows = list(rows)
    # A curated row, active or not, owns its label: extraction never brings that label back.
    taken = {row.label.casefold() for row in rows if row.origin == Concept.Origin.CURATED}
    previous = {row.label: row for row in rows if row.origin == Concept.Origin.EXTRACTED}
    now = timezone.now()
    plan = _Plan([], [], [])
    kept: set[str] = set()
    # Rank is the position in the extraction, so a curated row keeps its slot among the rest.
    for rank, concept in enumerate(extracted):
        label = concept.label.strip()
        key = label.casefold()
        if not label or len(label) > LABEL_MAX_LENGTH or key in taken:
            continue
        taken.add(key)
        fields = {
            "variants": list(concept.variants),
            "weight": concept.weight,
            "tier": concept.tier,
            "negated": concept.negated,
            "rank": rank,
            "is_active": True,
        }
        row = previous.get(label)
        if row is None:
            fields.update(question_id=question.pk, label=label, origin=Concept.Origin.EXTRACTED)
            plan.create.append(fields)
            continue
        kept.add(label)
        if any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated_at = now
            plan.update.append(row)
    plan.delete.extend(row.pk for label, row in previous.items() if label not in kept)
    return plan


def scoring_concepts(question: Question) -> tuple[scoring.Concept, ...]:
    """A question's active concepts in rank order, as the scorer's dataclasses."""
    rows = sorted(
        (row for row in question.concepts.all() if row.is_active), key=lambda r: (r.rank, r.pk)
    )
    return tuple(concept_from_row(row) for row in rows)


def concept_from_row(row: Concept) -> scoring.Concept:
    """One Concept row as a scoring.Concept."""
    return scoring.Concept(
        label=row.label,
        variants=variants_clean(row.variants),
        weight=row.weight,
        tier=row.tier,
        negated=row.negated,
    )


def variants_clean(value: object) -> tuple[str, ...]:
    """The variants as non-blank strings; the admin's JSON box also accepts a bare string."""
    if isinstance(value, str):
        value = [value]
    elif not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def answer_score(*, question: Question, answer: str, level: str = "expert") -> scoring.Score:
    """Score an answer against a question's stored concepts (raises scoring.AnswerTooLong)."""
    return concepts_score(
        answer,
        scoring_concepts(question),
        level=level,
        question_text=question.text,
        reference=_reference_text(question, level),
        references=tuple(a.text for a in question.model_answers.all()),
    )


def answer_scored_semantically(*, question: Question, level: str = "expert") -> bool:
    """Whether answer_score blends the semantic layer into this question's scores at this level,
    as concepts_score decides it: switched on here, and a model answer to compare with."""
    return semantic_scoring_enabled() and bool(_reference_text(question, level))


def _reference_text(question: Question, level: str) -> str:
    """The model answer an answer at this level is compared with ('' when there is none)."""
    reference = question.model_answer(level) or question.model_answer(Level.EXPERT)
    return reference.text if reference else ""


def concepts_score(
    answer: str,
    concepts: Sequence[scoring.Concept],
    *,
    level: str,
    question_text: str,
    reference: str,
    references: Sequence[str] = (),
) -> scoring.Score:
    """The lexical score, blended with the semantic layer when it is installed and switched on.

    `references` are all the question's model answers (the support precision counts their
    words as backed); without them, `reference` alone is used."""
    if reference and semantic_scoring_enabled():
        return semantic.score_semantic(
            answer,
            concepts,
            level=level,
            question=question_text,
            reference=reference,
            encoder=_sentence_encoder(),
        )
    return scoring.score(
        answer,
        concepts,
        level=level,
        question=question_text,
        references=tuple(references) or ((reference,) if reference else ()),
    )


def semantic_scoring_enabled() -> bool:
    """Whether scores blend in the optional semantic layer (a setting, and the extra installed)."""
    return settings.INTERVIEW_SEMANTIC_SCORING and semantic.semantic_available()


@cache
def _sentence_encoder() -> semantic.SentenceEncoder:
    # One encoder per process: it loads the model once, lazily, and caches encodings.
    return semantic.SentenceEncoder()


def concepts_refresh_many(
    *, questions: Sequence[Question], progress: Callable[[int], None] = lambda done: None
) -> int:
    """concepts_refresh for many questions (an import): one read, one batch of writes.

    Returns how many questions' concepts changed; progress gets the number extracted so far.
    """
    with transaction.atomic():
        pks = [question.pk for question in questions]
        list(Question.objects.select_for_update().filter(pk__in=pks).values_list("pk"))
        rows: dict[int, list[Concept]] = {pk: [] for pk in pks}
        for row in Concept.objects.filter(question_id__in=pks):
            rows[row.question_id].append(row)
        create: list[Concept] = []
        update: list[Concept] = []
        delete: list[int] = []
        changed = 0
        common: dict[int, frozenset[str]] = {}  # per topic: read its answers once, not per question
        for done, question in enumerate(questions, start=1):
            if question.topic_id not in common:
                common[question.topic_id] = bank_common_stems(question)
            extracted = concepts_extract(question=question, common=common[question.topic_id])
            plan = _plan(rows[question.pk], extracted, question=question)
            create += plan.create
            update += plan.update
            delete += plan.delete
            changed += any(plan)
            progress(done)
        Concept.objects.filter(pk__in=delete).delete()
        Concept.objects.bulk_update(
            update, ["variants", "weight", "tier", "negated", "rank", "is_active", "updated_at"]
        )
        _concepts_insert(create)
    return changed


# Values of these field types are stored as they are when they have the plain Python type.
_PLAIN_FIELDS = frozenset(
    ["BooleanField", "CharField", "FloatField", "ForeignKey", "PositiveIntegerField"]
)
_PLAIN_TYPES = (bool, float, int, str)


def _concepts_insert(rows: Sequence[dict]) -> None:
    """Insert new Concept rows (field values by attribute name) as bulk_create would, in one
    executemany: a field a row leaves out takes its default, and updated_at is now.

    Each value goes through its field's preparation for the database, except a plain value of a
    plain field, which that would return as it is. bulk_create built a model instance and an SQL
    expression for every value: most of the time of writing a large bank's 31,000 concepts."""
    if not rows:
        return
    fields = [field for field in Concept._meta.concrete_fields if not field.primary_key]
    defaults = {field.attname: field.get_default() for field in fields}
    defaults["updated_at"] = timezone.now()  # what auto_now sets
    plain = [field.get_internal_type() in _PLAIN_FIELDS for field in fields]
    stamp = Concept._meta.get_field("updated_at").get_db_prep_save(
        defaults["updated_at"], connection
    )
    params = []
    for row in rows:
        values = []
        for field, is_plain in zip(fields, plain, strict=True):
            name = field.attname
            if name == "updated_at":
                values.append(stamp)
                continue
            value = row[name] if name in row else defaults[name]
            if not (is_plain and type(value) in _PLAIN_TYPES):
                value = field.get_db_prep_save(value, connection)
            values.append(value)
        params.append(values)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(Concept._meta.db_table)} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
