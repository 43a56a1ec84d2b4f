"""Load the synthetic demo data in ``data/demo`` into a database (units, users, CRM, caseload)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, cast

from employers import (
    ContactStore,
    EmployerStore,
    EmployerValues,
    OpeningStore,
    OpeningValues,
    PeopleStore,
    PersonValues,
    TaskStore,
)
from participants import ParticipantStore, ParticipantValues
from service.access.anonymous import is_fresh_install, mark_demo_file
from service.access.users import create_units, create_users
from service.demo.year import calendar, referral, seed_year
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine
from storekit.transactions import write_transaction

ACTOR = "demo-seed"
_OPENING_RENAMES = {"esco_occupation_uri": "occupation_uri"}


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a gzip JSON-lines file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def is_seeded(db: Database) -> bool:
    """True when the database already holds participants (never seed twice)."""
    return ParticipantStore(db.cursor()).count() > 0


def seed_demo(db: Database, engine: LeadEngine, folder: Path) -> dict[str, int]:
    """Load every demo file; returns counts. Each entity kind is one transaction.

    A database that held no users is then marked as a demo file (`ipsmatch demo` serves only
    such a file without sign-in).
    """
    fresh = is_fresh_install(db)
    meta = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    create_units(db, units=meta["units"])
    create_users(db, users=meta["users"])
    user_ids = {u["username"]: u["id"] for u in meta["users"]}
    cur = db.cursor()
    employer_rows = [_employer(row) for row in read_jsonl(folder / "employers.jsonl.gz")]
    EmployerStore(cur, db.write_lock).create_many(rows=cast(list[EmployerValues], employer_rows), actor=ACTOR)
    opening_rows = [
        engine.normalise_opening(_opening(row)) for row in read_jsonl(folder / "openings.jsonl.gz")
    ]
    OpeningStore(cur, db.write_lock).create_many(rows=opening_rows, actor=ACTOR)
    rows, cal = list(read_jsonl(folder / "participants.jsonl.gz")), calendar(folder)
    closed = {str(row["id"]) for row in rows if row.get("status") == "closed"}
    people = [engine.normalise_participant(_participant(referral(row, cal), user_ids)) for row in rows]
    records = ParticipantStore(cur, db.write_lock).create_many(rows=people, actor=ACTOR)
    counts = seed_crm(db, folder, units={str(p["id"]): p["unit_id"] for p in people})
    counts |= seed_year(db, folder, records, closed)  # the year of history the reports read
    engine.invalidate()
    if fresh:
        mark_demo_file(db, note=f"seeded from {folder.name}")
    return {
        "units": len(meta["units"]),
        "users": len(meta["users"]),
        "employers": len(employer_rows),
        "openings": len(opening_rows),
        "participants": len(people),
        **counts,
    }


def seed_crm(db: Database, folder: Path, *, units: dict[str, str]) -> dict[str, int]:
    """People, contacts, follow-up tasks and the planted duplicate employers.

    Contacts name a participant only where the generator allowed it (active, and the disclosure
    plan lets the specialist contact employers); the participant's unit is stamped from the
    caseload. Tasks come from the file (most past ones done), so contacts are inserted without
    opening new follow-ups. Planted duplicates skip the duplicate check, as a confirmed import would.
    """
    cur = db.cursor()
    people = list(read_jsonl(folder / "people.jsonl.gz"))
    PeopleStore(cur, db.write_lock).create_many(rows=cast(list[PersonValues], people), actor=ACTOR)
    contacts = [_contact(row, units) for row in read_jsonl(folder / "contacts.jsonl.gz")]
    tasks = [_task(row) for row in read_jsonl(folder / "tasks.jsonl.gz")]
    with write_transaction(cur, db.write_lock) as con:
        ContactStore(con).insert(con, contacts, ACTOR)
        TaskStore(con).insert(con, tasks, ACTOR, internal_ok=True)
    planted = [_employer(row) for row in read_jsonl(folder / "duplicate_employers.jsonl.gz")]
    EmployerStore(cur, db.write_lock).create_many(
        rows=cast(list[EmployerValues], planted), actor=ACTOR, check_duplicates=False
    )
    return {
        "people": len(people),
        "contacts": len(contacts),
        "tasks": len(tasks),
        "planted duplicates": len(planted),
    }


def _contact(row: dict[str, Any], units: dict[str, str]) -> dict[str, Any]:
    out = dict(row)
    out["specialist"] = out.pop("specialist_username")
    out["occurred_at"] = datetime.fromisoformat(out["occurred_at"].replace("Z", "+00:00"))
    out["next_step_due"] = date.fromisoformat(out["next_step_due"]) if out["next_step_due"] else None
    if out.get("participant_id"):
        out["participant_unit"] = units[out["participant_id"]]
    return out


def _task(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["due_on"] = date.fromisoformat(out["due_on"])
    if out["status"] == "done":
        out["done_at"] = datetime.combine(out["due_on"], time(16), tzinfo=UTC)
    return out


def _employer(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["owner"] = out.pop("owner_username", None)
    out.pop("duplicate_of", None)
    return out


def _opening(row: dict[str, Any]) -> OpeningValues:
    return cast(OpeningValues, {_OPENING_RENAMES.get(k, k): v for k, v in row.items()})


def _participant(row: dict[str, Any], user_ids: dict[str, str]) -> ParticipantValues:
    out = dict(row)
    out["specialist_id"] = user_ids.get(out.pop("specialist_username", ""))
    prefs = dict(out.get("preferences") or {})
    if "exclude_missing_licence" in out:
        prefs["exclude_missing_licence"] = out.pop("exclude_missing_licence")
    out["preferences"] = prefs
    disclosure = dict(out.get("disclosure") or {})
    if disclosure.get("level", "none") == "none" and disclosure.get("es_may_contact_employers"):
        # Data generated before level none + employer contact was refused as contradictory: the
        # specialist approaching employers is itself a service-only disclosure (docs/caseload.md).
        out["disclosure"] = {**disclosure, "level": "service_only"}
    if out.get("status") == "closed" and not out.get("closure_reason"):
        # Closing now needs a reason; the generated files predate reasons.
        out |= {"closure_reason": "other", "closure_note": "closed before closure reasons were recorded"}
    return cast(ParticipantValues, out)  # the generator writes the caseload's own field names


def demo_username(folder: Path, language: str = "en") -> str:
    """The user a local demo acts as: the supervisor of the unit working in ``language``."""
    meta = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    units = {u["id"]: u for u in meta["units"]}
    supervisors = sorted(
        (units[u["unit_id"]]["language"] != language, u["username"])
        for u in meta["users"]
        if u["role"] == "supervisor" and u.get("unit_id") in units
    )
    return supervisors[0][1]
