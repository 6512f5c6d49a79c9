"""The transcript's export formats: JSON (everything) and CSV (one row per question)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from config.downloads import export_datetime
from interviews.models import InterviewSession, ReviewChange
from interviews.models.matched import matched_to_json, other_words_note, partial_credit_note
from interviews.selectors.sessions import session_score
from interviews.selectors.transcripts import RescoreShown, TranscriptItem, transcript_items


def _iso(value: datetime | None) -> str | None:
    """A time of the exports: UTC to the second, which spreadsheets read as a date."""
    return export_datetime(value) if value else None


def transcript_data(session: InterviewSession) -> dict:
    """The whole transcript as plain JSON-ready data (the stable export format)."""
    return _transcript_data(session, transcript_items(session))


def _transcript_data(session: InterviewSession, rows: list[TranscriptItem]) -> dict:
    changes = session.review_changes.select_related("changed_by", "item").order_by(
        "changed_at", "id"
    )
    return {
        "session": _session_json(session),
        "items": [_item_json(row) for row in rows],
        "changes": [_change_json(change) for change in changes],
    }


def _session_json(session: InterviewSession) -> dict:
    return {
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
        "score": session_score(session),
    }


def _item_json(row: TranscriptItem) -> dict:
    item = row.item
    return {
        "position": item.position,
        "question": item.question_text,
        "status": item.status,
        "answer": item.answer_text,
        "automatic_score": item.score,
        "scorer_version": item.scorer_version,
        # Whether the optional semantic layer was blended in: null when not recorded.
        "semantic_scoring": item.semantic_scoring,
        "previous_automatic_score": item.previous_score,
        "previous_scorer_version": item.previous_scorer_version,
        "rescore_note": item.rescore_note,
        "reviewed_score": item.score_reviewed,
        "score_override": item.score_override,
        "override_reason": item.override_reason,
        "final_score": item.final_score,
        "matched": matched_to_json(item.matched_hits),
        "concepts": [
            {
                "label": line.label,
                "automatic": line.auto_present,
                "present": line.present,
                "no_longer_listed": line.no_longer_listed,
                # The answer's own words that earned it, when it never said it as written.
                "in_other_words": list(line.other_words),
                # The share of its weight the scorer credited (its best hit); null when unmatched.
                "credit": line.credit,
            }
            for line in row.concepts
        ],
        "missed": row.missed_labels,
        "started_at": _iso(item.started_at),
        "finished_at": _iso(item.finished_at),
        "used_seconds": item.used_seconds,
        "limit_seconds": item.limit_seconds,
    }


def _change_json(change: ReviewChange) -> dict:
    return {
        "at": _iso(change.changed_at),
        "by": change.changed_by.get_username() if change.changed_by else None,
        # No author: made by a person whose account was deleted since, or else automatic.
        "by_deleted": change.changed_by_deleted,
        # The command that made an automatic change ("manage.py rescore"), if one did.
        "by_command": change.changed_by_command,
        "item_position": change.item.position if change.item else None,
        "field": change.field,
        "concept": change.concept_label,
        "old": change.old_value,
        "new": change.new_value,
        "reason": change.reason,
    }


# Each row carries its session and candidate, so exports of several sessions can be combined.
CSV_SESSION_COLUMNS = ["session_id", "session_title", "candidate", "candidate_email"]
CSV_ITEM_COLUMNS = [
    "position",
    "question",
    "status",
    "answer",
    "automatic_score",
    "reviewed_score",
    "score_override",
    "override_reason",
    # Who set the override in force and when (the transcript is the interviewer's, reason and all).
    "override_by",
    "override_at",
    "final_score",
    "present_concepts",
    "missed_concepts",
    "started_at",
    "finished_at",
    "used_seconds",
    "limit_seconds",
    # When a newer scorer changed the automatic score, the one before it and its version.
    "scorer_version",
    "previous_automatic_score",
    "previous_scorer_version",
    # Concepts credited through another word, each with the answer's words that earned it.
    "concepts_in_other_words",
    # The latest re-score that moved a score or a tick: when, who or which command, why, and
    # what it moved, from what to what (the JSON export's change list has every one).
    "rescored_at",
    "rescored_by",
    "rescore_reason",
    "rescore_changes",
    # Concepts that earned only part of their weight, as the pages say it.
    "concepts_partly_credited",
    # Whether the semantic layer was blended into the automatic score: yes, no, not recorded.
    "semantic_scoring",
]
CSV_COLUMNS = CSV_SESSION_COLUMNS + CSV_ITEM_COLUMNS


# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that spreadsheets show as text: formula-like text gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def transcript_csv(session: InterviewSession) -> str:
    """One row per question, concepts joined with '; ', every text cell safe to open."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    rows = transcript_items(session)
    data = _transcript_data(session, rows)
    about = data["session"]
    session_cells = [about["id"], about["title"], about["candidate"], about["candidate_email"]]
    overrides = _overrides_by_position(data["changes"])
    for transcript_row, row in zip(rows, data["items"], strict=True):
        override = overrides.get(row["position"]) if row["score_override"] is not None else None
        row = {
            **row,
            "override_by": (
                ReviewChange.author_shown(override["by"], deleted=override["by_deleted"])
                if override
                else ""
            ),
            "override_at": override["at"] if override else "",
            "present_concepts": "; ".join(c["label"] for c in row["concepts"] if c["present"]),
            "missed_concepts": "; ".join(row["missed"]),
            "concepts_in_other_words": "; ".join(
                f"{c['label']} ({other_words_note(c['in_other_words'])})"
                for c in row["concepts"]
                if c["in_other_words"]
            ),
            **_rescore_cells(transcript_row.last_rescore),
            "concepts_partly_credited": "; ".join(
                f"{c['label']} ({partial_credit_note(c['credit'])})"
                for c in row["concepts"]
                if partial_credit_note(c["credit"])
            ),
            "semantic_scoring": _semantic_cell(row),
        }
        cells = session_cells + [row[name] for name in CSV_ITEM_COLUMNS]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return buffer.getvalue()


def _rescore_cells(rescore: RescoreShown | None) -> dict[str, str]:
    """The CSV's cells of an item's latest re-score; empty ones when no re-score moved anything."""
    if rescore is None:
        return dict.fromkeys(
            ["rescored_at", "rescored_by", "rescore_reason", "rescore_changes"], ""
        )
    return {
        "rescored_at": _iso(rescore.at),
        "rescored_by": rescore.by,
        "rescore_reason": rescore.reason,
        "rescore_changes": rescore.summary,
    }


def _semantic_cell(row: dict) -> str:
    """yes, no, "not recorded" (a score stored before it was kept), or "" while unscored."""
    if row["automatic_score"] is None:
        return ""
    return {True: "yes", False: "no", None: "not recorded"}[row["semantic_scoring"]]


def _overrides_by_position(changes: list[dict]) -> dict[int, dict]:
    """Each item's latest score-override change, from the export's change list (oldest first)."""
    return {
        change["item_position"]: change
        for change in changes
        if change["field"] == ReviewChange.Field.SCORE_OVERRIDE
    }
