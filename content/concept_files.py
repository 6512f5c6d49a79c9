"""Concepts as JSON, so curation can be versioned: export them, edit or review, import them back."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone

from content.concepts import variants_clean
from content.json_input import json_parse
from content.models import Concept, Question, Topic

FORMAT_VERSION = 1
MAX_ERRORS_SHOWN = 20
TIERS = frozenset(Concept.Tier.values)
MAX_RANK = 2**31 - 1  # PositiveIntegerField's range on PostgreSQL
LABEL_MAX_LENGTH = Concept._meta.get_field("label").max_length

ERROR_NOT_JSON = "The file is not valid JSON: {detail}."
ERROR_TOP_LEVEL = 'The file must hold a JSON object with a "questions" list.'
ERROR_VERSION = "This file has format version {found!r}; this app reads version {expected}."


class ConceptFileError(ValueError):
    """A concepts file that cannot be imported; the message names every bad entry."""


class ConceptsImported(NamedTuple):
    questions: int
    created: int
    updated: int
    deleted: int


def concepts_export(*, topic: Topic | None = None) -> dict[str, Any]:
    """Every concept (inactive and extracted ones too) of the bank or one topic, as plain data."""
    questions = Question.objects.select_related("topic").prefetch_related("concepts")
    if topic is not None:
        questions = questions.filter(topic=topic)
    return {
        "version": FORMAT_VERSION,
        "questions": [
            {
                "slug": question.slug,
                "text": question.text,
                "topic": question.topic.slug,
                "concepts": [
                    {
                        "label": row.label,
                        "variants": list(variants_clean(row.variants)),
                        "weight": row.weight,
                        "tier": row.tier,
                        "origin": row.origin,
                        "negated": row.negated,
                        "is_active": row.is_active,
                        "rank": row.rank,
                    }
                    for row in sorted(question.concepts.all(), key=lambda r: (r.rank, r.pk))
                ],
            }
            for question in questions
        ],
    }


def concepts_dumps(data: dict[str, Any]) -> str:
    """The export as stable, diff-friendly JSON text."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def concepts_loads(text: str) -> dict[str, Any]:
    """Parse a concepts file; NaN, Infinity and deep nesting are refused like malformed JSON."""
    try:
        return json_parse(text)
    except ValueError as error:
        raise ConceptFileError(ERROR_NOT_JSON.format(detail=error)) from None


def concepts_import(*, data: Any) -> ConceptsImported:
    """Make each listed question's concepts exactly those of the file, all marked curated.

    Validates everything before writing anything; importing the same file twice writes nothing
    the second time.
    """
    entries = _validated(data)
    with transaction.atomic():
        # Lock the questions so a concurrent re-extraction cannot add a row under our labels.
        list(Question.objects.select_for_update().filter(pk__in=[q.pk for q, _ in entries]))
        results = concepts_set_many(entries)
    return ConceptsImported(
        len(entries),
        sum(result.created for result in results),
        sum(result.updated for result in results),
        sum(result.deleted for result in results),
    )


class _ConceptsPlan(NamedTuple):
    created: list[Concept]
    updated: list[Concept]
    deleted: list[int]


def _concepts_plan(
    question: Question, concepts: dict[str, dict[str, Any]], rows: list[Concept]
) -> _ConceptsPlan:
    by_label = {row.label: row for row in rows}
    stale = [row.pk for label, row in by_label.items() if label not in concepts]
    changed, new = [], []
    now = timezone.now()
    for label, fields in concepts.items():
        row = by_label.get(label)
        if row is None:
            new.append(Concept(question=question, label=label, **fields))
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated_at = now
            changed.append(row)
    return _ConceptsPlan(new, changed, stale)


def concepts_differ(*, question: Question, concepts: dict[str, dict[str, Any]]) -> bool:
    """Whether setting these concepts would change anything (reads only; uses prefetched rows)."""
    return any(_concepts_plan(question, concepts, list(question.concepts.all())))


def concepts_set_many(
    entries: Sequence[tuple[Question, dict[str, dict[str, Any]]]],
) -> list[ConceptsImported]:
    """Make each question's concepts exactly these (validated) ones; one result per entry.

    Unchanged rows are not saved. The stored rows of all the questions are read in one query
    and the changes written together, so a bank's thousand questions cost what one does.
    """
    results = []
    for batch in _each_question_once(entries):
        stored: dict[int, list[Concept]] = defaultdict(list)
        for row in Concept.objects.filter(question__in=[question.pk for question, _ in batch]):
            stored[row.question_id].append(row)
        plans = [
            _concepts_plan(question, concepts, stored[question.pk]) for question, concepts in batch
        ]
        Concept.objects.filter(pk__in=[pk for plan in plans for pk in plan.deleted]).delete()
        updated = [row for plan in plans for row in plan.updated]
        Concept.objects.bulk_update(updated, [*_FIELDS, "updated_at"])
        Concept.objects.bulk_create([row for plan in plans for row in plan.created])
        results += [
            ConceptsImported(1, len(plan.created), len(plan.updated), len(plan.deleted))
            for plan in plans
        ]
    return results


def _each_question_once(entries: Sequence[tuple[Question, Any]]) -> Iterator[list]:
    """The entries in order, cut where a question comes back: its second entry must see the
    rows its first one wrote, as when each was set on its own."""
    batch: list = []
    seen: set[int] = set()
    for question, concepts in entries:
        if question.pk in seen:
            yield batch
            batch, seen = [], set()
        batch.append((question, concepts))
        seen.add(question.pk)
    if batch:
        yield batch


_FIELDS = ("variants", "weight", "tier", "negated", "origin", "is_active", "rank")


def _validated(data: Any) -> list[tuple[Question, dict[str, dict[str, Any]]]]:
    """Check the whole file, collecting every problem, and resolve question slugs."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise ConceptFileError(ERROR_TOP_LEVEL)
    if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise ConceptFileError(ERROR_VERSION.format(found=data["version"], expected=FORMAT_VERSION))
    errors: list[str] = []
    slugs = [e.get("slug") for e in data["questions"] if isinstance(e, dict)]
    known = Question.objects.in_bulk([s for s in slugs if isinstance(s, str)], field_name="slug")
    entries, seen = [], set()
    for index, entry in enumerate(data["questions"]):
        where = f"questions[{index}]"
        if not isinstance(entry, dict):
            errors.append(f"{where}: must be an object with a slug and concepts")
            continue
        slug = entry.get("slug")
        if not isinstance(slug, str) or not slug:
            errors.append(f"{where}: needs a question slug")
            slug = None
        else:
            where = f"{where} ({slug!r})"
            if slug not in known:
                errors.append(f"{where}: no question with slug {slug!r} in the bank")
            elif slug in seen:
                errors.append(f"{where}: question listed twice")
            seen.add(slug)
        if not isinstance(entry.get("concepts"), list):
            errors.append(f"{where}: needs a concepts list")
            continue
        concepts = concepts_validated(entry["concepts"], where=where, errors=errors)
        if slug in known:
            entries.append((known[slug], concepts))
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        raise ConceptFileError(
            "Nothing was imported:\n  "
            + "\n  ".join(shown)
            + (f"\n  ... and {more} more" if more else "")
        )
    return entries


def concepts_validated(
    items: list[Any], *, where: str, errors: list[str], keep_origin: bool = False
) -> dict[str, dict[str, Any]]:
    """Check one question's concepts, adding each problem to errors; label -> row fields.

    With keep_origin, a concept's `origin` comes from the data (a whole bank exported and imported
    back stays as it was); otherwise whoever wrote the file curated every concept in it.
    """
    concepts: dict[str, dict[str, Any]] = {}
    folded: set[str] = set()
    for index, item in enumerate(items):
        at = f"{where} concepts[{index}]"
        if not isinstance(item, dict):
            errors.append(f"{at}: must be an object with a label")
            continue
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            errors.append(f"{at}: needs a non-empty label")
            continue
        label = label.strip()
        at = f"{at} ({label!r})"
        problems = []
        if len(label) > LABEL_MAX_LENGTH:
            problems.append(f"label is longer than {LABEL_MAX_LENGTH} characters")
        if label.casefold() in folded:
            problems.append("label listed twice for this question")
        folded.add(label.casefold())
        variants = item.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            problems.append("variants must be a list of strings")
        weight = item.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            problems.append(f"weight must be a number, not {weight!r}")
        elif not math.isfinite(weight) or weight < 0:
            problems.append(f"weight must be zero or more, not {weight!r}")
        tier = item.get("tier", Concept.Tier.CORE)
        if tier not in TIERS:
            problems.append(f"tier must be one of {sorted(TIERS)}, not {tier!r}")
        is_active = item.get("is_active", True)
        if not isinstance(is_active, bool):
            problems.append(f"is_active must be true or false, not {is_active!r}")
        negated = item.get("negated", False)
        if not isinstance(negated, bool):
            problems.append(f"negated must be true or false, not {negated!r}")
        rank = item.get("rank", index)
        if isinstance(rank, bool) or not isinstance(rank, int) or not 0 <= rank <= MAX_RANK:
            problems.append(f"rank must be a whole number from 0 to {MAX_RANK}, not {rank!r}")
        origin = item.get("origin", Concept.Origin.CURATED) if keep_origin else None
        if keep_origin and origin not in Concept.Origin.values:
            problems.append(
                f"origin must be one of {sorted(Concept.Origin.values)}, not {origin!r}"
            )
        if problems:
            errors.extend(f"{at}: {problem}" for problem in problems)
            continue
        concepts[label] = {
            "variants": [v.strip() for v in variants if v.strip()],
            "weight": float(weight),
            "tier": tier,
            "origin": origin or Concept.Origin.CURATED,
            "negated": negated,
            "is_active": is_active,
            "rank": rank,
        }
    return concepts
