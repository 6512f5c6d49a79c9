"""Read models for interviewer pages: live progress, transcripts, exports, the agreement report."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.safestring import SafeString

from content.models import Level
from interviews.highlight import highlight_concepts
from interviews.models import InterviewSession, SessionItem
from interviews.models_interviewer import ConceptVerdict, ReviewChange


def seconds_left(deadline: datetime | None, *, now: datetime) -> int | None:
    if deadline is None:
        return None
    return max(0, math.ceil((deadline - now).total_seconds()))


def answer_highlight(text: str, matched: list[dict]) -> SafeString:
    """The answer, escaped, with matched spans in <mark> (the interview pages' highlighter)."""
    return highlight_concepts(text, matched)


@dataclass
class ProgressRow:
    position: int
    question: str
    status: str
    status_label: str
    score: float | None
    final_score: float | None


@dataclass
class SessionProgress:
    session: InterviewSession
    answered: int
    total: int
    current_position: int | None
    current_question: str
    item_seconds_left: int | None
    session_seconds_left: int | None
    rows: list[ProgressRow]

    @property
    def is_running(self) -> bool:
        return self.session.is_running


def session_progress(session: InterviewSession, *, now: datetime | None = None) -> SessionProgress:
    """Where the candidate is: current question, time left, answered of total, scores so far."""
    now = now or timezone.now()
    items = list(session.items.select_related("question").order_by("position"))
    active = next((item for item in items if item.status == SessionItem.Status.ACTIVE), None)
    return SessionProgress(
        session=session,
        answered=sum(item.is_finished for item in items),
        total=len(items),
        current_position=active.position if active else None,
        current_question=active.question.text if active else "",
        item_seconds_left=seconds_left(active.deadline_at, now=now) if active else None,
        session_seconds_left=(
            seconds_left(session.deadline_at, now=now) if session.is_running else None
        ),
        rows=[
            ProgressRow(
                position=item.position,
                question=item.question.text,
                status=item.status,
                status_label=item.get_status_display(),
                score=item.score if item.is_finished else None,
                final_score=item.final_score if item.is_finished else None,
            )
            for item in items
        ],
    )


@dataclass
class ConceptLine:
    label: str
    auto_present: bool
    present: bool
    verdict: ConceptVerdict | None = None

    @property
    def corrected(self) -> bool:
        return self.present != self.auto_present


@dataclass
class TranscriptItem:
    item: SessionItem
    highlighted_answer: SafeString
    concepts: list[ConceptLine]
    expert_answer: str
    beginner_answer: str
    changes: list[ReviewChange] = field(default_factory=list)

    @property
    def missed_labels(self) -> list[str]:
        return [line.label for line in self.concepts if not line.present]


def transcript_items(session: InterviewSession) -> list[TranscriptItem]:
    """Every question of a session with its answer, concepts (auto and human) and model answers."""
    items = (
        session.items.select_related("question")
        .prefetch_related(
            "question__model_answers",
            "concept_verdicts",
            Prefetch(
                "review_changes",
                queryset=ReviewChange.objects.select_related("changed_by"),
            ),
        )
        .order_by("position")
    )
    rows = []
    for item in items:
        verdicts = {verdict.concept_label: verdict for verdict in item.concept_verdicts.all()}
        matched_labels = {hit["label"] for hit in item.matched}
        labels = list(dict.fromkeys([hit["label"] for hit in item.matched] + list(item.missed)))
        concepts = []
        for label in labels:
            auto = label in matched_labels
            verdict = verdicts.get(label)
            present = verdict.present if verdict else auto
            concepts.append(ConceptLine(label, auto, present, verdict))
        expert = item.question.model_answer(Level.EXPERT)
        beginner = item.question.model_answer(Level.BEGINNER)
        rows.append(
            TranscriptItem(
                item=item,
                highlighted_answer=answer_highlight(item.answer_text, item.matched),
                concepts=concepts,
                expert_answer=expert.text if expert else "",
                beginner_answer=beginner.text if beginner else "",
                changes=list(item.review_changes.all()),
            )
        )
    return rows


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def transcript_data(session: InterviewSession) -> dict:
    """The whole transcript as plain JSON-ready data (the stable export format)."""
    items = transcript_items(session)
    return {
        "session": {
            "id": session.pk,
            "title": session.title,
            "candidate": session.display_candidate,
            "candidate_email": session.candidate_email,
            "interviewer": session.created_by.get_username(),
            "level": session.level,
            "status": session.status,
            "per_item_seconds": session.per_item_seconds,
            "total_seconds": session.total_seconds,
            "started_at": _iso(session.started_at),
            "finished_at": _iso(session.finished_at),
            "notes": session.notes,
            "recommendation": session.recommendation,
        },
        "items": [
            {
                "position": row.item.position,
                "question": row.item.question.text,
                "status": row.item.status,
                "answer": row.item.answer_text,
                "automatic_score": row.item.score,
                "score_override": row.item.score_override,
                "override_reason": row.item.override_reason,
                "final_score": row.item.final_score,
                "matched": row.item.matched,
                "concepts": [
                    {"label": line.label, "automatic": line.auto_present, "present": line.present}
                    for line in row.concepts
                ],
                "missed": row.missed_labels,
                "started_at": _iso(row.item.started_at),
                "finished_at": _iso(row.item.finished_at),
                "used_seconds": row.item.used_seconds,
                "limit_seconds": row.item.limit_seconds,
            }
            for row in items
        ],
        "changes": [
            {
                "at": change.changed_at.isoformat(),
                "by": change.changed_by.get_username() if change.changed_by else None,
                "item_position": change.item.position if change.item else None,
                "field": change.field,
                "concept": change.concept_label,
                "old": change.old_value,
                "new": change.new_value,
                "reason": change.reason,
            }
            for change in session.review_changes.select_related("changed_by", "item").order_by(
                "changed_at", "id"
            )
        ],
    }


CSV_COLUMNS = [
    "position",
    "question",
    "status",
    "answer",
    "automatic_score",
    "score_override",
    "override_reason",
    "final_score",
    "present_concepts",
    "missed_concepts",
    "started_at",
    "finished_at",
    "used_seconds",
    "limit_seconds",
]


def transcript_csv(session: InterviewSession) -> str:
    """One row per question, concepts joined with '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in transcript_data(session)["items"]:
        present = [c["label"] for c in row["concepts"] if c["present"]]
        writer.writerow(
            [
                *(row[name] for name in CSV_COLUMNS[:8]),
                "; ".join(present),
                "; ".join(row["missed"]),
                *(row[name] for name in CSV_COLUMNS[10:]),
            ]
        )
    return buffer.getvalue()


@dataclass
class QuestionAgreement:
    question_id: int
    question: str
    question_slug: str
    reviewed_items: int
    corrected_items: int
    top_corrections: list[tuple[str, int]]

    @property
    def corrected_share(self) -> float:
        return self.corrected_items / self.reviewed_items if self.reviewed_items else 0.0


def agreement_report(sessions) -> list[QuestionAgreement]:
    """Per question: finished answers, how many had concepts corrected, the most corrected ones."""
    items = SessionItem.objects.finished().filter(session__in=sessions, score__isnull=False)
    totals = Counter(items.values_list("question_id", flat=True))
    verdicts = ConceptVerdict.objects.filter(item__in=items).values_list(
        "item__question_id", "item_id", "concept_label"
    )
    corrected_items: dict[int, set[int]] = defaultdict(set)
    labels: dict[int, Counter] = defaultdict(Counter)
    for question_id, item_id, label in verdicts:
        corrected_items[question_id].add(item_id)
        labels[question_id][label] += 1
    from content.models import Question

    questions = Question.objects.in_bulk(list(totals))
    report = [
        QuestionAgreement(
            question_id=pk,
            question=questions[pk].text,
            question_slug=questions[pk].slug,
            reviewed_items=count,
            corrected_items=len(corrected_items[pk]),
            top_corrections=labels[pk].most_common(5),
        )
        for pk, count in totals.items()
    ]
    report.sort(key=lambda row: (-row.corrected_share, -row.reviewed_items, row.question))
    return report
