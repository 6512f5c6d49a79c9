"""Question draw preferences, autosave revision ordering and the set-up form."""

import random

import pytest
from django.urls import reverse

from content.scoring.bands import SOLID_FROM
from interviews.models import InterviewSession, SessionItem
from interviews.services import (
    ITEM_CLOSED_MESSAGE,
    AnswerRefused,
    NotEnoughQuestions,
    answer_autosave,
    item_finish,
    questions_draw,
)


def history(user, scores):
    """A finished session of user with one item per (question, score)."""
    session = InterviewSession.objects.create(
        candidate=user, created_by=user, status=InterviewSession.Status.COMPLETED
    )
    for position, (question, score) in enumerate(scores, start=1):
        SessionItem.objects.create(
            session=session, question=question, position=position, status="submitted", score=score
        )


@pytest.fixture
def questions(make_question):
    return [make_question("docker", number) for number in range(1, 5)]


@pytest.mark.parametrize("seed", range(8))
def test_unseen_questions_come_first(candidate, questions, seed):
    history(candidate, [(questions[0], 95), (questions[1], 10), (questions[2], 90)])
    drawn = questions_draw(
        topics=[questions[0].topic], count=2, candidate=candidate, rng=random.Random(seed)
    )
    assert drawn[0] == questions[3]  # never seen
    assert drawn[1] == questions[1]  # seen, scored low


def test_the_best_score_counts_and_overrides_win(candidate, questions):
    history(candidate, [(questions[0], 10), (questions[1], 90), (questions[2], 90)])
    history(candidate, [(questions[0], 85), (questions[3], 90)])
    SessionItem.objects.filter(question=questions[1]).update(score_override=5)
    drawn = questions_draw(
        topics=[questions[0].topic], count=1, candidate=candidate, rng=random.Random(1)
    )
    assert drawn == [questions[1]]


@pytest.mark.parametrize("seed", range(8))
def test_a_score_lowered_by_corrected_concepts_makes_the_question_weak(candidate, questions, seed):
    history(candidate, [(question, 90) for question in questions])
    SessionItem.objects.filter(question=questions[2]).update(score_reviewed=40)
    drawn = questions_draw(
        topics=[questions[0].topic], count=1, candidate=candidate, rng=random.Random(seed)
    )
    assert drawn == [questions[2]]


def test_other_candidates_history_does_not_count(candidate, other_user, questions):
    history(other_user, [(question, 100) for question in questions[:3]])
    history(candidate, [(questions[3], 100)])
    drawn = questions_draw(
        topics=[questions[0].topic], count=3, candidate=candidate, rng=random.Random(3)
    )
    assert set(drawn) == set(questions[:3])


def test_the_draw_is_random_but_repeatable(candidate, questions):
    topic = [questions[0].topic]
    orders = {
        tuple(q.pk for q in questions_draw(topics=topic, count=4, candidate=candidate, rng=r))
        for r in (random.Random(seed) for seed in range(20))
    }
    assert len(orders) > 1
    first = questions_draw(topics=topic, count=4, candidate=candidate, rng=random.Random(7))
    again = questions_draw(topics=topic, count=4, candidate=candidate, rng=random.Random(7))
    assert first == again


def test_asking_for_too_many_questions(candidate, questions):
    with pytest.raises(NotEnoughQuestions, match="have only 4 questions"):
        questions_draw(topics=[questions[0].topic], count=5, candidate=candidate)


def test_late_or_repeated_saves_never_overwrite_newer_text(start_session):
    session, item = start_session(count=1, per_item_seconds=None)
    items = SessionItem.objects.filter(pk=item.pk)
    assert answer_autosave(items=items, text="rev 3", revision=3).stored
    late = answer_autosave(items=items, text="rev 2", revision=2)
    repeat = answer_autosave(items=items, text="rev 3 again", revision=3)
    assert (late.stored, late.revision, repeat.stored) == (False, 3, False)
    assert answer_autosave(items=items, text="rev 4", revision=4).stored
    item.refresh_from_db()
    assert (item.answer_text, item.autosave_revision) == ("rev 4", 4)
    # A submit carrying an older revision keeps the newer saved text.
    finished = item_finish(item_id=item.pk, text="rev 1", revision=1)
    assert finished.item.answer_text == "rev 4"
    with pytest.raises(AnswerRefused) as refused:
        answer_autosave(items=items, text="after submit", revision=9)
    assert refused.value.message == ITEM_CLOSED_MESSAGE


def test_practice_form_full_page_and_mistakes(client, candidate, questions):
    client.force_login(candidate)
    url = reverse("interviews:practice_new")
    assert "Docker (4)" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "count": "9",
            "level": "expert",
            "time_mode": "per_item",
            "per_item_minutes": "",
            "feedback_mode": "after_each",
            "topics": [questions[0].topic.pk],
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "have 4 questions" in content and "Give the minutes per question" in content
    response = client.post(url, {"count": "2", "level": "beginner", "time_mode": "none"})
    assert "Pick at least one topic." in response.content.decode()


def test_practice_form_starts_a_session(client, candidate, questions):
    client.force_login(candidate)
    response = client.post(
        reverse("interviews:practice_new"),
        {
            "topics": [questions[0].topic.pk],
            "count": "3",
            "level": "beginner",
            "time_mode": "total",
            "total_minutes": "10",
            "feedback_mode": "at_end",
        },
    )
    session = InterviewSession.objects.get(candidate=candidate)
    assert response["Location"] == session.get_absolute_url()
    assert (session.level, session.total_seconds, session.per_item_seconds) == (
        "beginner",
        600,
        None,
    )
    assert session.status == "in_progress" and session.items.count() == 3
    assert session.items.get(position=1).deadline_at == session.deadline_at


def test_weak_means_below_the_solid_band(candidate, questions):
    # The line between a partial and a solid answer, the same one the review schedule uses.
    history(
        candidate,
        [(questions[0], SOLID_FROM), (questions[1], SOLID_FROM - 0.1), (questions[2], 100)],
    )
    history(candidate, [(questions[3], 100)])
    drawn = questions_draw(
        topics=[questions[0].topic], count=1, candidate=candidate, rng=random.Random(2)
    )
    assert drawn == [questions[1]]
