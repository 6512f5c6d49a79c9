"""Building sessions, templates, the session list's filters and sorting, and the live view."""

import itertools
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from content.models import ModelAnswer, Question, Topic
from interviews.models import InterviewSession, SessionTemplate
from interviews.services import building, item_activate, item_finish, session_start
from interviews.services.building import NOT_ENOUGH_TO_DRAW_MESSAGE, PlanError, SessionPlan

pytestmark = pytest.mark.django_db

BUILD = "/interviewer/sessions/new/"


def test_build_search_returns_a_fragment_for_htmx_and_a_page_without(client, interviewer, bank):
    client.force_login(interviewer)
    fragment = client.get(
        BUILD, {"search": "volume"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith('<div id="question-results"')
    assert "What does a volume do?" in fragment and "What is a container?" not in fragment
    page = client.get(BUILD, {"search": "volume"}).content.decode()
    assert "<html" in page and "What is a container?" not in page


def test_the_build_page_headings_go_down_one_level_at_a_time(client, interviewer, bank):
    """Screen-reader users move by headings: after the h1, the picker's lists are h2s."""
    client.force_login(interviewer)
    page = client.get(BUILD, {"questions": [bank[0].pk]}).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
    assert levels[0] == 1 and len(levels) >= 3
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))


def test_search_keeps_chosen_questions(client, interviewer, bank):
    client.force_login(interviewer)
    params = {"search": "volume", "questions": [bank[0].pk]}
    fragment = client.get(BUILD, params, headers={"HX-Request": "true"}).content.decode()
    assert f'value="{bank[0].pk}" checked' in fragment


def test_draw_picks_questions_at_random_and_shows_them_chosen(client, interviewer, bank):
    client.force_login(interviewer)
    page = client.post(
        BUILD, {"action": "draw", "draw_count": "2", "level": "expert", "time_mode": "none"}
    )
    assert page.content.decode().count("checked>") >= 2
    with pytest.raises(PlanError, match=NOT_ENOUGH_TO_DRAW_MESSAGE.format(available=3, plural="s")):
        building.questions_random(user=interviewer, count=4)


def test_drawing_more_than_one_matching_question_says_question_once(interviewer, bank):
    go = Topic.objects.create(name="Go", slug="go")
    question = Question.objects.create(topic=go, text="What is a goroutine?", slug="go-q0")
    ModelAnswer.objects.create(question=question, level="expert", text="A light thread.")
    with pytest.raises(PlanError) as refused:
        building.questions_random(user=interviewer, count=2, topic_slug="go")
    assert str(refused.value) == "The bank has only 1 question matching these filters."


def test_creating_without_questions_is_refused_with_a_message(client, interviewer, bank):
    client.force_login(interviewer)
    response = client.post(BUILD, {"action": "create", "level": "expert", "time_mode": "none"})
    assert response.status_code == 200
    assert building.NO_QUESTIONS_MESSAGE in response.content.decode()
    assert not InterviewSession.objects.exists()


def test_total_time_mode(client, interviewer, bank):
    client.force_login(interviewer)
    client.post(
        BUILD,
        {
            "action": "create",
            "level": "beginner",
            "questions": [bank[1].pk],
            "time_mode": "total",
            "minutes": "10",
        },
    )
    session = InterviewSession.objects.get()
    assert (session.per_item_seconds, session.total_seconds, session.level) == (
        None,
        600,
        "beginner",
    )


def test_save_as_template_then_create_a_session_from_it(
    client, interviewer, other_interviewer, bank
):
    client.force_login(interviewer)
    client.post(
        BUILD,
        {
            "action": "template",
            "template_name": "Docker screen",
            "level": "expert",
            "questions": [bank[2].pk, bank[0].pk],
            "time_mode": "per_item",
            "minutes": "4",
        },
    )
    template = SessionTemplate.objects.get()
    assert template.name == "Docker screen" and template.per_item_seconds == 240
    assert not InterviewSession.objects.exists()
    response = client.post(
        reverse("interviewer:template_use", args=[template.pk]),
        {"candidate_name": "Dee", "candidate_email": "dee@example.com"},
    )
    session = InterviewSession.objects.get()
    assert response["Location"] == reverse("interviewer:session_detail", args=[session.pk])
    assert session.candidate_name == "Dee" and session.per_item_seconds == 240
    assert sorted(item.question_id for item in session.items.all()) == sorted(
        [bank[2].pk, bank[0].pk]
    )
    other = Client()
    other.force_login(other_interviewer)
    assert "Docker screen" not in other.get(reverse("interviewer:template_list")).content.decode()


def make_session(interviewer, bank, *, name, answers, days_ago=0):
    session = building.invited_session_create(
        interviewer=interviewer,
        plan=SessionPlan(
            title=f"S {name}",
            level="expert",
            questions=bank[: max(1, len(answers))],
            candidate_name=name,
        ),
    )
    InterviewSession.objects.filter(pk=session.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    if answers:
        session_start(session=session)
        for text in answers:
            item_finish(item_id=item_activate(session=session).pk, text=text, revision=1)
    return session


@pytest.fixture
def three_sessions(interviewer, bank):
    return {
        "high": make_session(
            interviewer,
            bank,
            name="Hana",
            answers=["It is a read-only template made of layers, built from a Dockerfile."],
            days_ago=10,
        ),
        "low": make_session(interviewer, bank, name="Lou", answers=["no idea"], days_ago=5),
        "open": make_session(interviewer, bank, name="Otto", answers=[]),
    }


def listed(client, **params) -> list[str]:
    """The sample sessions on the list page, in the order they appear."""
    page = client.get(reverse("interviewer:session_list"), params).content.decode()
    names = [name for name in ("S Hana", "S Lou", "S Otto") if name in page]
    return sorted(names, key=page.index)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "completed"}, ["S Hana", "S Lou"]),
        ({"status": "created"}, ["S Otto"]),
        ({"candidate": "lo"}, ["S Lou"]),
        ({"score_min": "50"}, ["S Hana"]),
        ({"score_max": "10"}, ["S Lou"]),
        (
            {"date_from": (timezone.now() - timedelta(days=6)).date().isoformat()},
            ["S Lou", "S Otto"],
        ),
        ({"date_to": (timezone.now() - timedelta(days=6)).date().isoformat()}, ["S Hana"]),
        ({"score_min": "lots"}, ["S Hana", "S Lou", "S Otto"]),
    ],
)
def test_session_list_filters(client, interviewer, three_sessions, params, expected):
    client.force_login(interviewer)
    assert sorted(listed(client, **params)) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-created", ["S Otto", "S Lou", "S Hana"]),
        ("created", ["S Hana", "S Lou", "S Otto"]),
        ("-score", ["S Hana", "S Lou", "S Otto"]),
        ("score", ["S Lou", "S Hana", "S Otto"]),
        ("candidate", ["S Hana", "S Lou", "S Otto"]),
    ],
)
def test_session_list_sorting(client, interviewer, three_sessions, sort, expected):
    client.force_login(interviewer)
    assert listed(client, sort=sort) == expected


def test_live_view_polls_while_running_and_stops_when_finished(
    client, interviewer, invited_session, candidate
):
    client.force_login(interviewer)
    url = reverse("interviewer:session_detail", args=[invited_session.pk])
    invited_session.candidate = candidate
    invited_session.save()
    session_start(session=invited_session)
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 3s"' in page and "0 of 2" in page and "Now on question 1" in page
    item_finish(item_id=item_activate(session=invited_session).pk, text="layers", revision=1)
    item_activate(session=invited_session)
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="progress"')
    assert "1 of 2" in fragment and "Now on question 2" in fragment and "<html" not in fragment
    item_finish(item_id=item_activate(session=invited_session).pk, text="x", revision=1)
    done = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "2 of 2" in done and "every 3s" not in done and "Open the transcript" in done


def test_live_list_shows_running_sessions_as_page_and_fragment(
    client, interviewer, invited_session
):
    client.force_login(interviewer)
    session_start(session=invited_session)
    url = reverse("interviewer:live")
    assert "Docker basics" in client.get(url).content.decode()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="live-list"') and "Docker basics" in fragment


def test_candidate_history_has_a_score_chart(client, interviewer, bank, candidate):
    for days, answers in ((3, ["nothing"]), (1, ["read-only template, layers, Dockerfile"])):
        session = make_session(interviewer, bank, name="C", answers=[], days_ago=days)
        session.candidate = candidate
        session.save()
        session_start(session=session)
        for text in answers:
            item_finish(item_id=item_activate(session=session).pk, text=text, revision=1)
    client.force_login(candidate)
    page = client.get(reverse("interviews:history")).content.decode()
    assert "<svg" in page and "Your scores over time" in page
    assert page.count("<circle") == 2


def test_lists_leave_out_the_interviewers_own_practice(client, interviewer, bank):
    from interviews.services import practice_session_create

    practice = practice_session_create(
        candidate=interviewer,
        topics=[bank[0].topic],
        count=1,
        level="expert",
        per_item_seconds=None,
        total_seconds=None,
        feedback_mode="after_each",
    )
    session_start(session=practice)
    client.force_login(interviewer)
    assert practice.title not in client.get(reverse("interviewer:session_list")).content.decode()
    assert practice.title not in client.get(reverse("interviewer:live")).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "draw", "draw_count": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"action": "create", "questions": ["999999"]}, "Select a valid choice."),
        ({"action": "create", "time_mode": "total", "minutes": ""}, "Give the number of minutes"),
    ],
)
def test_build_mistakes_get_a_message(client, interviewer, bank, data, message):
    client.force_login(interviewer)
    response = client.post(BUILD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not InterviewSession.objects.exists()


def test_session_list_is_newest_first_until_another_order_is_chosen(
    client, interviewer, three_sessions
):
    """The sort menu opens on "Newest first"; the list must be in that order before any choice,
    and when a filter is not understood."""
    client.force_login(interviewer)
    assert listed(client) == ["S Otto", "S Lou", "S Hana"]
    assert listed(client, score_min="lots") == ["S Otto", "S Lou", "S Hana"]


def test_the_live_view_redraws_the_whole_page_once_the_session_moves_on(
    client, interviewer, invited_session, candidate
):
    """Only the progress is polled; the invite, the question order and the end button are
    drawn with the page. When the candidate starts or the session ends, they are out of date
    (an "End the interview now" button on a finished session), so the page is drawn again."""
    client.force_login(interviewer)
    url = reverse("interviewer:session_detail", args=[invited_session.pk])
    page = client.get(url).content.decode()
    assert 'hx-vals=\'{"drawn": "created"}\'' in page
    invited_session.candidate = candidate
    invited_session.save()
    polled = {"drawn": "created"}
    unchanged = client.get(url, polled, headers={"HX-Request": "true"})
    assert unchanged.status_code == 200 and "HX-Refresh" not in unchanged
    session_start(session=invited_session)

    started = client.get(url, polled, headers={"HX-Request": "true"})
    assert started["HX-Refresh"] == "true"
    running = client.get(url, {"drawn": "in_progress"}, headers={"HX-Request": "true"})
    assert "HX-Refresh" not in running and "Now on question 1" in running.content.decode()
    for _ in range(2):
        item_finish(item_id=item_activate(session=invited_session).pk, text="x", revision=1)
    ended = client.get(url, {"drawn": "in_progress"}, headers={"HX-Request": "true"})
    assert ended["HX-Refresh"] == "true"
    assert "End the interview now" not in client.get(url).content.decode()


def test_live_list_is_newest_first(client, interviewer, bank):
    make_session(interviewer, bank, name="Olga", answers=[], days_ago=2)
    make_session(interviewer, bank, name="Nina", answers=[], days_ago=1)
    client.force_login(interviewer)
    page = client.get(reverse("interviewer:live")).content.decode()
    assert page.index("S Nina") < page.index("S Olga")
