"""The load client speaks the app's current forms and never counts a signed-out answer."""

from benchmarks.load.client import (
    Recorder,
    Response,
    practice_form,
    redirected_to_session,
    timed,
)
from interviews.models import InterviewSession
from tests.benchmarks.event_loop import run_coroutine


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


class Replies:
    """Stands for a connection: answers each request with the next canned response."""

    def __init__(self, *responses: Response):
        self.responses = list(responses)

    async def request(self, *args, **kwargs) -> Response:
        return self.responses.pop(0)


def test_a_signed_out_answer_is_a_failure_not_a_success() -> None:
    # A server that does not recognise the session sends htmx requests to reload the page, with
    # 200, and plain requests to the login page, with 302.
    recorder = Recorder()
    refresh = Response(200, {"hx-refresh": "true"}, b"")
    to_login = Response(302, {"location": "/accounts/login/?next=/practice/"}, b"")
    connection = Replies(refresh, to_login)

    saved = run_coroutine(timed(recorder, "autosave", connection, "POST", "/autosave/", {}))
    started = run_coroutine(
        timed(
            recorder,
            "practice start",
            connection,
            "POST",
            "/practice/",
            {},
            expect=302,
            check=redirected_to_session,
        )
    )

    assert saved is None and started is None
    assert not recorder.latencies
    assert dict(recorder.errors) == {
        "autosave": ["HX-Refresh: signed out"],
        "practice start": ["redirected to /accounts/login/?next=/practice/"],
    }
