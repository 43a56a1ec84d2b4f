"""The list pages on the seeded demo programme (real DuckDB): filters, sorting, paging, unit lines.

Every expectation is a direct SQL query over the same database, written here independently of
the stores' listing queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient

from employers import ActivityStore
from service.access.tokens import create_token
from service.access.users import get_user
from service.app import create_app
from service.config import Settings
from service.demo import seed
from service.runtime.resources import Resources
from service.usecases.employer_list import dormant_cutoff
from tests.conftest import BASE_URL, ROOT, Api

SE_JD, SE_SPEC, DK_SPEC = "per.sv", "ebba.sv", "mikkel.da"
_EMPLOYER = re.compile(r'<a class="employer" href="/ui/employers/([0-9a-f-]{36})"')
_PERSON = re.compile(r'<a class="person" href="/ui/participants/([0-9a-f-]{36})"')
_OPENING = re.compile(r'<tr>\s*<td class="opening">')
_NEXT = re.compile(r'<a rel="next" href="([^"]+)"')


@pytest.fixture(scope="module")
def demo(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    path = tmp_path_factory.mktemp("lists") / "demo.duckdb"
    settings = Settings(db_path=str(path), encoder="hashing", data_dir=ROOT / "data")
    client = TestClient(
        create_app(settings, resources=resources), raise_server_exceptions=False, base_url=BASE_URL
    )
    with client:
        db = client.app.state.db  # type: ignore[attr-defined]
        seed.seed_demo(db, client.app.state.engine, ROOT / "data" / "demo")  # type: ignore[attr-defined]
        users = (SE_JD, SE_SPEC, DK_SPEC)
        tokens = {u: create_token(db, user_id=get_user(db, username=u).id) for u in users}  # type: ignore[union-attr]
        yield Api(client, tokens)


def _sql(api: Api, query: str, *args: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in api.db.cursor().execute(query, list(args)).fetchall()]


def _ids(api: Api, query: str, *args: Any) -> list[str]:
    return [str(r[0]) for r in _sql(api, query, *args)]


def _walk(api: Api, url: str, pattern: re.Pattern[str], user: str = SE_JD, **params: Any) -> list[str]:
    """Every row id over all pages, following the "next" links (which must keep the filters)."""
    seen: list[str] = []
    page = api.call("GET", url, user=user, params=params)
    for _ in range(100):
        assert page.status_code == 200, page.text[-2000:]
        seen += pattern.findall(page.text)
        found = _NEXT.search(page.text)
        if found is None:
            return seen
        page = api.call("GET", unescape(found.group(1)), user=user)
    raise AssertionError("more than 100 pages")


_LIVE_EMPLOYERS = "SELECT id FROM crm_employers WHERE deleted_at IS NULL"


def test_employer_paging_covers_every_row_exactly_once_in_every_order(demo: Api) -> None:
    everyone = set(_ids(demo, _LIVE_EMPLOYERS))
    assert len(everyone) > 250  # six pages of 50 or more
    for sort in ("name", "stage", "last_contact", "openings"):
        seen = _walk(demo, "/ui/employers", _EMPLOYER, country="", sort=sort)
        assert len(seen) == len(set(seen)) == len(everyone), sort
        assert set(seen) == everyone


def test_the_list_starts_on_the_units_country(demo: Api) -> None:
    swedish = _ids(demo, f"{_LIVE_EMPLOYERS} AND country = 'SE'")
    assert 50 < len(swedish) < len(_ids(demo, _LIVE_EMPLOYERS))  # two pages, not everyone
    assert sorted(_walk(demo, "/ui/employers", _EMPLOYER)) == sorted(swedish)
    danish = _ids(demo, f"{_LIVE_EMPLOYERS} AND country = 'DK'")
    assert sorted(_walk(demo, "/ui/employers", _EMPLOYER, user=DK_SPEC)) == sorted(danish)


def test_employer_filters_narrow_like_sql(demo: Api) -> None:
    owner, section, stage = _sql(
        demo,
        "SELECT owner, left(sector_nace, 1), stage FROM crm_employers WHERE deleted_at IS NULL "
        "AND country = 'SE' AND owner IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC, 1, 2, 3 LIMIT 1",
    )[0]
    cases = [
        ({"owner": owner}, "AND country = 'SE' AND owner = ?", [owner]),
        ({"sector": section}, "AND country = 'SE' AND sector_nace LIKE ? || '%'", [section]),
        ({"stage": stage, "country": ""}, "AND stage = ?", [stage]),
        ({"owner": owner, "sector": section, "stage": stage}, "AND country = 'SE' AND owner = ? "
         "AND sector_nace LIKE ? || '%' AND stage = ?", [owner, section, stage]),
    ]  # fmt: skip
    for params, where, args in cases:
        expected = _ids(demo, f"{_LIVE_EMPLOYERS} {where}", *args)
        shown = _walk(demo, "/ui/employers", _EMPLOYER, **params)
        assert expected and sorted(shown) == sorted(expected), params
    assert len(_walk(demo, "/ui/employers", _EMPLOYER, stage=stage, country="")) > len(cases[2][0])


def test_dormant_means_no_held_contact_in_30_days_as_on_the_dormant_page(demo: Api) -> None:
    expected = _ids(
        demo,
        f"{_LIVE_EMPLOYERS} AND NOT do_not_contact AND id NOT IN (SELECT employer_id FROM crm_contacts "
        "WHERE deleted_at IS NULL AND status = 'held' AND occurred_at >= now() - INTERVAL 30 DAY)",
    )
    everyone = _ids(demo, _LIVE_EMPLOYERS)
    assert 0 < len(expected) < len(everyone)  # the filter narrows and finds some
    assert sorted(_walk(demo, "/ui/employers", _EMPLOYER, country="", dormant="1")) == sorted(expected)
    # the dormant page's own store query, over every employer, finds the same ones
    rule = ActivityStore(demo.db.cursor()).dormant(cutoff=dormant_cutoff(), limit=10_000)
    assert sorted(r.employer_id for r in rule) == sorted(expected)


def test_sorting_by_openings_and_last_contact_orders_like_sql(demo: Api) -> None:
    by_openings = _ids(
        demo,
        "SELECT e.id FROM crm_employers e LEFT JOIN crm_openings o ON o.employer_id = e.id "
        "AND o.deleted_at IS NULL AND o.status = 'open' WHERE e.deleted_at IS NULL AND e.country = 'SE' "
        "GROUP BY e.id, e.name ORDER BY count(o.id) DESC, lower(e.name), e.id",
    )
    assert _walk(demo, "/ui/employers", _EMPLOYER, sort="openings") == by_openings
    by_last = _ids(
        demo,
        "SELECT e.id FROM crm_employers e LEFT JOIN crm_contacts c ON c.employer_id = e.id "
        "AND c.deleted_at IS NULL AND c.status = 'held' WHERE e.deleted_at IS NULL AND e.country = 'SE' "
        "GROUP BY e.id, e.name ORDER BY max(c.occurred_at) NULLS FIRST, lower(e.name), e.id",
    )
    assert _walk(demo, "/ui/employers", _EMPLOYER, sort="last_contact") == by_last


def test_search_narrows_and_nonsense_finds_nothing(demo: Api) -> None:
    for nonsense in ("qqqzzxx", "asdfgh"):
        page = demo.call("GET", "/ui/employers", user=SE_JD, params={"q": nonsense, "country": ""})
        assert page.status_code == 200 and _EMPLOYER.findall(page.text) == []
        assert "No employer matches." in page.text
    name, emp_id = _sql(demo, f"SELECT name, id FROM crm_employers WHERE id IN ({_LIVE_EMPLOYERS}) "
                              "AND country = 'SE' AND length(name) > 8 ORDER BY name LIMIT 1")[0]  # fmt: skip
    typo = name[:-2] + name[-1]  # one letter dropped
    found = _walk(demo, "/ui/employers", _EMPLOYER, q=typo)
    assert found[0] == str(emp_id) and len(found) < 20  # best first, a short list


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("/ui/employers", {"sort": "size"}, "sort"),
        ("/ui/employers", {"stage": "friends"}, "stage"),
        ("/ui/employers", {"country": "XX"}, "country"),
        ("/ui/employers", {"sector": "Z"}, "sector"),
        ("/ui/employers", {"page": "two"}, "page"),
        ("/ui/employers", {"q": "x" * 201}, "q"),
        ("/ui/openings", {"sort": "name"}, "sort"),
        ("/ui/openings", {"employer_id": "00000000-0000-4000-8000-000000000000"}, "employer_id"),
        ("/ui/openings", {"source": "fax"}, "source"),
        ("/ui/participants", {"sort": "salary"}, "sort"),
        ("/ui/participants", {"phase": "unready"}, "phase"),
    ],
)
def test_a_value_the_list_does_not_offer_is_a_422_with_the_fields_message(
    demo: Api, url: str, params: dict[str, str], field: str
) -> None:
    page = demo.call("GET", url, user=SE_SPEC, params=params)
    assert page.status_code == 422, page.text[-500:]
    assert f'id="err-{field}"' in page.text
    assert field == "page" or f'aria-describedby="err-{field}"' in page.text  # page: no field to mark
    assert _EMPLOYER.findall(page.text) == [] and _PERSON.findall(page.text) == []


def test_a_page_past_the_end_is_empty_and_keeps_the_total(demo: Api) -> None:
    page = demo.call("GET", "/ui/employers", user=SE_JD, params={"page": "99"})
    assert page.status_code == 200 and _EMPLOYER.findall(page.text) == []
    total = len(_ids(demo, f"{_LIVE_EMPLOYERS} AND country = 'SE'"))
    assert f"{total} rows" in page.text


def _unit_people(api: Api, username: str) -> list[str]:
    return _ids(
        api,
        "SELECT p.id FROM caseload_participants p JOIN app_users u ON u.unit_id = p.unit_id "
        "WHERE u.username = ? AND p.deleted_at IS NULL AND p.erased_at IS NULL",
        username,
    )


def test_another_units_participants_never_appear(demo: Api) -> None:
    own, other = _unit_people(demo, SE_SPEC), _unit_people(demo, DK_SPEC)
    assert own and other and not set(own) & set(other)
    assert sorted(_walk(demo, "/ui/participants", _PERSON, user=SE_SPEC)) == sorted(own)
    first = demo.call("GET", "/ui/participants", user=SE_SPEC, params={"page": "1"}).text
    assert f"{len(own)} rows" in first  # the store counted the unit's people only, not everyone's
    danish = _sql(
        demo, "SELECT specialist_id, display_name FROM caseload_participants WHERE id = ?", other[0]
    )
    specialist, name = danish[0]
    for params in ({"q": name}, {"q": name, "sort": "newest"}, {"phase": "enrolled"}):
        assert set(_walk(demo, "/ui/participants", _PERSON, user=SE_SPEC, **params)) <= set(own), params
    # another unit's specialist is no choice here (422), and shows nobody
    page = demo.call("GET", "/ui/participants", user=SE_SPEC, params={"specialist": specialist})
    assert page.status_code == 422 and _PERSON.findall(page.text) == []


def test_participant_filters_narrow_like_sql_and_the_list_is_audit_logged(demo: Api) -> None:
    user = get_user(demo.db, username=SE_SPEC)
    assert user is not None and user.unit_id is not None
    unit = "FROM caseload_participants WHERE unit_id = ? AND deleted_at IS NULL AND erased_at IS NULL"
    most = f"SELECT phase, specialist_id {unit} GROUP BY ALL ORDER BY count(*) DESC, 1, 2"
    phase, specialist = _sql(demo, most, user.unit_id)[0]
    letter = _sql(demo, f"SELECT lower(display_name[2]) {unit} LIMIT 1", user.unit_id)[0][0]
    cases = [
        ({"phase": phase}, "AND phase = ?", [phase]),
        ({"specialist": specialist}, "AND specialist_id = ?", [specialist]),
        ({"q": letter.upper()}, "AND contains(lower(display_name), ?)", [letter]),
    ]
    for params, where, args in cases:
        expected = _ids(demo, f"SELECT id {unit} {where}", user.unit_id, *args)
        assert expected and sorted(
            _walk(demo, "/ui/participants", _PERSON, user=SE_SPEC, **params)
        ) == sorted(expected), params
    before = _sql(demo, "SELECT count(*) FROM app_audit_log WHERE user_id = ? AND action = 'list'", user.id)[
        0
    ][0]
    shown = _walk(demo, "/ui/participants", _PERSON, user=SE_SPEC, phase=phase)
    logged = _ids(
        demo,
        "SELECT entity_id FROM app_audit_log WHERE user_id = ? AND action = 'list' "
        "AND entity = 'participant' ORDER BY logged_at DESC LIMIT ?",
        user.id,
        len(shown),
    )
    assert sorted(logged) == sorted(shown)
    after = _sql(demo, "SELECT count(*) FROM app_audit_log WHERE user_id = ? AND action = 'list'", user.id)[
        0
    ][0]
    assert after - before == len(shown)


def test_openings_filter_and_page_like_sql(demo: Api) -> None:
    base = (
        "SELECT o.id FROM crm_openings o JOIN crm_employers e ON e.id = o.employer_id "
        "WHERE o.deleted_at IS NULL AND e.deleted_at IS NULL"
    )
    count = len(_ids(demo, f"{base} AND e.country = 'SE'"))
    shown = _walk(demo, "/ui/openings", _OPENING)  # the unit's country by default
    assert count > 100 and len(shown) == count
    danish = f"{base.replace('SELECT o.id', 'SELECT o.employer_id')} AND e.country = 'DK'"
    employer = _ids(demo, f"SELECT employer_id FROM ({danish}) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")[
        0
    ]
    section = _sql(demo, "SELECT left(sector_nace, 1) FROM crm_employers WHERE country = 'SE' LIMIT 1")[0][0]
    cases = [
        ({"status": "open"}, "AND e.country = 'SE' AND o.status = 'open'", []),
        ({"status": "filled", "country": ""}, "AND o.status = 'filled'", []),
        ({"employer_id": employer, "country": ""}, "AND o.employer_id = ?", [employer]),
        ({"sector": section}, "AND e.country = 'SE' AND e.sector_nace LIKE ? || '%'", [section]),
        ({"source": "manual", "country": ""}, "AND o.feed_source IS NULL", []),
    ]
    for params, where, args in cases:
        expected = _ids(demo, f"{base} {where}", *args)
        assert expected and len(_walk(demo, "/ui/openings", _OPENING, **params)) == len(expected), params
    feed = demo.call("GET", "/ui/openings", user=SE_JD, params={"source": "feed", "country": ""})
    assert feed.status_code == 200 and _OPENING.findall(feed.text) == []  # the demo has no feed pulls


def test_openings_sort_by_closing_date(demo: Api) -> None:
    page = demo.call("GET", "/ui/openings", user=SE_JD, params={"sort": "closes", "status": "open"}).text
    shown = re.findall(r'<td class="opening">([^<]*)</td>', page)
    expected = [
        r[0]
        for r in _sql(
            demo,
            "SELECT o.title FROM crm_openings o JOIN crm_employers e ON e.id = o.employer_id "
            "WHERE o.deleted_at IS NULL AND e.deleted_at IS NULL AND e.country = 'SE' AND o.status = 'open' "
            "ORDER BY o.closes_at NULLS LAST, o.posted_at DESC NULLS LAST, o.id LIMIT 50",
        )
    ]
    assert [unescape(s) for s in shown] == expected


def test_the_week_links_to_the_previous_and_next_week(demo: Api) -> None:
    page = demo.call("GET", "/ui/week", user=SE_SPEC, params={"week": "2026-W01"})
    assert page.status_code == 200
    assert 'href="?week=2025-W52"' in page.text and 'href="?week=2026-W02"' in page.text
    last = demo.call("GET", "/ui/week", user=SE_SPEC, params={"week": "2026-W53"}).text  # 2026 has 53
    assert 'href="?week=2026-W52"' in last and 'href="?week=2027-W01"' in last
