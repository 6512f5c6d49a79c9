"""What the practice set-ups do with ids and slugs they did not offer: a link edited by hand, a
question list from a bookmark. Each gets the page back with a message, never a server error."""

import re

import pytest

from interviews.models import InterviewSession
from interviews.services.learning import QUESTION_UNAVAILABLE_MESSAGE

# Past a 64-bit integer: SQLite refuses it in a query (OverflowError) where PostgreSQL finds nothing.
TOO_BIG = "99999999999999999999"
NOT_IDS = [TOO_BIG, "-" + TOO_BIG, "²"]  # "²".isdigit() is true, int("²") fails


@pytest.fixture
def signed_in(client, candidate):
    client.force_login(candidate)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_IDS)
def test_a_link_with_a_question_id_that_cannot_be_one_shows_the_picker(
    signed_in, make_question, value
):
    question = make_question("docker", 1)
    response = signed_in.get(f"/practice/chosen/?questions={question.pk}&questions={value}")
    assert response.status_code == 200
    assert question.text in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_IDS)
def test_a_posted_question_id_that_cannot_be_one_is_refused_with_a_message(
    signed_in, make_question, value
):
    question = make_question("docker", 1)
    response = signed_in.post(
        "/practice/chosen/",
        {"questions": [str(question.pk), value], "level": "expert", "per_item_minutes": "3"},
    )
    assert response.status_code == 200
    assert QUESTION_UNAVAILABLE_MESSAGE in response.content.decode()
    assert not InterviewSession.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_IDS)
def test_a_posted_topic_id_that_cannot_be_one_is_refused_with_a_message(
    signed_in, make_question, value
):
    make_question("docker", 1)
    data = {"topics": value, "count": "1", "level": "expert", "time_mode": "none"}
    response = signed_in.post("/practice/", {**data, "feedback_mode": "after_each"})
    assert response.status_code == 200
    assert 'id="id_topics_error"' in response.content.decode()
    assert not InterviewSession.objects.exists()


@pytest.mark.django_db
def test_a_topic_slug_with_a_nul_character_shows_the_picker(signed_in, make_question):
    """PostgreSQL refuses a NUL character in a query's text (DataError): the slug is matched
    against the topics listed, not sent to the database."""
    make_question("docker", 1)
    response = signed_in.get("/practice/chosen/?topic=dock%00er")
    assert response.status_code == 200
    assert "Choose a topic above to see its questions." in response.content.decode()


def _offered(page: str) -> list[str]:
    return re.findall(r'<input type="checkbox" name="questions" value="(\d+)"', page)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "posted",
    [{"per_item_minutes": "3"}, {"per_item_minutes": "0", "questions": "first"}],
    ids=["none-ticked", "bad-minutes"],
)
def test_a_refused_start_keeps_every_question_the_link_offered(signed_in, make_question, posted):
    """The progress page links to the questions that keep missing a concept. A start refused
    (nothing ticked, minutes out of range) showed only the ticked ones, or none at all, and
    the candidate had to find the link again."""
    first, second = make_question("docker", 1), make_question("docker", 2)
    link = f"/practice/chosen/?questions={first.pk}&questions={second.pk}"
    page = signed_in.get(link).content.decode()
    assert _offered(page) == [str(first.pk), str(second.pk)]
    action = re.search(r'<form method="post" action="([^"]+)"', page.split("<main")[1]).group(1)
    data = {"level": "expert", **posted}
    if data.get("questions") == "first":
        data["questions"] = str(first.pk)
    refused = signed_in.post(action.replace("&amp;", "&"), data).content.decode()
    assert 'id="id_questions_error"' in refused or 'id="id_per_item_minutes_error"' in refused
    assert _offered(refused) == [str(first.pk), str(second.pk)]
    ticked = re.findall(r'value="(\d+)" checked', refused)
    assert ticked == ([str(first.pk)] if "questions" in data else [])
    assert not InterviewSession.objects.exists()
