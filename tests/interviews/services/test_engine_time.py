"""Server-kept time: deadlines, the grace period, the sweeper; around midnight and across days."""

import datetime as dt
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from content.scoring import MAX_ANSWER_CHARS
from interviews.models import InterviewSession, SessionItem
from interviews.services import (
    ANSWER_TOO_LONG_MESSAGE,
    DEADLINE_PASSED_MESSAGE,
    AnswerRefused,
    answer_autosave,
    expired_sweep,
    item_activate,
    item_finish,
    session_catch_up,
)
from interviews.timing import item_deadline, remaining_seconds

START = dt.datetime(2026, 3, 31, 23, 59, 0, tzinfo=dt.UTC)  # as in conftest: crosses midnight
GRACE = 5
SECOND = timedelta(seconds=1)


@pytest.fixture(autouse=True)
def grace(settings):
    settings.INTERVIEW_GRACE_SECONDS = GRACE


def at(moment):
    return time_machine.travel(moment, tick=False)


def items_of(session):
    return SessionItem.objects.filter(session=session)


@pytest.mark.parametrize(
    ("per_item", "session_deadline", "expected"),
    [
        (180, None, START + timedelta(seconds=180)),
        (None, START + timedelta(days=2), START + timedelta(days=2)),
        (180, START + timedelta(seconds=60), START + timedelta(seconds=60)),
        (180, START + timedelta(days=1), START + timedelta(seconds=180)),
        (None, None, None),
    ],
)
def test_item_deadline_is_the_earlier_limit(per_item, session_deadline, expected):
    assert (
        item_deadline(
            started_at=START, per_item_seconds=per_item, session_deadline=session_deadline
        )
        == expected
    )


@pytest.mark.parametrize(
    ("offset", "expected"), [(-61, 61), (-1, 1), (-0.2, 1), (0, 0), (1, 0), (3600, 0)]
)
def test_remaining_seconds(offset, expected):
    deadline = START + timedelta(seconds=180)
    assert remaining_seconds(deadline, now=deadline + timedelta(seconds=offset)) == expected
    assert remaining_seconds(None, now=START) is None


def test_first_item_deadline_crosses_midnight(start_session):
    session, item = start_session(per_item_seconds=180)
    assert item.started_at == START
    assert item.deadline_at == dt.datetime(2026, 4, 1, 0, 2, 0, tzinfo=dt.UTC)
    assert session.status == InterviewSession.Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-SECOND, True), (timedelta(0), True), (timedelta(seconds=GRACE), True)],
)
def test_autosave_accepted_until_deadline_plus_grace(start_session, offset, accepted):
    session, item = start_session()
    with at(item.deadline_at + offset):
        result = answer_autosave(
            items=items_of(session).filter(pk=item.pk), text="late", revision=1
        )
    assert result.stored is accepted
    item.refresh_from_db()
    assert item.answer_text == "late"


def test_autosave_refused_one_second_after_grace_keeps_earlier_text(start_session):
    session, item = start_session()
    items = items_of(session).filter(pk=item.pk)
    with at(item.deadline_at - SECOND):
        answer_autosave(items=items, text="in time", revision=1)
    too_late = at(item.deadline_at + timedelta(seconds=GRACE) + SECOND)
    with too_late, pytest.raises(AnswerRefused) as refused:
        answer_autosave(items=items, text="too late", revision=2)
    assert refused.value.message == DEADLINE_PASSED_MESSAGE
    item.refresh_from_db()
    assert (item.answer_text, item.autosave_revision) == ("in time", 1)


def test_submit_before_deadline_is_submitted_at_that_time(start_session):
    session, item = start_session()
    moment = item.deadline_at - SECOND
    with at(moment):
        result = item_finish(item_id=item.pk, text="my answer", revision=3)
    assert result.finished_now and not result.text_refused
    assert result.item.status == SessionItem.Status.SUBMITTED
    assert result.item.finished_at == moment
    assert result.item.answer_text == "my answer"
    assert result.item.score is not None


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(seconds=GRACE)])
def test_final_text_within_grace_counts_but_time_ran_out(start_session, offset):
    session, item = start_session()
    with at(item.deadline_at + offset):
        result = item_finish(item_id=item.pk, text="final words", revision=2)
    assert result.item.status == SessionItem.Status.TIMED_OUT
    assert result.item.answer_text == "final words"
    assert result.item.finished_at == item.deadline_at
    assert not result.text_refused


def test_final_text_after_grace_is_refused_and_saved_text_stays(start_session):
    session, item = start_session()
    with at(item.deadline_at - timedelta(seconds=30)):
        answer_autosave(items=items_of(session).filter(pk=item.pk), text="saved", revision=4)
    with at(item.deadline_at + timedelta(seconds=GRACE) + SECOND):
        result = item_finish(item_id=item.pk, text="arrived too late", revision=5)
    assert result.text_refused
    assert result.item.status == SessionItem.Status.TIMED_OUT
    assert result.item.answer_text == "saved"
    assert result.item.finished_at == item.deadline_at


def test_sweeper_waits_for_the_grace_then_finishes_with_the_autosaved_text(start_session):
    session, item = start_session(count=2)
    with at(item.deadline_at - SECOND):
        answer_autosave(items=items_of(session).filter(pk=item.pk), text="last save", revision=7)
    with at(item.deadline_at + timedelta(seconds=GRACE)):
        assert expired_sweep() == (0, 0)
    item.refresh_from_db()
    assert item.status == SessionItem.Status.ACTIVE
    with at(item.deadline_at + timedelta(seconds=GRACE) + SECOND):
        assert expired_sweep() == (1, 0)
        assert expired_sweep() == (0, 0)  # repeat-safe
    item.refresh_from_db()
    assert item.status == SessionItem.Status.TIMED_OUT
    assert item.answer_text == "last save"
    assert item.finished_at == item.deadline_at
    assert item.score is not None
    # The next question waits for the candidate: its clock does not start while they are away.
    second = items_of(session).get(position=2)
    assert second.status == SessionItem.Status.PENDING


def test_close_expired_sessions_command(start_session, capsys):
    session, item = start_session(count=1)
    with at(item.deadline_at + timedelta(days=3)):
        call_command("close_expired_sessions")
    assert "Closed 1 question and 1 session." in capsys.readouterr().out
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.COMPLETED
    item.refresh_from_db()
    assert item.finished_at == item.deadline_at


def test_session_deadline_across_days_expires_and_skips_the_rest(start_session):
    total = int(timedelta(days=1, hours=2).total_seconds())
    session, item = start_session(count=3, per_item_seconds=None, total_seconds=total)
    deadline = START + timedelta(seconds=total)
    assert session.deadline_at == deadline == item.deadline_at
    assert deadline.date() == dt.date(2026, 4, 2)
    with at(deadline + timedelta(seconds=GRACE)):
        assert expired_sweep() == (0, 0)
    with at(deadline + timedelta(seconds=GRACE) + SECOND):
        assert expired_sweep() == (1, 1)
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.EXPIRED
    assert session.finished_at == deadline
    statuses = list(items_of(session).values_list("status", flat=True))
    assert statuses == ["timed_out", "skipped", "skipped"]


def test_next_question_after_the_session_deadline_expires_the_session(start_session):
    session, item = start_session(count=2, per_item_seconds=60, total_seconds=600)
    with at(START + timedelta(seconds=10)):
        item_finish(item_id=item.pk, text="quick")
    with at(session.deadline_at):
        assert item_activate(session=session) is None
    session.refresh_from_db()
    assert session.status == InterviewSession.Status.EXPIRED


def test_second_item_deadline_is_capped_by_the_session_deadline(start_session):
    session, item = start_session(count=2, per_item_seconds=300, total_seconds=400)
    with at(START + timedelta(seconds=200)):
        item_finish(item_id=item.pk, text="x")
        second = item_activate(session=session)
    assert second.deadline_at == session.deadline_at == START + timedelta(seconds=400)


def test_next_request_catches_up(start_session):
    session, item = start_session(count=1)
    with at(item.deadline_at + timedelta(hours=30)):
        session_catch_up(session=session)
    assert session.status == InterviewSession.Status.COMPLETED
    item.refresh_from_db()
    assert (item.status, item.finished_at) == ("timed_out", item.deadline_at)


def test_no_time_limit_never_expires(start_session):
    session, item = start_session(count=1, per_item_seconds=None)
    assert item.deadline_at is None
    with at(START + timedelta(days=400)):
        assert expired_sweep() == (0, 0)
        assert answer_autosave(items=items_of(session), text="still here", revision=1).stored


def test_a_broken_item_does_not_stop_the_sweep(start_session, candidate, monkeypatch, caplog):
    first, first_item = start_session(count=1)
    second, second_item = start_session(count=1, user=candidate)
    from interviews.services import engine as engine_module

    real_apply = engine_module.item_score_apply

    def flaky_apply(*, item, level):
        if item.pk == first_item.pk:
            raise RuntimeError("scorer bug")
        real_apply(item=item, level=level)

    monkeypatch.setattr(engine_module, "item_score_apply", flaky_apply)
    with at(first_item.deadline_at + timedelta(minutes=5)):
        assert expired_sweep() == (1, 1)
    assert f"Sweeper could not finish session item {first_item.pk}" in caplog.text
    first_item.refresh_from_db()
    second_item.refresh_from_db()
    assert (first_item.status, second_item.status) == ("active", "timed_out")


def test_finishing_with_too_long_text_is_refused_before_anything_changes(start_session):
    """The length check lives in item_finish, outside its transaction: nothing is locked or lost."""
    session, item = start_session(count=1)
    with time_machine.travel(START + SECOND, tick=False), pytest.raises(AnswerRefused) as refused:
        item_finish(item_id=item.pk, text="x" * (MAX_ANSWER_CHARS + 1), revision=1)
    assert refused.value.message == ANSWER_TOO_LONG_MESSAGE
    item.refresh_from_db()
    assert item.status == SessionItem.Status.ACTIVE and item.answer_text == ""


@pytest.mark.parametrize(
    ("per_item", "total"), [(180, None), (None, 600)], ids=["per question", "in total"]
)
def test_a_session_the_sweeper_completes_late_finished_when_its_last_answer_did(
    start_session, per_item, total
):
    session, item = start_session(count=1, per_item_seconds=per_item, total_seconds=total)
    with at(item.deadline_at + timedelta(days=2)):
        expired_sweep()
    session.refresh_from_db()
    item.refresh_from_db()
    assert session.status == InterviewSession.Status.COMPLETED
    # Not two days later, when the sweeper (or the next page) came by.
    assert session.finished_at == item.finished_at == item.deadline_at


def test_a_broken_item_does_not_stop_the_sweep_expiring_other_sessions(
    start_session, candidate, other_user, monkeypatch, caplog
):
    """With a session time limit the broken item is met again when its session expires."""
    second, _ = start_session(count=2, per_item_seconds=None, total_seconds=600, user=other_user)
    first, first_item = start_session(count=2, per_item_seconds=None, total_seconds=600)
    from interviews.services import engine as engine_module

    real_apply = engine_module.item_score_apply

    def flaky_apply(*, item, level):
        if item.pk == first_item.pk:
            raise RuntimeError("scorer bug")
        real_apply(item=item, level=level)

    monkeypatch.setattr(engine_module, "item_score_apply", flaky_apply)
    with at(first.deadline_at + timedelta(minutes=5)):
        assert expired_sweep() == (1, 1)
    assert f"Sweeper could not finish session item {first_item.pk}" in caplog.text
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == InterviewSession.Status.IN_PROGRESS  # tried again next minute
    assert second.status == InterviewSession.Status.EXPIRED
