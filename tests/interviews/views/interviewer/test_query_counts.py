"""Interviewer pages cost the same number of queries however many sessions or templates there are.

Each test requests a page with a little data, adds more, and requests it again: a count that grows
is a query per row (N+1), which the polled live view and the lists cannot afford.
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.authoring import question_create, topic_create, topic_update
from content.revisions import QuestionState
from interviews.models import InterviewSession, SessionItem
from interviews.services import review, session_start
from interviews.services.building import SessionPlan, invited_session_create, template_create
from tests.interviews.conftest import START, session_play

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def queries_of(client, url, **headers) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def sessions_run(interviewer, bank, numbers, **times) -> list[InterviewSession]:
    """Started invited sessions titled "Screen <number>", each on the whole bank."""
    sessions = []
    for number in numbers:
        plan = SessionPlan(
            title=f"Screen {number}",
            level="expert",
            questions=bank,
            candidate_name=f"Candidate {number}",
            **{"per_item_seconds": 180, **times},
        )
        session = invited_session_create(interviewer=interviewer, plan=plan)
        session_start(session=session)
        sessions.append(session)
    return sessions


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_the_live_view_costs_the_same_queries_for_more_running_sessions(
    client, interviewer, bank, headers
):
    client.force_login(interviewer)
    url = reverse("interviewer:live")
    sessions_run(interviewer, bank, range(2))
    few, _ = queries_of(client, url, **headers)
    sessions_run(interviewer, bank, range(2, 8))
    many, page = queries_of(client, url, **headers)
    assert "Screen 7" in page and "Candidate 7" in page
    assert many == few


def test_the_live_view_applies_deadlines_that_passed_while_the_candidate_was_away(
    client, interviewer, bank
):
    with time_machine.travel(START, tick=False):
        late_item, *_ = sessions_run(interviewer, bank, [1])
        (late_session,) = sessions_run(interviewer, bank, [2], total_seconds=300)
        # Started later: its question still has time when the others have run out.
        on_time, *_ = sessions_run(interviewer, bank, [3])
        on_time.items.filter(status=SessionItem.Status.ACTIVE).update(
            deadline_at=START + timedelta(minutes=30)
        )
    client.force_login(interviewer)
    with time_machine.travel(START + timedelta(minutes=10), tick=False):
        page = client.get(reverse("interviewer:live")).content.decode()
    first = late_item.items.get(position=1)
    assert first.status == SessionItem.Status.TIMED_OUT
    late_session.refresh_from_db()
    assert late_session.status == InterviewSession.Status.EXPIRED
    assert on_time.items.get(position=1).status == SessionItem.Status.ACTIVE
    assert "Screen 1" in page and "Screen 3" in page and "Screen 2" not in page


def test_the_template_list_costs_the_same_queries_for_more_templates(
    client, interviewer, other_interviewer, bank
):
    # A bank Ivy could use when she saved the templates and can no longer: its name is shown.
    gone = topic_create(owner=other_interviewer, name="Oscar drills", shared_with=[interviewer])
    state = QuestionState("What is a goroutine?", "A function run concurrently by the Go runtime.")
    gone_question = question_create(topic=gone, author=other_interviewer, state=state)

    def templates_save(numbers):
        for number in numbers:
            plan = SessionPlan(
                title="", level="expert", questions=[*bank[: 1 + number % 3], gone_question]
            )
            template_create(interviewer=interviewer, name=f"Template {number}", plan=plan)

    templates_save(range(2))
    topic_update(topic=gone, shared_with=[])
    client.force_login(interviewer)
    url = reverse("interviewer:template_list")
    few, _ = queries_of(client, url)
    templates_save(range(2, 8))
    many, page = queries_of(client, url)
    assert "Template 7" in page and "Oscar drills" in page and bank[2].text in page
    assert many == few


def test_rescoring_reads_the_question_and_the_candidates_once_however_many_answers(
    client, interviewer, candidate, bank
):
    """Each answer is still locked and written on its own; what they share is read once."""
    question = bank[0]
    concept = question.concepts.get(rank=0)

    def answered(numbers):
        for number in numbers:
            plan = SessionPlan(title=f"Screen {number}", level="expert", questions=[question])
            session = invited_session_create(interviewer=interviewer, plan=plan)
            session.candidate = candidate
            session.save(update_fields=["candidate"])
            session_play(session, ["An image is a read-only template made of layers."])
            item = session.items.get()
            review.concept_verdict_set(
                item=item, label=item.missed[0], present=True, by=interviewer
            )

    def shared_reads() -> tuple[int, str]:
        concept.weight += 1  # each re-score has something to change
        concept.save(update_fields=["weight"])
        url = reverse("interviewer:concepts_rescore", args=[question.slug])
        with CaptureQueriesContext(connection) as queries:
            page = client.post(url).content.decode()
        tables = ('FROM "content_concept"', 'FROM "content_modelanswer"', 'FROM "auth_user"')
        reads = [q["sql"] for q in queries if any(table in q["sql"] for table in tables)]
        return len(reads), page

    client.force_login(interviewer)
    answered(range(2))
    few, _ = shared_reads()
    answered(range(2, 8))
    many, page = shared_reads()
    assert page.count(candidate.get_username()) == 8
    assert many == few


def reviewed_session(interviewer, candidate, questions, *, title="Reviewed"):
    """A finished session on `questions`, each answer with a concept ticked and a score override."""
    plan = SessionPlan(title=title, level="expert", questions=questions)
    session = invited_session_create(interviewer=interviewer, plan=plan)
    session.candidate = candidate
    session.save(update_fields=["candidate"])
    session_play(session, ["An image is a read-only template made of layers."] * len(questions))
    for item in session.items.all():
        review.concept_verdict_set(item=item, label=item.missed[0], present=True, by=interviewer)
        review.score_override_set(item=item, score=55, reason="Said more aloud", by=interviewer)
    return session


@pytest.fixture
def many_questions(bank, make_question):
    """The bank's three questions and five more of the same topic."""
    return [*bank, *(make_question("docker", number) for number in range(4, 9))]


def test_the_session_list_costs_the_same_queries_for_more_sessions(
    client, interviewer, candidate, bank
):
    client.force_login(interviewer)
    url = reverse("interviewer:session_list")
    for number in range(2):
        reviewed_session(interviewer, candidate, bank[:1], title=f"Round {number}")
    few, _ = queries_of(client, url)
    for number in range(2, 8):
        reviewed_session(interviewer, candidate, bank[:1], title=f"Round {number}")
    many, page = queries_of(client, url)
    assert "Round 7" in page and page.count(candidate.get_username()) >= 8
    assert many == few


@pytest.mark.parametrize("name", ["transcript", "transcript_json", "transcript_csv"])
def test_the_transcript_costs_the_same_queries_for_more_questions(
    client, interviewer, candidate, bank, many_questions, name
):
    client.force_login(interviewer)
    short = reviewed_session(interviewer, candidate, bank[:1])
    long = reviewed_session(interviewer, candidate, many_questions)
    few, _ = queries_of(client, reverse(f"interviewer:{name}", args=[short.pk]))
    many, page = queries_of(client, reverse(f"interviewer:{name}", args=[long.pk]))
    assert many_questions[-1].text in page
    assert many == few


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_the_session_page_costs_the_same_queries_for_more_questions(
    client, interviewer, bank, many_questions, headers
):
    """Polled every 3 seconds while the candidate answers."""
    client.force_login(interviewer)
    (short,) = sessions_run(interviewer, bank[:1], [1])
    (long,) = sessions_run(interviewer, many_questions, [2])
    few, _ = queries_of(client, reverse("interviewer:session_detail", args=[short.pk]), **headers)
    url = reverse("interviewer:session_detail", args=[long.pk])
    many, page = queries_of(client, url, **headers)
    assert many_questions[-1].text in page
    assert many == few


def test_one_answer_that_cannot_be_finished_leaves_the_live_view_up(
    client, interviewer, bank, monkeypatch, caplog
):
    """As the sweeper does: one broken item (say, a scorer bug) is logged, the rest go on."""
    with time_machine.travel(START, tick=False):
        healthy, broken = sessions_run(interviewer, bank, [1, 2])
    broken_item = broken.items.get(position=1)
    from interviews.services import engine as engine_module

    real_apply = engine_module.item_score_apply

    def flaky_apply(*, item, level):
        if item.pk == broken_item.pk:
            raise RuntimeError("scorer bug")
        real_apply(item=item, level=level)

    monkeypatch.setattr(engine_module, "item_score_apply", flaky_apply)
    client.force_login(interviewer)
    with time_machine.travel(START + timedelta(minutes=10), tick=False):
        response = client.get(reverse("interviewer:live"))
    assert response.status_code == 200
    assert "Screen 1" in response.content.decode() and "Screen 2" in response.content.decode()
    assert healthy.items.get(position=1).status == SessionItem.Status.TIMED_OUT
    assert f"could not catch up session {broken.pk}" in caplog.text
