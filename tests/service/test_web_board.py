"""The employer board (/ui/employers/board) on the seeded demo programme (real DuckDB file).

Columns and cards are checked against direct SQL written here; a move is read back through the
JSON API and the stage history. The browser moves (keyboard, drag, without script) are in
test_web_board_browser.py.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from employers.listing import EmployerFilter
from matching.types import STAGES
from service.access.tokens import create_token
from service.access.users import get_user
from service.app import create_app
from service.config import Settings
from service.demo import seed
from service.runtime.resources import Resources
from service.usecases.employer_board import COLUMN_CARDS, employer_board
from tests.conftest import BASE_URL, ROOT, Api

SE_JD, DK_SPEC = "per.sv", "mikkel.da"
_CARD = re.compile(r'<li class="board-card[^"]*" id="card-([0-9a-f-]{36})"')
_COLUMN = re.compile(r'<section class="column" data-stage="(\w+)"(.*?)</section>', re.S)


@pytest.fixture(scope="module")
def demo(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    path = tmp_path_factory.mktemp("board") / "demo.duckdb"
    settings = Settings(db_path=str(path), encoder="hashing", data_dir=ROOT / "data")
    client = TestClient(
        create_app(settings, resources=resources), raise_server_exceptions=False, base_url=BASE_URL
    )
    with client:
        db = client.app.state.db  # type: ignore[attr-defined]
        seed.seed_demo(db, client.app.state.engine, ROOT / "data" / "demo")  # type: ignore[attr-defined]
        tokens = {u: create_token(db, user_id=get_user(db, username=u).id) for u in (SE_JD, DK_SPEC)}  # type: ignore[union-attr]
        yield Api(client, tokens)


def _sql(api: Api, query: str, *args: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in api.db.cursor().execute(query, list(args)).fetchall()]


def _columns(html: str) -> dict[str, list[str]]:
    """Stage -> the card ids of its column, in order."""
    return {stage: _CARD.findall(body) for stage, body in _COLUMN.findall(html)}


def test_the_board_holds_the_units_countrys_employers_by_stage(demo: Api) -> None:
    page = demo.call("GET", "/ui/employers/board", user=SE_JD)
    assert page.status_code == 200, page.text
    columns = _columns(page.text)
    assert list(columns) == list(STAGES)
    for stage, cards in columns.items():
        expected = _sql(
            demo,
            "SELECT id FROM crm_employers WHERE deleted_at IS NULL AND country = 'SE' AND stage = ? "
            "ORDER BY lower(name), id LIMIT ?",
            stage,
            COLUMN_CARDS,
        )
        assert cards == [str(r[0]) for r in expected], stage
    shown = {c for cards in columns.values() for c in cards}
    danish = {str(r[0]) for r in _sql(demo, "SELECT id FROM crm_employers WHERE country = 'DK'")}
    assert shown and not shown & danish  # another unit's country is not on the Swedish board


def test_the_owner_filter_and_the_next_follow_up(demo: Api) -> None:
    [(owner,)] = _sql(
        demo, "SELECT owner FROM crm_employers WHERE country = 'SE' AND owner IS NOT NULL LIMIT 1"
    )
    page = demo.call("GET", "/ui/employers/board", user=SE_JD, params={"owner": owner})
    shown = {c for cards in _columns(page.text).values() for c in cards}
    theirs = {
        str(r[0])
        for r in _sql(
            demo,
            "SELECT id FROM crm_employers WHERE deleted_at IS NULL AND country = 'SE' AND owner = ?",
            owner,
        )
    }
    assert shown and shown <= theirs
    rows = _sql(
        demo,
        "SELECT t.employer_id, min(t.due_on) FROM crm_tasks t JOIN crm_employers e ON e.id = t.employer_id "
        "WHERE t.status = 'open' AND t.deleted_at IS NULL AND t.due_on IS NOT NULL AND e.country = 'SE' "
        "AND e.deleted_at IS NULL GROUP BY t.employer_id",
    )
    html = demo.call("GET", "/ui/employers/board", user=SE_JD).text
    checked = 0
    for employer_id, due in rows:
        card = html.split(f'id="card-{employer_id}"', 1)
        if len(card) == 2:
            assert (
                f"{due.day}"
                in card[1].split("</li>", 1)[0].split("Next follow-up", 1)[1].split("</dd>", 1)[0]
            )
            checked += 1
    assert checked, "no card with a follow-up to check"
    bad = demo.call("GET", "/ui/employers/board", user=SE_JD, params={"owner": "nobody.at.all"})
    assert bad.status_code == 422 and "Please choose one of the options." in bad.text


def test_a_move_goes_through_the_stage_change_and_back_to_the_board(demo: Api) -> None:
    [(eid, stage)] = _sql(
        demo,
        "SELECT id, stage FROM crm_employers WHERE country = 'SE' AND stage = 'prospect' "
        "ORDER BY name LIMIT 1",
    )
    eid = str(eid)
    r = demo.call(
        "POST",
        f"/ui/employers/{eid}/move",
        user=SE_JD,
        data={"stage": "partnered", "next": "/ui/employers/board?owner=&moved=x"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"] == f"/ui/employers/board?owner=&moved={eid}#card-{eid}"
    assert demo.call("GET", f"/employers/{eid}", user=SE_JD).json()["stage"] == "partnered"
    history = _sql(
        demo,
        "SELECT from_stage, to_stage, changed_by FROM crm_stage_history WHERE employer_id = ? "
        "ORDER BY changed_at DESC LIMIT 1",
        eid,
    )
    assert history == [(stage, "partnered", SE_JD)]
    board = demo.call("GET", r.headers["location"].split("#")[0], user=SE_JD).text
    assert eid in _columns(board)["partnered"] and eid not in _columns(board)["prospect"]
    assert re.search(r'<div id="board-messages" role="status">\s*<p class="moved">', board)


def test_a_moved_card_is_shown_in_its_column_even_past_the_columns_first_cards(demo: Api) -> None:
    where = EmployerFilter(country="SE")
    rows = _sql(
        demo,
        "SELECT id FROM crm_employers WHERE deleted_at IS NULL AND country = 'SE' AND stage = 'prospect' "
        "ORDER BY lower(name), id",
    )
    last = str(rows[-1][0])
    assert len(rows) > 2
    [*_, prospects] = [
        c for c in employer_board(db=demo.db, where=where, per_column=2) if c.stage == "prospect"
    ]
    assert [c.employer.id for c in prospects.cards] == [str(r[0]) for r in rows[:2]]
    assert prospects.total == len(rows)
    pinned = employer_board(db=demo.db, where=where, per_column=2, pinned=last)
    [*_, column] = [c for c in pinned if c.stage == "prospect"]
    assert [c.employer.id for c in column.cards][-1] == last and len(column.cards) == 3
    elsewhere = employer_board(db=demo.db, where=EmployerFilter(country="DK"), per_column=2, pinned=last)
    assert last not in {c.employer.id for col in elsewhere for c in col.cards}  # the filters still hold
    page = demo.call("GET", "/ui/employers/board", user=SE_JD, params={"moved": "-" * 36})
    assert page.status_code == 200


def test_a_gone_employer_or_a_bad_stage_shows_a_message_never_a_500(demo: Api) -> None:
    gone = demo.call(
        "POST",
        f"/ui/employers/{uuid.uuid4()}/move",
        user=SE_JD,
        data={"stage": "partnered", "next": "/ui/employers/board?country=SE"},
    )
    assert (
        gone.status_code == 404 and "no longer in the network" in gone.text and 'class="board"' in gone.text
    )
    [(eid,)] = _sql(demo, "SELECT id FROM crm_employers WHERE country = 'SE' ORDER BY name LIMIT 1")
    bad = demo.call("POST", f"/ui/employers/{eid}/move", user=SE_JD, data={"stage": "married"})
    assert bad.status_code == 422 and "Please choose one of the options." in bad.text
    away = demo.call(
        "POST",
        f"/ui/employers/{eid}/move",
        user=SE_JD,
        data={"stage": "learning", "next": "https://evil.example/"},
        follow_redirects=False,
    )
    assert away.status_code == 303 and away.headers["location"].startswith("/ui/employers/board?moved=")


def test_the_board_renders_in_swedish(demo: Api) -> None:
    page = demo.call("GET", "/ui/employers/board", user=SE_JD, headers={"Accept-Language": "sv"})
    assert page.status_code == 200 and page.headers["content-language"] == "sv"
    assert "Flytta till" in page.text and "Har anställt via oss" in page.text
