"""Job, education and support-contact stores on a real DuckDB file, and their report rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import (
    EducationStore,
    InvalidError,
    JobStore,
    NotFoundError,
    ParticipantStore,
    SupportContactStore,
)
from participants.episode_rows import education_rows, job_rows, support_contact_rows
from participants.status_change import StatusChangeStore
from reports.frames import frame

EMPLOYER = "00000000-0000-4000-8000-0000000000e1"
D = dt.date


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield con
    con.close()


@pytest.fixture
def pid(con: duckdb.DuckDBPyConnection) -> str:
    return ParticipantStore(con).create(values={"unit_id": "u", "display_name": "Ali K."}, actor="x").id


def _job(**kw: object) -> dict[str, object]:
    return {"employer_id": EMPLOYER, "start_date": D(2025, 3, 3), "hours_week": 20, "wage_hourly": 12.5} | kw


def test_job_round_trip_and_update_logs_each_field(con: duckdb.DuckDBPyConnection, pid: str) -> None:
    store = JobStore(con)
    job = store.create(participant_id=pid, values=_job(isco_group="5223", currency="gbp"), actor="ebba")
    assert store.get(participant_id=pid, record_id=job.id) == job
    assert (job.currency, job.subsidy_type, job.set_aside, job.is_current) == ("GBP", "none", False, True)
    ended = store.update(
        participant_id=pid,
        record_id=job.id,
        values={"end_date": "2025-05-30", "end_learned_at": D(2025, 6, 2), "end_reason": "laid_off"},
        actor="ebba",
    )
    assert ended.end_date == D(2025, 5, 30) and not ended.is_current and ended.updated_by == "ebba"
    fields = con.execute(
        "SELECT field FROM caseload_change_log WHERE entity_id = ? AND action = 'update' ORDER BY field",
        [job.id],
    ).fetchall()
    assert [f for (f,) in fields] == ["end_date", "end_learned_at", "end_reason"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"end_date": D(2025, 1, 1)}, "end_date"),
        ({"end_learned_at": D(2025, 4, 1)}, "end_learned_at"),
        ({"subsidy_type": "cash"}, "subsidy_type"),
        ({"contract_type": "gig"}, "contract_type"),
        ({"hours_week": 0}, "hours_week"),
        ({"currency": "pounds"}, "currency"),
        ({"isco_group": "52x"}, "isco_group"),
        ({"competitive": True}, "competitive"),
        ({"start_date": "March"}, "start_date"),
        ({"employer_id": None}, "employer_id"),
    ],
)
def test_job_rules_name_the_field(
    con: duckdb.DuckDBPyConnection, pid: str, values: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidError) as err:
        JobStore(con).create(participant_id=pid, values=_job(**values), actor="x")
    assert err.value.field == field


def test_records_belong_to_their_participant(con: duckdb.DuckDBPyConnection, pid: str) -> None:
    other = ParticipantStore(con).create(values={"unit_id": "u", "display_name": "Bo"}, actor="x").id
    job = JobStore(con).create(participant_id=pid, values=_job(), actor="x")
    with pytest.raises(NotFoundError):
        JobStore(con).get(participant_id=other, record_id=job.id)
    with pytest.raises(NotFoundError):
        JobStore(con).update(participant_id=other, record_id=job.id, values={"title": "x"}, actor="x")
    with pytest.raises(InvalidError):
        JobStore(con).update(
            participant_id=pid, record_id=job.id, values={"participant_id": other}, actor="x"
        )
    assert JobStore(con).list(participant_id=other) == []


def test_education_needs_an_end_once_completed(con: duckdb.DuckDBPyConnection, pid: str) -> None:
    store = EducationStore(con)
    values = {"institution": "Komvux Solna", "level": "adult_education", "start_date": D(2025, 1, 13)}
    rec = store.create(participant_id=pid, values=values, actor="x")
    assert rec.status == "enrolled" and rec.programme == ""
    with pytest.raises(InvalidError) as err:
        store.update(participant_id=pid, record_id=rec.id, values={"status": "completed"}, actor="x")
    assert err.value.field == "end_date"
    done = store.update(
        participant_id=pid,
        record_id=rec.id,
        values={"status": "completed", "end_date": D(2025, 6, 5)},
        actor="x",
    )
    assert (done.status, done.end_date) == ("completed", D(2025, 6, 5))


def test_support_contact_rules(con: duckdb.DuckDBPyConnection, pid: str) -> None:
    store = SupportContactStore(con)
    rec = store.create(
        participant_id=pid,
        values={
            "contact_date": D(2025, 3, 4),
            "mode": "face_to_face",
            "with_whom": ["participant", "employer"],
        },
        actor="x",
    )
    assert rec.with_whom == ("participant", "employer") and rec.contact_type == "job_support"
    for values, field in (
        ({"mode": "carrier_pigeon"}, "mode"),
        ({"with_whom": []}, "with_whom"),
        ({"with_whom": ["neighbour"]}, "with_whom"),
        ({"contact_date": dt.date.today() + dt.timedelta(days=5)}, "contact_date"),
    ):
        with pytest.raises(InvalidError) as err:
            store.create(
                participant_id=pid,
                values={"contact_date": D(2025, 3, 4), "mode": "phone"} | values,
                actor="x",
            )
        assert err.value.field == field


def test_rows_meet_the_report_contract(con: duckdb.DuckDBPyConnection, pid: str) -> None:
    JobStore(con).create(participant_id=pid, values=_job(first_paid_hours_at=D(2025, 3, 4)), actor="x")
    JobStore(con).create(participant_id=pid, values=_job(start_date=D(2025, 9, 1)), actor="x")
    EducationStore(con).create(
        participant_id=pid,
        values={"institution": "KTH", "level": "higher", "start_date": D(2025, 8, 25)},
        actor="x",
    )
    SupportContactStore(con).create(
        participant_id=pid,
        values={"contact_date": D(2025, 3, 4), "mode": "video", "with_whom": ["family", "participant"]},
        actor="ebba",
    )
    jobs = frame("jobs", job_rows(con, reached_hours=4.0))
    assert jobs["paid_hours_to_date"].to_list() == [4.0, 0.0]
    assert frame("education", education_rows(con))["level"].to_list() == ["higher"]
    contacts = frame("support_contacts", support_contact_rows(con, participant_ids=[pid]))
    assert contacts.select("with_whom", "specialist").row(0) == ("participant", "ebba")
    assert job_rows(con, participant_ids=[]) == []


def test_status_change_writes_the_column_and_the_log(con: duckdb.DuckDBPyConnection, pid: str) -> None:
    store = StatusChangeStore(con)
    assert store.set_status(participant_id=pid, status="working", actor="ebba") == "active"
    assert ParticipantStore(con).get(participant_id=pid).status == "working"
    assert store.set_status(participant_id=pid, status="working", actor="ebba") == "working"
    logged = con.execute(
        "SELECT count(*) FROM caseload_change_log WHERE entity_id = ? AND field = 'status'", [pid]
    ).fetchone()
    assert logged == (1,)
    with pytest.raises(NotFoundError):
        store.set_status(participant_id=EMPLOYER, status="working", actor="x")


def test_episode_texts_and_dates_are_checked_like_every_other_store(
    con: duckdb.DuckDBPyConnection, pid: str
) -> None:
    """A NUL, a lone surrogate or a year-1 date never reaches a job row (create or update)."""
    store = JobStore(con)
    for bad in ({"title": "Cook\x00"}, {"title": "\ud800"}, {"start_date": D(1, 1, 1)}):
        with pytest.raises(InvalidError):
            store.create(participant_id=pid, values=_job(**bad), actor="t")
    assert store.list(participant_id=pid) == []
    job = store.create(participant_id=pid, values=_job(title="Cook"), actor="t")
    with pytest.raises(InvalidError):
        store.update(participant_id=pid, record_id=job.id, values={"end_reason": "x\x07"}, actor="t")
    assert store.get(participant_id=pid, record_id=job.id) == job
