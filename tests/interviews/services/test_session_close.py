"""The interviewer ends a session the candidate left running: nothing lost, nothing invented."""

from datetime import timedelta

import pytest
import time_machine

from interviews.models import InterviewSession, ReviewChange, SessionItem
from interviews.services import (
    answer_autosave,
    expired_sweep,
    item_activate,
    item_finish,
    session_close,
)
from tests.interviews.conftest import START

pytestmark = pytest.mark.django_db

S = InterviewSession.Status
I = SessionItem.Status  # noqa: E741
LATER = START + timedelta(hours=2)
SAVED = "An image is a read-only template made of layers."


@pytest.fixture(autouse=True)
def grace(settings):
    settings.INTERVIEW_GRACE_SECONDS = 5


def autosave(session, text=SAVED, *, position=1, revision=1, at=START + timedelta(seconds=30)):
    items = SessionItem.objects.filter(session=session, position=position)
    with time_machine.travel(at, tick=False):
        answer_autosave(items=items, text=text, revision=revision)


def statuses(session):
    return list(session.items.order_by("position").values_list("status", flat=True))


def test_closing_keeps_the_running_answer_as_saved_and_skips_the_rest(
    running_interview, interviewer
):
    session = running_interview()  # no time limit: nothing would ever end it
    autosave(session)
    with time_machine.travel(LATER, tick=False):
        assert session_close(session=session, by=interviewer) is True
    assert session.status == S.ENDED and session.finished_at == LATER
    assert statuses(session) == [I.SUBMITTED, I.SKIPPED, I.SKIPPED]
    first = session.items.get(position=1)
    assert first.answer_text == SAVED and first.autosave_revision == 1
    assert first.score is not None and first.finished_at == LATER
    assert not session.items.exclude(position=1).exclude(answer_text="").exists()
    change = ReviewChange.objects.get(session=session)
    assert (change.changed_by, change.changed_at, change.field) == (interviewer, LATER, "status")
    assert (change.old_shown, change.new_shown) == ("In progress", "Ended by the interviewer")


def test_a_session_with_a_time_per_question_the_sweeper_left_open_can_be_closed(
    running_interview, interviewer
):
    session = running_interview(per_item_seconds=180)
    autosave(session)
    with time_machine.travel(LATER, tick=False):
        expired_sweep()
        session.refresh_from_db()
        # The bug this closes: the running question timed out, the unreached ones have no deadline.
        assert session.status == S.IN_PROGRESS
        assert statuses(session) == [I.TIMED_OUT, I.PENDING, I.PENDING]
        assert session_close(session=session, by=interviewer) is True
    assert session.status == S.ENDED
    assert statuses(session) == [I.TIMED_OUT, I.SKIPPED, I.SKIPPED]
    assert session.items.get(position=1).answer_text == SAVED


def test_closing_the_last_question_still_reads_ended_not_completed(running_interview, interviewer):
    session = running_interview(count=1)
    autosave(session)
    with time_machine.travel(LATER, tick=False):
        session_close(session=session, by=interviewer)
    assert session.status == S.ENDED and statuses(session) == [I.SUBMITTED]


def test_a_running_question_inside_its_grace_reads_time_ran_out(running_interview, interviewer):
    session = running_interview(per_item_seconds=60)
    autosave(session)
    deadline = START + timedelta(seconds=60)
    with time_machine.travel(deadline + timedelta(seconds=2), tick=False):
        session_close(session=session, by=interviewer)
    first = session.items.get(position=1)
    assert (first.status, first.finished_at, first.answer_text) == (I.TIMED_OUT, deadline, SAVED)


def test_closing_again_changes_nothing(running_interview, interviewer, staff):
    session = running_interview()
    autosave(session)
    with time_machine.travel(LATER, tick=False):
        session_close(session=session, by=interviewer)
    ended = list(session.items.order_by("position").values())
    with time_machine.travel(LATER + timedelta(minutes=5), tick=False):
        assert session_close(session=session, by=staff) is False
        assert session_close(session=session, by=interviewer) is False
    session.refresh_from_db()
    assert session.status == S.ENDED and session.finished_at == LATER
    assert list(session.items.order_by("position").values()) == ended
    assert ReviewChange.objects.filter(session=session).count() == 1


def test_a_session_whose_own_time_ran_out_reads_expired(running_interview, interviewer):
    session = running_interview(total_seconds=600)
    autosave(session)
    with time_machine.travel(LATER, tick=False):
        assert session_close(session=session, by=interviewer) is False
    assert session.status == S.EXPIRED
    assert not ReviewChange.objects.filter(session=session).exists()


def test_a_session_nobody_started_ends_with_every_question_skipped(invited_session, interviewer):
    with time_machine.travel(LATER, tick=False):
        assert session_close(session=invited_session, by=interviewer) is True
    assert invited_session.status == S.ENDED and invited_session.started_at is None
    assert statuses(invited_session) == [I.SKIPPED, I.SKIPPED]
    change = ReviewChange.objects.get(session=invited_session)
    assert (change.old_value, change.new_value) == (S.CREATED, S.ENDED)
    # Its link is withdrawn with it: whoever opens it is told so, not led to an ended session.
    invited_session.invite.refresh_from_db()
    assert invited_session.invite.status == "revoked"
    assert invited_session.invite.revoked_at == LATER


def test_an_accepted_invite_stays_as_it_was(invited_session, interviewer, candidate):
    from interviews.services import session_start
    from interviews.services.invites import invite_accept

    with time_machine.travel(START, tick=False):
        invite_accept(token=invited_session.invite.token, user=candidate)
        session_start(session=invited_session)
    with time_machine.travel(LATER, tick=False):
        assert session_close(session=invited_session, by=interviewer) is True
    invited_session.invite.refresh_from_db()
    assert invited_session.invite.status == "accepted"
    assert invited_session.invite.revoked_at is None


def test_the_candidate_submitting_after_the_close_changes_nothing(running_interview, interviewer):
    session = running_interview()
    autosave(session)
    with time_machine.travel(LATER, tick=False):
        session_close(session=session, by=interviewer)
        first = session.items.get(position=1)
        result = item_finish(item_id=first.pk, text="Typed later.", revision=2)
        assert item_activate(session=session) is None
    assert result.finished_now is False
    first.refresh_from_db()
    assert first.answer_text == SAVED
    assert statuses(session) == [I.SUBMITTED, I.SKIPPED, I.SKIPPED]


def test_a_question_started_between_the_locks_is_finished_too(
    running_interview, interviewer, monkeypatch
):
    """The candidate's browser starts the next question just as the close begins."""
    session = running_interview()
    autosave(session)
    item_finish(item_id=session.items.get(position=1).pk)
    real_lock = InterviewSession.objects.select_for_update
    started = []

    def lock_after_the_candidate_moved_on(*args, **kwargs):
        if not started:
            started.append("once")  # item_activate takes this lock too
            started.append(item_activate(session=session))
        return real_lock(*args, **kwargs)

    monkeypatch.setattr(
        InterviewSession.objects, "select_for_update", lock_after_the_candidate_moved_on
    )
    assert session_close(session=session, by=interviewer) is True
    assert started[1].position == 2
    assert session.status == S.ENDED
    assert statuses(session) == [I.SUBMITTED, I.SUBMITTED, I.SKIPPED]


@pytest.mark.django_db(transaction=True)
def test_closing_while_the_candidate_submits_and_the_sweeper_runs(
    running_interview, interviewer, staff, run_together
):
    session = running_interview(per_item_seconds=180)
    autosave(session, at=START + timedelta(seconds=10))
    first = session.items.get(position=1)

    def fresh():  # each thread its own instance
        return InterviewSession.objects.get(pk=session.pk)

    def candidate_submits():
        # What the invited page does: submit, then start the next question.
        item_finish(item_id=first.pk, text="Submitted in time.", revision=2)
        return item_activate(session=fresh())

    work = {
        "interviewer": lambda: session_close(session=fresh(), by=interviewer),
        "staff": lambda: session_close(session=fresh(), by=staff),
        "candidate": candidate_submits,
        "sweeper": expired_sweep,
    }
    with time_machine.travel(START + timedelta(seconds=60), tick=False):
        _, errors = run_together(lambda name: work[name](), list(work))
    assert errors == []
    session.refresh_from_db()
    assert session.status == S.ENDED
    assert not session.items.filter(status__in=(I.ACTIVE, I.PENDING)).exists()
    assert ReviewChange.objects.filter(session=session).count() == 1
    first.refresh_from_db()
    assert first.status == I.SUBMITTED and first.answer_text in {SAVED, "Submitted in time."}
