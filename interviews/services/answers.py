"""Autosave: one conditional UPDATE on the hot path, so a late or repeated save never wins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from content.scoring import MAX_ANSWER_CHARS
from interviews.models import SessionItem, SessionItemQuerySet
from interviews.services.errors import (
    ANSWER_TOO_LONG_MESSAGE,
    DEADLINE_PASSED_MESSAGE,
    ITEM_CLOSED_MESSAGE,
    AnswerRefused,
)
from interviews.timing import grace_seconds, is_past_grace


class ItemNotFound(Exception):
    """No item matches (or the requester may not see it): the view answers 404."""


@dataclass(frozen=True, slots=True)
class AutosaveResult:
    """The revision the server holds after this save, and when it was stored."""

    revision: int
    saved_at: datetime | None
    stored: bool  # False when the server already held this revision or a newer one


def answer_autosave(
    *, items: SessionItemQuerySet, text: str, revision: int, now: datetime | None = None
) -> AutosaveResult:
    """Store text as `revision` of the one item `items` selects, unless a newer one is stored.

    `items` is already narrowed to what the requester may write (their own item), so the access
    check costs nothing extra. Raises AnswerRefused after the deadline plus grace or once the item
    is finished, ItemNotFound when nothing matches.
    """
    now = now or timezone.now()
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerRefused(ANSWER_TOO_LONG_MESSAGE)
    in_time = Q(deadline_at__isnull=True) | Q(
        deadline_at__gte=now - timedelta(seconds=grace_seconds())
    )
    # The conditions sit on the UPDATE's own row, not in a joined subquery: PostgreSQL re-checks
    # them against the newest row version when a concurrent save committed first.
    target = SessionItem.objects.filter(pk__in=items.values("pk"))
    updated = target.filter(
        in_time, status=SessionItem.Status.ACTIVE, autosave_revision__lt=revision
    ).update(answer_text=text, autosave_revision=revision, autosaved_at=now)
    if updated:
        return AutosaveResult(revision=revision, saved_at=now, stored=True)
    # Only a refused or repeated save pays for a second query, to say why.
    current = items.values("status", "autosave_revision", "autosaved_at", "deadline_at").first()
    if current is None:
        raise ItemNotFound
    if current["status"] != SessionItem.Status.ACTIVE:
        raise AnswerRefused(ITEM_CLOSED_MESSAGE)
    if is_past_grace(current["deadline_at"], now=now):
        raise AnswerRefused(DEADLINE_PASSED_MESSAGE)
    return AutosaveResult(
        revision=current["autosave_revision"], saved_at=current["autosaved_at"], stored=False
    )
