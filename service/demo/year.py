"""A year of caseload history for the demo participants, written through the stores.

For each person (a `random.Random` seeded by their id, so two seeds write the same rows):
referral (source, received, accepted), first meeting, phases with their dates, a disclosure
discussion, a benefits plan (offered and completed, before a job start or not), face-to-face
employer contacts naming the person where the disclosure plan allows it (the first one sometimes
more than 30 days after entry), jobs at the unit's employers (some subsidised, transitional or
paid below the minimum wage), support contacts after each start (on time, late or missing),
career profile versions after a job start or end (not always), education for a few, and a valid
reason for the closed ones. Every day lies in the 12 months before `reference_day`, the last day
of the shipped employer contacts: fixed by the data, so the demo is reproducible.
"""

from __future__ import annotations

import gzip
import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from employers import ContactStore, EmployerStore
from participants import ParticipantRecord, ParticipantStore
from participants.plans import PlanStore
from service.demo import year_work
from service.runtime.database import Database
from storekit.transactions import write_transaction

#: Referral sources and their weights (mental health teams refer most; self-referral is IPS).
SOURCES = (("mh_team", 45), ("self", 20), ("pes", 15), ("family", 10), ("other", 10))
ACTOR = "demo-seed"
CLOSURES = ("got_job_and_graduated", "chose_to_leave", "moved_away", "transferred")


@dataclass(frozen=True, slots=True)
class Context:
    """What every person's history draws on: the day, employers per country, usernames, countries."""

    today: date
    employers: dict[str, list[str]]
    countries: dict[str, str]
    usernames: dict[str, str]
    closed: frozenset[str]
    calendar: Calendar


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        yield from (json.loads(line) for line in fh if line.strip())


@dataclass(frozen=True, slots=True)
class Calendar:
    """The demo's fixed "today" and, per participant id, their first shipped employer contact."""

    today: date
    first_linked: dict[str, date]


def calendar(folder: Path) -> Calendar:
    """The last day of the shipped employer contacts, and each named person's first contact day."""
    days: list[date] = []
    first: dict[str, date] = {}
    for row in _rows(folder / "contacts.jsonl.gz"):
        on = date.fromisoformat(row["occurred_at"][:10])
        days.append(on)
        if row.get("participant_id"):
            first[row["participant_id"]] = min(on, first.get(row["participant_id"], on))
    return Calendar(max(days), first)


def reference_day(folder: Path) -> date:
    """The demo's fixed "today": the last day of the shipped employer contacts."""
    return calendar(folder).today


def referral_days(participant_id: str, cal: Calendar) -> tuple[date, date, date]:
    """(received, accepted, first meeting): 45–365 days before today, in order.

    A person the shipped contacts already name first meets the specialist 3–40 days before that
    contact, so no employer hears of them before they entered.
    """
    rng = random.Random(f"{participant_id}/referral")
    received = cal.today - timedelta(days=rng.randint(45, 365))
    accepted = received + timedelta(days=rng.randint(0, 14))
    met = accepted + timedelta(days=rng.randint(1, 21))
    linked = cal.first_linked.get(participant_id)
    if linked is not None and met >= linked:
        met = linked - timedelta(days=rng.randint(3, 40))
        accepted = met - timedelta(days=rng.randint(1, 21))
        received = accepted - timedelta(days=rng.randint(0, 14))
    return received, accepted, met


def referral(row: dict[str, Any], cal: Calendar) -> dict[str, Any]:
    """A generated participant row as referred: source and day received (the history starts there).

    Everyone starts ``referred``; the closed ones are closed later, with a reason (`seed_year`).
    """
    received = referral_days(str(row["id"]), cal)[0]
    source = random.Random(f"{row['id']}/source").choices([s for s, _ in SOURCES], [w for _, w in SOURCES])
    out = {k: v for k, v in row.items() if k not in ("status", "closure_reason", "closure_note")}
    return out | {"referral_source": source[0], "referral_received_at": received, "phase": "referred"}


def seed_year(
    db: Database, folder: Path, people: list[ParticipantRecord], closed: set[str]
) -> dict[str, int]:
    """Write every person's year (``closed``: ids the data has closed); returns counts written."""
    ctx = _context(db, folder, closed)
    _backdate_starts(db)
    contacts: list[dict[str, Any]] = []
    counts = {"jobs": 0, "support contacts": 0, "employer contacts (year)": 0}
    for person in sorted(people, key=lambda p: p.id):
        jobs, support = _history(db, ctx, person, contacts)
        counts["jobs"] += jobs
        counts["support contacts"] += support
    cur = db.cursor()
    with write_transaction(cur, db.write_lock) as con:
        ContactStore(con).insert(con, contacts, ACTOR)
    _hired_from_us(db)
    counts["employer contacts (year)"] = len(contacts)
    return counts


def _hired_from_us(db: Database) -> None:
    """Employers a demo person started a job at move to ``hired_from_us``, as a recorded job start does."""
    found = db.cursor().execute(
        "SELECT DISTINCT j.employer_id::VARCHAR FROM caseload_jobs j "
        "JOIN crm_employers e ON e.id = j.employer_id WHERE e.stage <> 'hired_from_us' ORDER BY 1"
    )
    store = EmployerStore(db.cursor(), db.write_lock)
    for (employer_id,) in found.fetchall():
        store.update(employer_id=employer_id, values={"stage": "hired_from_us"}, actor=ACTOR)


def _backdate_starts(db: Database) -> None:
    """Date the first assignment at the referral and profile version 1 at the first meeting.

    The store stamps them with the clock; the demo's year needs the days they happened.
    """
    with write_transaction(db.cursor(), db.write_lock) as con:
        con.execute(
            "UPDATE caseload_specialist_history h SET effective_on = p.referral_received_at "
            "FROM caseload_participants p WHERE p.id = h.participant_id AND h.previous IS NULL"
        )
        con.execute(
            "UPDATE caseload_profile_versions v SET saved_at = p.referral_received_at::TIMESTAMPTZ "
            "FROM caseload_participants p WHERE p.id = v.participant_id AND v.version = 1"
        )


def _context(db: Database, folder: Path, closed: set[str]) -> Context:
    employers: dict[str, list[str]] = {}
    for row in _rows(folder / "employers.jsonl.gz"):
        if not row.get("do_not_contact"):
            employers.setdefault(row["country"], []).append(row["id"])
    meta = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    countries = {u["id"]: u["country"] for u in meta["units"]}
    usernames = {u["id"]: u["username"] for u in meta["users"]}
    cal = calendar(folder)
    return Context(cal.today, employers, countries, usernames, frozenset(closed), cal)


def _history(
    db: Database, ctx: Context, person: ParticipantRecord, contacts: list[dict[str, Any]]
) -> tuple[int, int]:
    """One person's year; employer contacts are appended to ``contacts``. Returns (jobs, support)."""
    rng = random.Random(person.id)
    pid, store = person.id, ParticipantStore(db.cursor(), db.write_lock)
    _, accepted, met = referral_days(pid, ctx.calendar)
    entry = rng.choices(
        ["unemployed", "inactive", "employed_at_risk", "employed_seeking_change"], [60, 25, 10, 5]
    )
    store.update(
        participant_id=pid,
        actor=ACTOR,
        values={
            "referral_accepted_at": accepted,
            "first_meeting_at": met,
            "employment_status_at_entry": entry[0],
            "phase": "enrolled",
            "phase_date": met,
        },
    )
    searching = min(met + timedelta(days=rng.randint(3, 20)), ctx.today)
    store.update(participant_id=pid, actor=ACTOR, values={"phase": "job_search", "phase_date": searching})
    _plans(db, rng, pid, met, ctx.today)
    country = ctx.countries[person.unit_id]
    may_contact = person.disclosure.es_may_contact_employers
    employer = rng.choice(ctx.employers[country])
    if may_contact:
        _employer_contacts(rng, ctx, person, met, contacts)
    jobs, support = 0, 0
    start = searching + timedelta(days=rng.randint(20, 160))
    if person.id not in ctx.closed and rng.random() < 0.6 and start <= ctx.today - timedelta(days=7):
        end = year_work.job(db, rng, person, country, employer, start, ctx.today)
        jobs, support = 1, year_work.support(db, rng, pid, start, end or ctx.today)
    elif rng.random() < 0.25:
        year_work.education(db, rng, pid, searching, ctx.today)
    if person.id in ctx.closed:
        _close(store, rng, pid, searching, ctx.today)
    return jobs, support


def _plans(db: Database, rng: random.Random, pid: str, met: date, today: date) -> None:
    """A disclosure discussion (most), and a benefits plan offered soon after entry (most)."""
    plans = PlanStore(db.cursor(), db.write_lock)
    if rng.random() < 0.8:
        topics = rng.sample(["pros_cons", "accommodations", "wording", "revisit"], rng.randint(1, 3))
        on = min(met + timedelta(days=rng.randint(0, 30)), today)
        plans.add_discussion(participant_id=pid, values={"discussed_on": on, "topics": topics}, actor=ACTOR)
    if rng.random() < 0.75:
        offered = min(met + timedelta(days=rng.randint(0, 60)), today)
        done = offered + timedelta(days=rng.randint(7, 40))
        body = {
            "offered_at": offered.isoformat(),
            "completed_at": done.isoformat() if done <= today and rng.random() < 0.8 else None,
            "planner": "benefits counsellor",
            "planner_trained": rng.random() < 0.8,
        }
        plans.save(participant_id=pid, kind="benefits", values=body, actor=ACTOR)


def _employer_contacts(
    rng: random.Random, ctx: Context, person: ParticipantRecord, met: date, out: list[dict[str, Any]]
) -> None:
    """Face-to-face contacts naming the person: the first 2–25 or 31–90 days after entry, then weekly-ish."""
    first = met + timedelta(days=rng.randint(2, 25) if rng.random() < 0.65 else rng.randint(31, 90))
    day, country = first, ctx.countries[person.unit_id]
    while day <= ctx.today and len(out) < 10_000:
        out.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "employer_id": rng.choice(ctx.employers[country]),
                "specialist": ctx.usernames.get(person.specialist_id or "", ACTOR),
                "occurred_at": datetime.combine(day, time(rng.randint(8, 15)), tzinfo=UTC),
                "mode": rng.choices(["face_to_face", "phone", "video"], [75, 15, 10])[0],
                "status": "held",
                "purpose": rng.choice(["candidate_introduction", "introduction", "follow_up"]),
                "participant_id": person.id,
                "participant_unit": person.unit_id,
            }
        )
        day += timedelta(days=rng.randint(4, 21))


def _close(store: ParticipantStore, rng: random.Random, pid: str, after: date, today: date) -> None:
    closed = min(after + timedelta(days=rng.randint(30, 200)), today)
    store.update(
        participant_id=pid,
        actor=ACTOR,
        values={
            "phase": "closed",
            "phase_date": closed,
            "closed_at": closed,
            "closure_reason": rng.choice(CLOSURES),
        },
    )
