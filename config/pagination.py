"""One page of a long list, and the links to the others, for every list page of the site.

A list that grows with use (sessions, questions, revisions) shows PER_PAGE rows at a time. The
page number comes from the address, so a bad one is a user's mistake, not an error: anything
that is not a whole number reads as the first page, and a number past either end reads as the
nearest end (a bookmark to page 60 of a list that shrank still shows its last rows). Each link
keeps the rest of the query string, so filters and sorting survive paging.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.formats import number_format

PER_PAGE = 50
# Page links shown on each side of the current one, besides the first and the last.
NEIGHBOURS = 2


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int | None  # None: a gap ("…") between numbers
    href: str = ""
    is_current: bool = False


@dataclass(frozen=True, slots=True)
class Pagination:
    """The rows of one page, what the page says about them, and the links to the other pages."""

    page: Page
    noun_plural: str
    previous_href: str
    next_href: str
    links: tuple[PageLink, ...]

    @property
    def rows(self):
        return self.page.object_list

    @property
    def is_paged(self) -> bool:
        return self.page.paginator.num_pages > 1

    @property
    def showing(self) -> str:
        """ "Showing 51–100 of 3,000 sessions", or "3 sessions" when all fit on one page."""
        count = number_format(self.page.paginator.count, force_grouping=True)
        if not self.is_paged:
            return f"{count} {self.noun_plural}"
        first = number_format(self.page.start_index(), force_grouping=True)
        last = number_format(self.page.end_index(), force_grouping=True)
        return f"Showing {first}–{last} of {count} {self.noun_plural}"


def page_number(raw: str | None, *, last: int) -> int:
    """The page asked for, clamped to 1..last; anything not a whole number is page 1."""
    try:
        number = int(raw or "1")
    except ValueError:
        return 1
    return min(max(number, 1), last)


def paginate(
    request: HttpRequest,
    rows,
    *,
    noun_plural: str,
    per_page: int | None = None,
    param: str = "page",
) -> Pagination:
    """The page of `rows` (an ordered queryset or a list) that the query string asks for.

    Costs a COUNT and the page's own rows for a queryset, however long the list.
    """
    paginator = Paginator(rows, per_page or PER_PAGE)
    page = paginator.page(page_number(request.GET.get(param), last=paginator.num_pages))

    def href(number: int) -> str:
        query = request.GET.copy()
        if number == 1:
            query.pop(param, None)  # page 1 has one address, the list's own
        else:
            query[param] = str(number)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else request.path

    return Pagination(
        page=page,
        noun_plural=noun_plural,
        previous_href=href(page.number - 1) if page.has_previous() else "",
        next_href=href(page.number + 1) if page.has_next() else "",
        links=tuple(
            PageLink(number, href(number), number == page.number) if number else PageLink(None)
            for number in _numbers_shown(page.number, paginator.num_pages)
        ),
    )


def _numbers_shown(current: int, last: int) -> list[int | None]:
    """The first, the last and the current page's neighbours, with None where numbers are left out."""
    wanted = {1, last, *range(current - NEIGHBOURS, current + NEIGHBOURS + 1)}
    shown: list[int | None] = []
    for number in sorted(n for n in wanted if 1 <= n <= last):
        if shown and number - shown[-1] > 1:
            shown.append(None)
        shown.append(number)
    return shown
