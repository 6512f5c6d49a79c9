"""The load benchmark's and fault scripts' client speaks the app's current forms."""

from benchmarks.load.client import practice_form
from interviews.models import InterviewSession


def test_the_scripts_practice_form_starts_a_timed_interview(client, candidate, make_question):
    topic = make_question("docker", 1).topic
    make_question("docker", 2)
    client.force_login(candidate)

    response = client.post("/practice/", practice_form(topic.pk, questions=2, per_item_minutes=3))

    assert response.status_code == 302
    session = InterviewSession.objects.get(candidate=candidate)
    assert session.items.count() == 2
    assert session.per_item_seconds == 180
    assert session.feedback_mode == "after_each"
