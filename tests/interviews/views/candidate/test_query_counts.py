"""Ending a session costs the same number of queries however many questions it leaves unanswered.

(The learning pages have their own such test in test_learning_pages.py, the autosave its budget
in test_session.py.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.models import InterviewSession, ReviewCard, SessionItem

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
    # Every question asked or skipped is on the candidate's review schedule.
    assert ReviewCard.objects.for_candidate(candidate).count() == 8
    assert many == few
