"""Reading the lists' filters from the query string: each value checked, a message per bad field.

The lists are plain GET forms (they work without script); a value the list does not offer (an
unknown sort, stage, country, ...) is noted on its field like a form's error, and the page then
answers 422 with the filters as typed. An absent ``country`` means the caller's unit's country;
a blank one, every country.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import Request

from employers.listing import EmployerFilter
from employers.opening_listing import OPENING_SOURCES, OpeningFilter
from matching.types import OPENING_STATUSES, STAGES
from participants.lifecycle import PHASES
from participants.listing import ParticipantFilter
from service.usecases.employer_list import dormant_cutoff
from service.usecases.list_page import ListPage
from service.web.forms import Posted
from service.web.labels import SECTORS

#: The highest page number a link may ask for (far past any real list).
_LAST_PAGE = 100_000


@dataclass(frozen=True, slots=True)
class ListQuery:
    """The list's filters as read: the form as typed, the sort and the page number (from 1)."""

    form: Posted
    sort: str
    number: int


def query_form(request: Request) -> Posted:
    """The request's query parameters as a form (name -> values, as typed)."""
    params = request.query_params
    return Posted({name: params.getlist(name) for name in params})


def read_list(form: Posted, sorts: Collection[str], default_sort: str) -> ListQuery:
    """The sort (``default_sort`` when absent) and page number of a list's query."""
    sort = form.choice("sort", sorts, required=False) or default_sort
    number = form.number("page", low=1, high=_LAST_PAGE)
    return ListQuery(form, sort, int(number) if number is not None else 1)


def _country(form: Posted, countries: Collection[str], home: str | None) -> str | None:
    if not form.given("country"):
        return home
    return form.choice("country", countries, required=False)


def employer_filter(
    form: Posted, *, countries: Collection[str], owners: Collection[str], home: str | None
) -> EmployerFilter:
    """The employer list's filters (`EmployerFilter`); bad values noted on ``form``."""
    return EmployerFilter(
        country=_country(form, countries, home),
        owner=form.choice("owner", owners, required=False),
        stage=form.choice("stage", STAGES, required=False),
        section=form.choice("sector", SECTORS, required=False),
        dormant_before=dormant_cutoff() if form.choice("dormant", ("1",), required=False) else None,
    )


def opening_filter(
    form: Posted, *, countries: Collection[str], employer_ids: Collection[str], home: str | None
) -> OpeningFilter:
    """The openings list's filters (`OpeningFilter`); bad values noted on ``form``."""
    return OpeningFilter(
        country=_country(form, countries, home),
        employer_id=form.choice("employer_id", employer_ids, required=False),
        status=form.choice("status", OPENING_STATUSES, required=False),
        source=form.choice("source", OPENING_SOURCES, required=False),
        section=form.choice("sector", SECTORS, required=False),
    )


def participant_filter(form: Posted, *, specialist_ids: Collection[str]) -> ParticipantFilter:
    """The caseload list's filters (`ParticipantFilter`); bad values noted on ``form``."""
    return ParticipantFilter(
        phase=form.choice("phase", PHASES, required=False),
        specialist_id=form.choice("specialist", specialist_ids, required=False),
        name=form.text("q", max_length=200) or None,
    )


def pager_links(request: Request, page: ListPage[object]) -> tuple[str | None, str | None]:
    """The previous and next page's links, keeping every filter (None where there is no page)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]

    def link(number: int) -> str:
        return f"{request.url.path}?{urlencode([*kept, ('page', str(number))])}"

    return (
        link(page.number - 1) if page.has_previous else None,
        link(page.number + 1) if page.has_next else None,
    )
