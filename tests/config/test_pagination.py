"""The pager every list shares: which page a query string asks for, the line that says which rows
show, and which page numbers are linked."""

import pytest
from django.test import RequestFactory

from config.pagination import page_number, paginate


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, 1),
        ("", 1),
        ("2", 2),
        (" 3 ", 3),
        ("60", 5),  # past the end: the last page
        ("0", 1),
        ("-2", 1),
        ("abc", 1),
        ("2.5", 1),
        ("1e3", 1),
        ("9" * 40, 5),
    ],
)
def test_a_page_number_is_a_whole_number_clamped_to_the_pages(raw, expected):
    assert page_number(raw, last=5) == expected


def pagination_of(query: str, rows: int, **options):
    return paginate(RequestFactory().get(f"/list/{query}"), list(range(rows)), **options)


@pytest.mark.parametrize(
    ("query", "rows", "showing"),
    [
        ("?page=2", 3000, "Showing 51–100 of 3,000 sessions"),
        ("?page=60", 3000, "Showing 2,951–3,000 of 3,000 sessions"),
        ("", 2, "2 sessions"),
        ("", 0, "0 sessions"),
    ],
)
def test_the_page_says_which_rows_it_shows_of_how_many(query, rows, showing):
    assert pagination_of(query, rows, noun_plural="sessions").showing == showing


def test_the_links_keep_the_query_and_leave_out_distant_pages():
    pagination = pagination_of("?sort=-score&status=completed&page=30", 3000, noun_plural="rows")
    numbers = [link.number for link in pagination.links]
    assert numbers == [1, None, 28, 29, 30, 31, 32, None, 60]
    assert pagination.links[0].href == "?sort=-score&status=completed"
    assert pagination.next_href == "?sort=-score&status=completed&page=31"
    assert [link.number for link in pagination.links if link.is_current] == [30]


def test_the_first_page_of_a_list_without_a_query_links_to_the_list_itself():
    pagination = pagination_of("?page=2", 120, noun_plural="rows")
    assert pagination.previous_href == "/list/" and pagination.links[0].href == "/list/"


def test_a_second_list_on_the_page_pages_by_its_own_parameter():
    pagination = pagination_of(
        "?page=2&usable_page=3", 200, noun_plural="rows", param="usable_page"
    )
    assert pagination.page.number == 3
    assert pagination.next_href == "?page=2&usable_page=4"
