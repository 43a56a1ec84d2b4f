"""The rows the reports read: each function gives the documented columns, unit-scoped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import ParticipantStore, report_rows
from participants.plans import PlanStore
from participants.profiles import ProfileStore


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield con
    con.close()


def _caseload(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    store = ParticipantStore(con)
    a = store.create(
        values={
            "unit_id": "u1",
            "specialist_id": "es-a",
            "display_name": "A",
            "phase": "referred",
            "referral_source": "self",
            "referral_received_at": "2026-01-02",
        },
        actor="x",
    ).id
    b = store.create(values={"unit_id": "u2", "display_name": "B"}, actor="x").id
    store.update(
        participant_id=a,
        values={
            "phase": "enrolled",
            "phase_date": "2026-01-09",
            "first_meeting_at": "2026-01-09",
            "referral_accepted_at": "2026-01-03",
            "employment_status_at_entry": "unemployed",
        },
        actor="x",
    )
    store.update(
        participant_id=a,
        values={"phase": "closed", "closure_reason": "moved away", "closed_at": "2026-04-01"},
        actor="x",
    )
    ProfileStore(con).save(
        participant_id=a,
        values={
            "occupations": [
                {"label": "Cook", "isco_group": "5120"},
                {"label": "Chef", "isco_group": "3434", "liked": False},
            ],
            "liked_sectors": ["I56"],
        },
        trigger="review",
        actor="x",
    )
    plans = PlanStore(con)
    plans.add_discussion(
        participant_id=a, values={"discussed_on": "2026-01-20", "topics": ["pros_cons", "wording"]}, actor="x"
    )
    for completed in (None, "2026-01-30"):
        plans.save(
            participant_id=a,
            kind="benefits",
            values={"offered_at": "2026-01-15", "completed_at": completed, "planner_trained": True},
            actor="x",
        )
    plans.save(participant_id=a, kind="benefits", values={"status": "sickness"}, actor="x")  # no round
    return a, b


def test_participant_rows(con) -> None:  # type: ignore[no-untyped-def]
    a, b = _caseload(con)
    rows = {r["participant_id"]: r for r in report_rows.participant_rows(con)}
    assert set(rows) == {a, b}
    assert rows[a] | {} == {
        "participant_id": a,
        "unit": "u1",
        "specialist": "es-a",
        "referral_source": "self",
        "referred_at": dt.date(2026, 1, 2),
        "accepted_at": dt.date(2026, 1, 3),
        "first_meeting_at": dt.date(2026, 1, 9),
        "employment_status_at_entry": "unemployed",
        "closed_at": dt.date(2026, 4, 1),
        "closure_reason": "moved_away",
        "phase": "closed",
        "status": "closed",
    }
    assert [r["participant_id"] for r in report_rows.participant_rows(con, ["u2"])] == [b]


def test_history_profile_and_plan_rows(con) -> None:  # type: ignore[no-untyped-def]
    a, _ = _caseload(con)
    history = [(r["status"], r["at"]) for r in report_rows.status_history_rows(con, ["u1"])]
    assert history == [
        ("referred", dt.date(2026, 1, 2)),
        ("enrolled", dt.date(2026, 1, 9)),
        ("closed", dt.datetime.now(dt.UTC).date()),  # no phase_date: the day it was recorded
    ]
    versions = report_rows.profile_version_rows(con, ["u1"])
    assert {v["participant_id"] for v in versions} == {a}
    assert [(v["version"], v["trigger"]) for v in versions] == [(1, "initial"), (2, "review")]
    assert versions[1]["preferred_occupations"] == ["5120"] and versions[1]["preferred_sectors"] == ["I56"]
    assert versions[1]["at"] == versions[1]["saved_at"].date()
    (talk,) = report_rows.disclosure_discussion_rows(con)
    assert (talk["at"], talk["pros_cons"], talk["wording"], talk["revisit"]) == (
        dt.date(2026, 1, 20),
        True,
        True,
        False,
    )
    (planning,) = report_rows.benefits_plan_rows(con)
    assert (planning["offered_at"], planning["completed_at"], planning["planner_trained"]) == (
        dt.date(2026, 1, 15),
        dt.date(2026, 1, 30),
        True,
    )
    assert report_rows.benefits_plan_rows(con, ["u2"]) == []
    assert [r["specialist"] for r in report_rows.specialist_history_rows(con, ["u1"])] == ["es-a"]
