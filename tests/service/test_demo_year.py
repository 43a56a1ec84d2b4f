"""The demo programme's year of history: enough variety that the reports show a mix of bands."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from participants import JobStore, ParticipantStore
from participants.report_rows import participant_rows, profile_version_rows, status_history_rows
from participants.support_contacts import SupportContactStore
from reports.competitive import competitive
from reports.rules import DEFAULT_MINIMUM_WAGE, ProgrammeRules
from service.demo import seed
from service.demo.year import reference_day
from service.runtime.database import Database
from service.runtime.resources import Resources
from service.usecases.lead_engine import LeadEngine
from tests.conftest import ROOT

FOLDER = ROOT / "data" / "demo"
#: 2026 minimum wages are not in the default table yet (a programme setting adds them).
WAGES = {
    **DEFAULT_MINIMUM_WAGE,
    ("GB", 2026): 12.71,
    ("FR", 2026): 11.88,
    ("SE", 2026): 0.0,
    ("DK", 2026): 0.0,
}


def _seeded(resources: Resources, path: Path) -> Database:
    db = Database(str(path))
    db.migrate()
    engine = LeadEngine(db, resources.encoder, resources.catalog, resources.linker)
    seed.seed_demo(db, engine, FOLDER)
    return db


def _snapshot(db: Database) -> dict[str, Any]:
    """The year's rows without ids and timestamps."""
    cur = db.cursor()
    people = sorted(
        (r["participant_id"], r["referral_source"], r["referred_at"], r["first_meeting_at"], r["phase"])
        for r in participant_rows(cur)
    )
    jobs = sorted(
        (str(j.participant_id), j.start_date, j.end_date, j.wage_hourly)
        for j in JobStore(cur).list_for(participant_ids=None)
    )
    support = sorted(
        (s.participant_id, s.contact_date, s.mode)
        for s in SupportContactStore(cur).list_for(participant_ids=None)
    )
    contacts = cur.execute(
        "SELECT participant_id, employer_id, occurred_at, mode FROM crm_contacts ORDER BY ALL"
    ).fetchall()
    return {"people": people, "jobs": jobs, "support": support, "contacts": contacts}


@pytest.fixture(scope="module")
def demo(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return _seeded(resources, tmp_path_factory.mktemp("year") / "demo.duckdb")


def test_every_person_has_a_referral_and_entry_within_the_year(demo: Database) -> None:
    today = reference_day(FOLDER)
    rows = participant_rows(demo.cursor())
    assert len(rows) == ParticipantStore(demo.cursor()).count() > 0
    for row in rows:
        assert row["referred_at"] is not None and row["accepted_at"] is not None
        assert (
            today - timedelta(days=366) <= row["referred_at"] <= row["accepted_at"] <= row["first_meeting_at"]
        )
        if row["phase"] == "closed":
            assert row["closure_reason"] in {
                "got_job_and_graduated",
                "chose_to_leave",
                "moved_away",
                "transferred",
            }
    sources = Counter(r["referral_source"] for r in rows)
    assert sources["self"] > 0 and sources["mh_team"] > sources["self"] and len(sources) >= 4


def test_jobs_and_support_contacts_are_a_mix(demo: Database) -> None:
    cur = demo.cursor()
    jobs = JobStore(cur).list_for(participant_ids=None)
    people = len(participant_rows(cur))
    assert people // 4 <= len(jobs) <= people
    support = SupportContactStore(cur).list_for(participant_ids=None)
    assert len(support) >= 3 * len(jobs)
    meta = json.loads((FOLDER / "units.json").read_text(encoding="utf-8"))
    country = {u["id"]: u["country"] for u in meta["units"]}
    unit = {str(p.id): p.unit_id for p in ParticipantStore(cur).list(limit=1000)}
    verdicts = [
        competitive(
            {"set_aside": j.set_aside, "contract_type": j.contract_type, "subsidy_type": j.subsidy_type,
             "start": j.start_date, "wage_hourly": j.wage_hourly},
            ProgrammeRules(country=country[unit[j.participant_id]], minimum_wage=WAGES),
        ).competitive
        for j in jobs
    ]  # fmt: skip
    assert any(verdicts) and not all(verdicts)
    assert any(j.end_date for j in jobs) and any(j.end_date is None for j in jobs)
    stages = dict(cur.execute("SELECT id::VARCHAR, stage FROM crm_employers").fetchall())
    assert {stages[j.employer_id] for j in jobs} == {"hired_from_us"}  # as a recorded job start does


def test_some_wait_over_30_days_for_a_first_face_to_face_employer_contact(demo: Database) -> None:
    cur = demo.cursor()
    first = dict(
        cur.execute(
            "SELECT participant_id::VARCHAR, min(occurred_at)::DATE FROM crm_contacts "
            "WHERE participant_id IS NOT NULL AND mode = 'face_to_face' GROUP BY ALL"
        ).fetchall()
    )
    waits = [
        (first[r["participant_id"]] - r["first_meeting_at"]).days
        for r in participant_rows(cur)
        if r["participant_id"] in first
    ]
    assert len(waits) >= 10
    assert all(w >= 0 for w in waits)  # no employer hears of anyone before their entry
    assert any(w > 30 for w in waits) and any(w <= 30 for w in waits)


def test_histories_lie_in_the_year_and_profiles_follow_some_jobs(demo: Database) -> None:
    cur, today = demo.cursor(), reference_day(FOLDER)
    history = status_history_rows(cur)
    assert all(today - timedelta(days=366) <= r["at"] <= today for r in history)  # no creation-day rows
    assert {"referred", "enrolled", "job_search", "working", "closed"} <= {r["status"] for r in history}
    versions = profile_version_rows(cur)
    assert all(v["at"] <= today for v in versions)
    triggers = Counter(v["trigger"] for v in versions)
    jobs = JobStore(cur).list_for(participant_ids=None)
    assert 0 < triggers["job_start"] < len(jobs)  # V3: most jobs, not all, get an updated profile


def test_the_seed_is_deterministic(resources: Resources, demo: Database, tmp_path: Path) -> None:
    again = _seeded(resources, tmp_path / "again.duckdb")
    try:
        assert _snapshot(again) == _snapshot(demo)
        assert isinstance(reference_day(FOLDER), date)
    finally:
        again.close()
