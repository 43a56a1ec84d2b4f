"""The stores' own guard against values no column can hold safely (dates, floats, text)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import duckdb
import pytest

import employers
import participants
from storekit.checks import refuse_unsafe, utc_moment
from storekit.errors import InvalidError

PLUS_14 = timezone(timedelta(hours=14))
MINUS_14 = timezone(timedelta(hours=-14))


@pytest.mark.parametrize(
    "value",
    [
        datetime(1, 1, 1, tzinfo=PLUS_14),  # converting to UTC overflows
        datetime(9999, 12, 31, 23, 59, tzinfo=MINUS_14),
        datetime(1899, 12, 31, 23, 59, tzinfo=UTC),
        datetime(1900, 1, 1, 10, tzinfo=PLUS_14),  # 1899 in UTC
        datetime(2201, 1, 1),
        date(1899, 12, 31),
        date(2201, 1, 1),
        float("nan"),
        float("inf"),
        "a\x00b",
        "\ud800",
        "\x1b[31m",
        "\x7f",
        "\uffff",
    ],
)
def test_unsafe_values_are_refused_naming_the_field(value: object) -> None:
    with pytest.raises(InvalidError) as caught:
        refuse_unsafe({"ok": "fine", "field": value})
    assert caught.value.field == "field"


def test_nested_values_are_named_with_their_path() -> None:
    with pytest.raises(InvalidError) as caught:
        refuse_unsafe({"sites": [{"city": "Valby"}, {"city": "x\x00"}]})
    assert caught.value.field == "sites.city"
    with pytest.raises(InvalidError) as caught:
        refuse_unsafe({"aliases": ["a", "b\x01"]}, prefix="employers.")
    assert caught.value.field == "employers.aliases"


def test_safe_values_pass_and_moments_become_utc() -> None:
    refuse_unsafe(
        {"t": "tab\tcr\rlf\n", "d": date(1900, 1, 1), "f": 1.5, "n": None, "l": [date(2200, 12, 31)]}
    )
    assert utc_moment(datetime(1900, 1, 1, 10, tzinfo=timezone(timedelta(hours=9)))) == datetime(
        1900, 1, 1, 1, tzinfo=UTC
    )
    assert utc_moment(datetime(2026, 5, 1, 12)) == datetime(2026, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def con(tmp_path) -> duckdb.DuckDBPyConnection:  # type: ignore[no-untyped-def]
    c = duckdb.connect(str(tmp_path / "s.duckdb"))
    for package in (employers, participants):
        for script in sorted(package.MIGRATIONS.glob("*.sql")):
            c.execute(script.read_text())
    return c


def test_the_stores_refuse_before_writing(con: duckdb.DuckDBPyConnection) -> None:
    emps = employers.EmployerStore(con)
    with pytest.raises(InvalidError, match=r"sites\.city"):
        emps.create(values={"name": "A", "sites": [{"city": "a\x00"}]}, actor="t")
    emp = emps.create(values={"name": "A"}, actor="t")
    with pytest.raises(InvalidError, match="needs_learned"):
        emps.update(employer_id=emp.id, values={"needs_learned": "\ud800"}, actor="t")
    contacts = employers.ContactStore(con)
    far = datetime(1, 1, 1, tzinfo=PLUS_14)
    with pytest.raises(InvalidError, match="occurred_at"):
        contacts.create(
            values={"employer_id": emp.id, "occurred_at": far, "mode": "phone", "purpose": "follow_up"},
            actor="t",
        )
    openings = employers.OpeningStore(con)
    with pytest.raises(InvalidError, match="closes_at"):
        openings.create(values={"employer_id": emp.id, "title": "K", "closes_at": far}, actor="t")
    with pytest.raises(InvalidError, match="hours_min"):
        openings.create(values={"employer_id": emp.id, "title": "K", "hours_min": float("nan")}, actor="t")
    with pytest.raises(InvalidError, match="display_name"):
        participants.ParticipantStore(con).create(values={"display_name": "x\x00", "unit_id": "u"}, actor="t")
    counts = [
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("crm_contacts", "crm_openings")
    ]
    assert counts == [0, 0]
    assert con.execute("SELECT count(*) FROM caseload_participants").fetchone()[0] == 0
