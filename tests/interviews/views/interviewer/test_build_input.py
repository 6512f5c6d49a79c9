"""The build page's list of picked questions comes back in its address (search, reorder, draw):
an id edited there by hand gets a message, never a server error."""

import pytest

from interviews.models import InterviewSession

# Past a 64-bit integer: SQLite refuses it in a query (OverflowError) where PostgreSQL finds nothing.
TOO_BIG = "99999999999999999999"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_interviewers_build_page_refuses_a_question_id_past_the_column(
    client, interviewer, bank, method
):
    client.force_login(interviewer)
    data = {"level": "expert", "time_mode": "none", "questions": [bank[0].pk, TOO_BIG]}
    response = getattr(client, method)("/interviewer/sessions/new/", {**data, "action": "create"})
    assert response.status_code == 200
    assert 'id="id_questions_error"' in response.content.decode()
    assert not InterviewSession.objects.exists()
