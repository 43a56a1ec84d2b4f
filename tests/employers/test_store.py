from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

import employers
from employers import EmployerStore, InvalidError, NotFoundError, OpeningStore


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    c = duckdb.connect(str(tmp_path / "crm.duckdb"))  # a real file; this name once clashed with a schema
    for script in sorted(employers.MIGRATIONS.glob("*.sql")):
        c.execute(script.read_text())
    yield c
    c.close()


def _employer(store: EmployerStore, **extra: object) -> employers.EmployerRecord:
    values = {
        "name": "Hansen & Søn ApS",
        "sector_nace": "I56",
        "stage": "learning",
        "sites": [{"name": "Valby", "city": "Valby", "lat": 55.66, "lon": 12.5}],
    }
    return store.create(values={**values, **extra}, actor="anna")


def test_create_and_get_employer_with_sites(con) -> None:  # type: ignore[no-untyped-def]
    store = EmployerStore(con)
    emp = _employer(store, hiring_occupations=["occ:1"])
    again = store.get(employer_id=emp.id)
    assert again == emp
    assert emp.sites[0].city == "Valby" and emp.hiring_occupations == ("occ:1",)
    assert emp.created_by == "anna" and emp.created_at is not None and emp.created_at.tzinfo is not None
    log = con.execute(
        "SELECT actor, entity, action FROM crm_change_log WHERE entity_id = ?", [emp.id]
    ).fetchall()
    assert log == [("anna", "employer", "create")]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": " "}, "name"),
        ({"name": "X", "stage": "married"}, "stage"),
        ({"name": "X", "colour": 1}, "colour"),
    ],
)
def test_invalid_employer_names_the_field_and_writes_nothing(con, values, field) -> None:  # type: ignore[no-untyped-def]
    store = EmployerStore(con)
    with pytest.raises(InvalidError) as err:
        store.create_many(rows=[{"name": "Fine AB"}, values], actor="a")
    assert err.value.field == field
    assert con.execute("SELECT count(*) FROM crm_employers").fetchone() == (0,)


def test_opening_takes_its_sites_place_and_requires_a_live_employer(con) -> None:  # type: ignore[no-untyped-def]
    emp = _employer(EmployerStore(con))
    openings = OpeningStore(con)
    op = openings.create(
        values={"employer_id": emp.id, "site_id": emp.sites[0].id, "title": "Kok"}, actor="a"
    )
    assert (op.city, op.lat, op.lon) == ("Valby", 55.66, 12.5)
    with pytest.raises(NotFoundError):
        openings.create(
            values={"employer_id": "00000000-0000-4000-8000-000000000000", "title": "x"}, actor="a"
        )
    with pytest.raises(InvalidError) as err:
        openings.create(
            values={"employer_id": emp.id, "title": "x", "hours_min": 30, "hours_max": 10}, actor="a"
        )
    assert err.value.field == "hours_max"


def test_live_openings_exclude_filled_and_expired(con) -> None:  # type: ignore[no-untyped-def]
    emp = _employer(EmployerStore(con))
    past = datetime.now(UTC) - timedelta(days=1)
    rows = [
        {"employer_id": emp.id, "title": "open"},
        {"employer_id": emp.id, "title": "lead", "status": "lead"},
        {"employer_id": emp.id, "title": "filled", "status": "filled"},
        {"employer_id": emp.id, "title": "expired", "closes_at": past},
    ]
    OpeningStore(con).create_many(rows=rows, actor="a")
    assert sorted(o.title for o in OpeningStore(con).list_live()) == ["lead", "open"]


def test_cursor_pagination_visits_every_employer_once(con) -> None:  # type: ignore[no-untyped-def]
    store = EmployerStore(con)
    store.create_many(rows=[{"name": f"Firma {i} AB"} for i in range(7)], actor="a")
    seen, after = [], None
    while True:
        page = store.list(limit=3, after=after)
        seen += [e.id for e in page]
        if len(page) < 3:
            break
        after = page[-1].id
    assert len(seen) == 7 == len(set(seen)) and seen == sorted(seen)


def test_concurrent_writes_from_threads_lose_nothing(con) -> None:  # type: ignore[no-untyped-def]
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            EmployerStore(con.cursor(), lock).create(values={"name": f"Thread {i} Ltd"}, actor="t")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert con.execute("SELECT count(*) FROM crm_employers").fetchone() == (16,)
    assert con.execute("SELECT count(*) FROM crm_change_log").fetchone() == (16,)


def test_a_person_and_their_link_change_together_or_not_at_all(con) -> None:  # type: ignore[no-untyped-def]
    emp = _employer(EmployerStore(con))
    people = employers.PeopleStore(con)
    start = datetime(2025, 3, 1, tzinfo=UTC).date()
    link = {"employer_id": emp.id, "role": "Chef", "active_from": start}
    eva = people.create(values={"full_name": "Eva Ek", "employers": [link]}, actor="anna")  # type: ignore[typeddict-item]
    link_id = eva.employers[0].id
    changed = people.update_with_link(
        record_id=eva.id, values={"phone": "070-1"}, link_id=link_id, link={"role": "Ägare"}, actor="anna"
    )
    assert (changed.phone, changed.employers[0].role) == ("070-1", "Ägare")
    left = start - timedelta(days=1)  # the link's rule fails: the person's change is not written either
    with pytest.raises(InvalidError) as bad:
        people.update_with_link(
            record_id=eva.id, values={"phone": "070-2"}, link_id=link_id, link={"left_on": left}, actor="anna"
        )
    assert bad.value.field == "left_on"
    after = people.get(record_id=eva.id)
    assert (after.phone, after.employers[0].left_on) == ("070-1", None)
