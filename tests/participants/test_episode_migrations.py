"""Migrations 020-023 upgrade a database made with today's schema (001-006) that holds rows."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path

import pytest

import participants
from participants import JobStore, LeadHistoryStore, LeadStore, ParticipantStore
from service.runtime import database
from service.runtime.database import Database

NEW = ("020_jobs.sql", "021_education.sql", "022_support_contacts.sql", "023_lead_statuses.sql")


def _old_schema(tmp_path: Path) -> Path:
    """The participants migrations as they were before episodes (every script below 020)."""
    folder = tmp_path / "old_migrations"
    folder.mkdir()
    for script in participants.MIGRATIONS.glob("*.sql"):
        if int(script.name.split("_", 1)[0]) < 20:
            shutil.copy(script, folder / script.name)
    return folder


def test_upgrade_keeps_rows_and_adds_episodes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "old.duckdb")
    old = tuple(
        (p, _old_schema(tmp_path) if p == "participants" else f) for p, f in database.MIGRATION_SOURCES
    )
    monkeypatch.setattr(database, "MIGRATION_SOURCES", old)
    db = Database(path)
    db.migrate()
    con = db.cursor()
    pid = ParticipantStore(con).create(values={"unit_id": "u", "display_name": "Sara"}, actor="x").id
    lead_id = uuid.uuid4()
    con.execute(
        "INSERT INTO caseload_leads VALUES (?, ?, NULL, 'item1', 'opening', 'emp', 't', 1, 0.5, '{}', [], "
        "'m1', now(), 'x')",
        [lead_id, pid],
    )
    con.execute(
        "INSERT INTO caseload_lead_feedback VALUES (?, ?, ?, 'not_relevant', 'too far', now(), 'x')",
        [uuid.uuid4(), lead_id, pid],
    )
    db.close()

    monkeypatch.undo()
    db = Database(path)
    applied = db.migrate()
    later = sorted(
        s.name for s in participants.MIGRATIONS.glob("*.sql") if int(s.name.split("_", 1)[0]) >= 20
    )
    assert applied == [f"participants/{name}" for name in later]  # 020-023, then any added since (030...)
    assert tuple(later[: len(NEW)]) == NEW
    con = db.cursor()
    lead = LeadStore(con).get(lead_id=str(lead_id))
    assert (lead.feedback, lead.reason) == ("not_relevant", "")
    updated = LeadStore(con).add_feedback(
        lead_id=str(lead_id), feedback="person_declined", reason="hours", note="", actor="x"
    )
    assert (updated.feedback, updated.reason) == ("person_declined", "hours")
    assert [e.note for e in LeadHistoryStore(con).events(participant_id=pid)] == ["too far", ""]
    job = JobStore(con).create(
        participant_id=pid,
        values={"employer_id": str(uuid.uuid4()), "start_date": dt.date(2025, 1, 6)},
        actor="x",
    )
    assert JobStore(con).list(participant_id=pid) == [job]
    assert ParticipantStore(con).get(participant_id=pid).display_name == "Sara"
    db.close()
