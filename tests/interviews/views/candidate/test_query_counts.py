"""The interview page, the results and ending a session cost the same number of queries however
many questions the session has.

(The learning pages have their own such test in test_learning_pages.py, the autosave its budget
in test_session.py.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.models import InterviewSession, ReviewCard, SessionItem
from interviews.services import item_activate, item_finish

HTMX = {"HX-Request": "true"}


@pytest.mark.django_db
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_ending_a_session_costs_the_same_queries_for_more_questions_left(
    logged_in, candidate, start_practice, headers
):
    def end_at_the_first_question(count: int) -> int:
        session, _item = start_practice(count)
        with CaptureQueriesContext(connection) as queries:
            response = logged_in.post(f"/sessions/{session.pk}/end/", headers=headers)
        assert response.status_code in (200, 302)
        session.refresh_from_db()
        assert session.status == InterviewSession.Status.ABANDONED
        skipped = session.items.filter(status=SessionItem.Status.SKIPPED).count()
        assert skipped == count - 1
        return len(queries)

    few = end_at_the_first_question(2)
    many = end_at_the_first_question(8)
    # The questions shown are on the candidate's review schedule; those never reached are not.
    shown = SessionItem.objects.filter(session__candidate=candidate).reached()
    assert (
        ReviewCard.objects.for_candidate(candidate).count()
        == shown.values("question").distinct().count()
    )
    assert many == few


def answered(start_practice, count: int, *, answers: int):
    """A practice session of `count` questions with the first `answers` answered, feedback shown."""
    session, item = start_practice(count)
    for number in range(answers):
        if number:
            item = item_activate(session=session)
        item_finish(item_id=item.pk, text="An image is built from read-only layers.", revision=1)
    session.refresh_from_db()
    return session


@pytest.mark.django_db
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_the_interview_page_costs_the_same_queries_for_longer_sessions(
    logged_in, start_practice, headers
):
    def stage_queries(count: int) -> int:
        session = answered(start_practice, count, answers=count // 2)
        with CaptureQueriesContext(connection) as queries:
            response = logged_in.get(f"/sessions/{session.pk}/", headers=headers)
        assert response.status_code == 200
        assert f"Feedback on question {count // 2} of {count}" in response.content.decode()
        return len(queries)

    # The second session asks the first one's questions again: a longer history, too.
    assert stage_queries(8) == stage_queries(2)


@pytest.mark.django_db
def test_the_results_page_costs_the_same_queries_for_longer_sessions(logged_in, start_practice):
    def results_queries(count: int) -> int:
        session = answered(start_practice, count, answers=count)
        assert not session.is_running
        with CaptureQueriesContext(connection) as queries:
            response = logged_in.get(f"/sessions/{session.pk}/results/")
        assert response.status_code == 200
        return len(queries)

    assert results_queries(8) == results_queries(2)
