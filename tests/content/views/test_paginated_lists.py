"""The bank pages show long lists a page at a time: the next rows on page 2, a bad page number
read as the nearest page, and the same queries however many rows. The page size is cut to 3."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Concept, Question, QuestionRevision, Topic

pytestmark = pytest.mark.django_db
BAD_PAGES = ["abc", "0", "-3", "2.5", "", "99999999999999999999999"]


@pytest.fixture(autouse=True)
def three_per_page(monkeypatch):
    monkeypatch.setattr("config.pagination.PER_PAGE", 3)
    monkeypatch.setattr("content.views.history.HISTORY_PER_PAGE", 3)


def get(client, url, params=None) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def names(pattern: str, page: str) -> list[str]:
    return re.findall(pattern, page)


def nearest(page: str, *, first: list[str], last: list[str]) -> list[str]:
    """What a bad page number should show: the last page for a number past it, else the first."""
    return last if page.isdigit() and int(page) > 1 else first


# --- The question bank's topics ---


def topics_add(numbers, **fields) -> None:
    Topic.objects.bulk_create(
        Topic(name=f"Bank {n:02d}", slug=f"bank-{n:02d}", is_published=True, **fields)
        for n in numbers
    )


def test_page_two_of_the_topics_shows_the_next_topics(client):
    topics_add(range(1, 8))
    _, second = get(client, "/topics/", {"page": 2})
    assert names(r"Bank \d\d", second) == ["Bank 04", "Bank 05", "Bank 06"]
    assert "Showing 4–6 of 7 topics" in second


@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_bad_page_number_of_the_topics_reads_as_the_nearest_page(client, page):
    topics_add(range(1, 8))
    _, shown = get(client, "/topics/", {"page": page})
    first, last = ["Bank 01", "Bank 02", "Bank 03"], ["Bank 07"]
    assert names(r"Bank \d\d", shown) == nearest(page, first=first, last=last)


def test_the_topics_cost_the_same_queries_and_rows_for_more_topics(client):
    topics_add(range(1, 5))
    few, _ = get(client, "/topics/", {"page": 2})
    topics_add(range(5, 40))
    many, page = get(client, "/topics/", {"page": 2})
    assert len(names(r"Bank \d\d", page)) == 3
    assert many == few


# --- A topic's questions, as readers and as its author see them ---


def questions_add(topic, numbers) -> None:
    questions = Question.objects.bulk_create(
        Question(topic=topic, text=f"Question {n:02d}?", slug=f"{topic.slug}-q{n}", position=n)
        for n in numbers
    )
    Concept.objects.bulk_create(
        Concept(question=question, label=f"idea {rank}", rank=rank)
        for question in questions
        for rank in range(2)
    )


@pytest.fixture
def bank_page(client, private_bank, author):
    """(the topic, its reader's address, its author's address), the author logged in."""
    client.force_login(author)
    return private_bank, f"/topics/{private_bank.slug}/", f"/bank/{private_bank.slug}/"


@pytest.mark.parametrize("side", [1, 2], ids=["reader", "author"])
def test_page_two_of_a_topic_shows_the_next_questions_numbered_on(bank_page, client, side):
    topic, url = bank_page[0], bank_page[side]
    questions_add(topic, range(1, 8))
    _, second = get(client, url, {"page": 2})
    assert names(r"Question \d\d", second) == ["Question 04", "Question 05", "Question 06"]
    assert '<ol class="question-list" start="4">' in second
    assert "Showing 4–6 of 7 questions" in second


def test_a_topic_counts_all_its_questions_on_every_page(bank_page, client):
    topic, url, _ = bank_page
    questions_add(topic, range(1, 8))
    _, second = get(client, url, {"page": 3})
    assert "7 questions" in second and names(r"Question \d\d", second) == ["Question 07"]


@pytest.mark.parametrize("side", [1, 2], ids=["reader", "author"])
@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_bad_page_number_of_a_topic_reads_as_the_nearest_page(bank_page, client, side, page):
    topic, url = bank_page[0], bank_page[side]
    questions_add(topic, range(1, 8))
    _, shown = get(client, url, {"page": page})
    first, last = ["Question 01", "Question 02", "Question 03"], ["Question 07"]
    assert names(r"Question \d\d", shown) == nearest(page, first=first, last=last)


@pytest.mark.parametrize("side", [1, 2], ids=["reader", "author"])
def test_a_topic_costs_the_same_queries_and_rows_for_more_questions(bank_page, client, side):
    topic, url = bank_page[0], bank_page[side]
    questions_add(topic, range(1, 5))
    few, _ = get(client, url, {"page": 2})
    questions_add(topic, range(5, 40))
    many, page = get(client, url, {"page": 2})
    assert len(names(r"Question \d\d", page)) == 3
    assert many == few


# --- An author's banks: the ones they edit and the ones they may use, paged apart ---


def test_the_two_bank_lists_page_apart_and_keep_each_others_page(client, author):
    topics_add(range(1, 8), owner=author)
    topics_add(range(11, 18), shared_with_everyone=True)
    client.force_login(author)
    _, shown = get(client, "/bank/", {"page": 2, "usable_page": 3})
    assert names(r"Bank \d\d", shown) == ["Bank 04", "Bank 05", "Bank 06", "Bank 17"]
    assert "Showing 4–6 of 7 banks you edit" in shown
    assert "Showing 7–7 of 7 banks you may use" in shown
    assert 'href="?page=3&amp;usable_page=3"' in shown  # the next page of the first list


def test_the_bank_lists_cost_the_same_queries_and_rows_for_more_banks(client, author):
    client.force_login(author)
    topics_add(range(1, 5), owner=author)
    few, _ = get(client, "/bank/", {"page": 2})
    topics_add(range(5, 40), owner=author)
    many, page = get(client, "/bank/", {"page": 2})
    assert len(names(r"Bank \d\d", page)) == 3
    assert many == few


# --- A question's revision history ---


def revisions_add(question, numbers) -> None:
    QuestionRevision.objects.bulk_create(
        QuestionRevision(question=question, number=n, text=f"Wording {n:02d}?") for n in numbers
    )


@pytest.fixture
def history(client, author, private_bank):
    client.force_login(author)
    question = Question.objects.create(topic=private_bank, text="Wording?", slug="worded")
    return question, f"/bank/questions/{question.slug}/history/"


def test_page_two_of_a_history_shows_the_older_revisions_each_with_its_diff(client, history):
    question, url = history
    revisions_add(question, range(1, 8))
    _, first = get(client, url)
    _, second = get(client, url, {"page": 2})
    assert names(r"Revision \d+(?: \(current\))?</h2>", first)[0] == "Revision 7 (current)</h2>"
    assert names(r"Revision \d+</h2>", second) == [f"Revision {n}</h2>" for n in (4, 3, 2)]
    assert "(current)" not in second
    # Revision 2's diff is from revision 1, which is on the next page.
    assert '<span class="diff-removed">-Wording 01?</span>' in second
    assert "Showing 4–6 of 7 revisions" in second


@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_bad_page_number_of_a_history_reads_as_the_nearest_page(client, history, page):
    question, url = history
    revisions_add(question, range(1, 8))
    _, shown = get(client, url, {"page": page})
    first, last = ["Revision 7", "Revision 6", "Revision 5"], ["Revision 1"]
    assert names(r"Revision \d+(?=[ <])", shown.split("<h1")[1]) == nearest(
        page, first=first, last=last
    )


def test_a_history_costs_the_same_queries_and_rows_for_more_revisions(client, history):
    question, url = history
    revisions_add(question, range(1, 5))
    few, _ = get(client, url, {"page": 2})
    revisions_add(question, range(5, 40))
    many, page = get(client, url, {"page": 2})
    assert len(names(r'<article class="card revision"', page)) == 3
    assert many == few
