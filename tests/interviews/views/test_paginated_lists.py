"""The session lists show one page at a time: the next rows on page 2, filters and sorting kept
in the page links, a bad page number read as the nearest page, and the same queries however many
sessions there are. The page size is cut to 3 so a few rows make several pages."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from interviews.models import InterviewSession, SessionItem

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
BAD_PAGES = ["abc", "0", "-3", "2.5", "", "99999999999999999999999"]


@pytest.fixture(autouse=True)
def three_per_page(monkeypatch):
    monkeypatch.setattr("config.pagination.PER_PAGE", 3)


def sessions_add(numbers, *, question, **fields) -> None:
    """Sessions titled "Screen <n>", one finished item each, newer for a higher n."""
    start = timezone.now() - timedelta(days=1000)
    sessions = InterviewSession.objects.bulk_create(
        InterviewSession(title=f"Screen {n:02d}", candidate_name=f"Person {n:02d}", **fields)
        for n in numbers
    )
    for session, n in zip(sessions, numbers, strict=True):
        session.created_at = start + timedelta(days=n)
    InterviewSession.objects.bulk_update(sessions, ["created_at"])
    SessionItem.objects.bulk_create(
        SessionItem(session=s, question=question, position=1, status="submitted", score=n)
        for s, n in zip(sessions, numbers, strict=True)
    )


def titles(page: str) -> list[str]:
    return re.findall(r"Screen \d\d", page)


def get(client, url, params=None, **headers) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, headers=headers)
    assert response.status_code == 200
    return len(queries), response.content.decode()


# --- The interviewer's session list ---


@pytest.fixture
def invited(interviewer, bank):
    def add(numbers, **fields):
        fields = {"status": "completed", **fields}
        sessions_add(numbers, question=bank[0], kind="invited", created_by=interviewer, **fields)

    return add


def test_page_two_of_the_session_list_shows_the_next_sessions(client, interviewer, invited):
    invited(range(1, 8))
    client.force_login(interviewer)
    _, first = get(client, "/interviewer/")
    _, second = get(client, "/interviewer/", {"page": 2})
    assert titles(first) == ["Screen 07", "Screen 06", "Screen 05"]
    assert titles(second) == ["Screen 04", "Screen 03", "Screen 02"]
    assert "Showing 4–6 of 7 sessions" in second
    assert 'href="?page=3"' in second and 'href="/interviewer/"' in second


def test_the_session_list_keeps_its_filters_and_sorting_across_pages(client, interviewer, invited):
    invited(range(1, 9))
    invited(range(9, 12), status="created")  # filtered out
    client.force_login(interviewer)
    filters = {"status": "completed", "sort": "-score", "candidate": "Person"}
    _, first = get(client, "/interviewer/", filters)
    assert titles(first) == ["Screen 08", "Screen 07", "Screen 06"]
    assert "Showing 1–3 of 8 sessions" in first
    next_link = re.search(r'href="(\?[^"]*)"[^>]* rel="next"', first).group(1).replace("&amp;", "&")
    assert sorted(next_link[1:].split("&")) == sorted(
        ["status=completed", "sort=-score", "candidate=Person", "page=2"]
    )
    _, second = get(client, f"/interviewer/{next_link}")
    assert titles(second) == ["Screen 05", "Screen 04", "Screen 03"]
    assert 'value="-score" selected' in second  # the form still shows the sort


@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_bad_page_number_of_the_session_list_reads_as_the_nearest_page(
    client, interviewer, invited, page
):
    invited(range(1, 8))
    client.force_login(interviewer)
    _, shown = get(client, "/interviewer/", {"page": page})
    last = page.isdigit() and int(page) > 1
    assert titles(shown) == (["Screen 01"] if last else ["Screen 07", "Screen 06", "Screen 05"])


def test_the_session_list_costs_the_same_queries_and_rows_for_more_sessions(
    client, interviewer, invited
):
    client.force_login(interviewer)
    invited(range(1, 5))
    few, _ = get(client, "/interviewer/", {"page": 2})
    invited(range(5, 40))
    many, page = get(client, "/interviewer/", {"page": 2})
    assert len(titles(page)) == 3
    assert many == few


def test_htmx_paging_of_the_session_list_swaps_only_the_list(client, interviewer, invited):
    invited(range(1, 8))
    client.force_login(interviewer)
    _, fragment = get(client, "/interviewer/", {"status": "completed", "page": 2}, **HTMX)
    assert fragment.lstrip().startswith('<div id="session-list"')
    assert "<html" not in fragment and "Filter sessions" not in fragment
    assert titles(fragment) == ["Screen 04", "Screen 03", "Screen 02"]
    assert 'hx-get="?status=completed&amp;page=3"' in fragment


# --- The candidate's own sessions ---


@pytest.fixture
def practised(candidate, bank):
    def add(numbers, **fields):
        fields = {"status": "completed", **fields}
        sessions_add(numbers, question=bank[0], candidate=candidate, created_by=candidate, **fields)

    return add


def test_page_two_of_your_sessions_shows_the_next_sessions(client, candidate, practised):
    practised(range(1, 8))
    client.force_login(candidate)
    _, first = get(client, "/sessions/")
    _, second = get(client, "/sessions/", {"page": 2})
    assert titles(first) == ["Screen 07", "Screen 06", "Screen 05"]
    assert titles(second) == ["Screen 04", "Screen 03", "Screen 02"]
    assert "Showing 4–6 of 7 sessions" in second


@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_bad_page_number_of_your_sessions_reads_as_the_nearest_page(
    client, candidate, practised, page
):
    practised(range(1, 8))
    client.force_login(candidate)
    _, shown = get(client, "/sessions/", {"page": page})
    last = page.isdigit() and int(page) > 1
    assert titles(shown) == (["Screen 01"] if last else ["Screen 07", "Screen 06", "Screen 05"])


def test_your_sessions_cost_the_same_queries_and_rows_for_more_sessions(
    client, candidate, practised
):
    client.force_login(candidate)
    practised(range(1, 5))
    few, _ = get(client, "/sessions/", {"page": 2})
    practised(range(5, 40))
    many, page = get(client, "/sessions/", {"page": 2})
    assert len(titles(page)) == 3
    assert many == few


def test_the_score_chart_draws_the_latest_sessions_whichever_page_is_shown(
    client, candidate, practised, monkeypatch
):
    monkeypatch.setattr("interviews.views.candidate.pages.CHART_SESSIONS", 4)
    practised(range(1, 8))
    client.force_login(candidate)
    _, second = get(client, "/sessions/", {"page": 2})
    chart = second.split("<figure", 1)[1].split("</figure>", 1)[0]
    assert chart.count("<circle") == 4
    assert "your latest 4 finished sessions" in chart


# --- The live view ---


def test_page_two_of_the_live_view_shows_the_next_sessions_and_polls_that_page(
    client, interviewer, invited
):
    invited(range(1, 8), status="created")  # invites not opened yet: they stay on the live view
    client.force_login(interviewer)
    _, second = get(client, "/interviewer/live/", {"page": 2})
    assert titles(second) == ["Screen 04", "Screen 03", "Screen 02"]
    assert "Showing 4–6 of 7 sessions" in second
    assert 'hx-get="/interviewer/live/?page=2"' in second
    _, fragment = get(client, "/interviewer/live/", {"page": "x"}, **HTMX)
    assert titles(fragment) == ["Screen 07", "Screen 06", "Screen 05"]


def test_the_live_view_costs_the_same_queries_and_rows_for_more_sessions(
    client, interviewer, invited
):
    client.force_login(interviewer)
    invited(range(1, 5), status="created")
    few, _ = get(client, "/interviewer/live/", {"page": 2}, **HTMX)
    invited(range(5, 40), status="created")
    many, fragment = get(client, "/interviewer/live/", {"page": 2}, **HTMX)
    assert len(titles(fragment)) == 3
    assert many == few


# --- The re-score page: one action's result, capped rather than paged ---


def test_the_rescore_page_lists_the_answers_it_moved_first_and_counts_the_rest(
    client, interviewer, invited, bank, monkeypatch
):
    monkeypatch.setattr("interviews.views.interviewer.curation.RESCORE_SHOWN", 2)
    invited(range(1, 5))  # blank answers scored 0: a re-score leaves them so
    invited(range(5, 7))
    good = "An image is a read-only template made of layers, built from a Dockerfile."
    SessionItem.objects.filter(session__title__in=["Screen 05", "Screen 06"]).update(
        answer_text=good, score=0
    )
    missed = ["read-only template", "layers", "Dockerfile"]
    SessionItem.objects.filter(session__title__lte="Screen 04").update(
        answer_text="", score=0, missed=missed
    )
    client.force_login(interviewer)
    page = client.post(f"/interviewer/questions/{bank[0].slug}/concepts/rescore/").content.decode()
    assert "Re-scored 6 answers: 2 changed." in page
    assert "Listed below: 2 of them, those that changed first; 4 more are not listed here." in page
    assert sorted(titles(page)) == ["Screen 05", "Screen 06"]


# --- The progress page: its concepts paged, its days capped ---


@pytest.fixture
def attempted(candidate, bank):
    """attempted(labels, days_ago): a practice answer that missed `labels`, finished then."""

    def add(labels, *, days_ago: int = 0):
        session = InterviewSession.objects.create(
            candidate=candidate, created_by=candidate, status="completed"
        )
        SessionItem.objects.create(
            session=session,
            question=bank[0],
            position=1,
            status="submitted",
            score=0,
            missed=list(labels),
            finished_at=timezone.now() - timedelta(days=days_ago),
        )

    return add


def ideas(page: str) -> list[str]:
    return re.findall(r"<td>(idea \d\d)</td>", page)


def test_page_two_of_the_progress_concepts_shows_the_next_concepts_in_the_topic(
    client, candidate, bank, attempted
):
    attempted([f"idea {n:02d}" for n in range(1, 8)])
    client.force_login(candidate)
    _, second = get(client, "/progress/", {"topic": "docker", "page": 2})
    assert ideas(second) == ["idea 04", "idea 05", "idea 06"]
    assert "Showing 4–6 of 7 concepts" in second
    assert 'href="?topic=docker&amp;page=3#concepts-heading"' in second


@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_bad_page_number_of_the_progress_concepts_reads_as_the_nearest_page(
    client, candidate, attempted, page
):
    attempted([f"idea {n:02d}" for n in range(1, 8)])
    client.force_login(candidate)
    _, shown = get(client, "/progress/", {"page": page})
    last = page.isdigit() and int(page) > 1
    assert ideas(shown) == (["idea 07"] if last else ["idea 01", "idea 02", "idea 03"])


def test_the_progress_page_costs_the_same_queries_and_rows_for_more_concepts(
    client, candidate, attempted
):
    client.force_login(candidate)
    attempted([f"idea {n:02d}" for n in range(1, 5)])
    few, _ = get(client, "/progress/", {"page": 2})
    attempted([f"idea {n:02d}" for n in range(5, 40)])
    many, page = get(client, "/progress/", {"page": 2})
    assert len(ideas(page)) == 3
    assert many == few


def test_the_progress_days_table_shows_the_latest_days_and_says_so(
    client, candidate, attempted, monkeypatch
):
    monkeypatch.setattr("interviews.views.candidate.learning.DAYS_SHOWN", 2)
    for days_ago in (30, 20, 10):
        attempted(["idea 01"], days_ago=days_ago)
    client.force_login(candidate)
    _, page = get(client, "/progress/")
    table = page.split('id="coverage-table-caption"', 1)[1].split("</table>", 1)[0]
    days = [f"{timezone.now() - timedelta(days=n):%Y-%m-%d}" for n in (20, 10)]
    assert re.findall(r"<tr><td>(\d{4}-\d\d-\d\d)</td>", table) == days
    assert "the latest 2 of 3 days" in table and "/progress/attempts.csv" in table
