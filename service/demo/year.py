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

from employers import ContactStore
from participants import EducationStore, JobStore, ParticipantRecord, ParticipantStore
from participants.plans import PlanStore
from participants.profiles import ProfileStore
from participants.support_contacts import SupportContactStore
from service.runtime.database import Database
from storekit.transactions import write_transaction

#: Referral sources and their weights (mental health teams refer most; self-referral is IPS).
SOURCES = (("mh_team", 45), ("self", 20), ("pes", 15), ("family", 10), ("other", 10))
#: Currency and a typical hourly wage per unit country (GB and FR have a statutory minimum).
PAY = {"GB": ("GBP", 12.9), "FR": ("EUR", 12.4), "SE": ("SEK", 150.0), "DK": ("DKK", 165.0)}
#: Wages below the 2026 minimum (GB 12.71, FR SMIC 11.88+): "not competitive" by V10.
LOW_PAY = {"GB": 10.5, "FR": 10.0, "SE": 0.0, "DK": 0.0}
ACTOR = "demo-seed"
CLOSURES = ("got_job_and_graduated", "chose_to_leave", "moved_away", "transferred")


@dataclass(frozen=True, slots=True)
class Context:
    """What every person's history draws on: the day, employers per country, usernames, countries."""

    today: date
    employers: dict[str, list[str]]
    countries: dict[str, str]
    usernames: dict[str, str]


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        yield from (json.loads(line) for line in fh if line.strip())


def reference_day(folder: Path) -> date:
    """The last day of the shipped employer contacts: the demo's fixed "today"."""
    return max(date.fromisoformat(r["occurred_at"][:10]) for r in _rows(folder / "contacts.jsonl.gz"))


def seed_year(db: Database, folder: Path, people: list[ParticipantRecord]) -> dict[str, int]:
    """Write every person's year; returns counts of jobs, support contacts and employer contacts."""
    ctx = _context(db, folder)
    contacts: list[dict[str, Any]] = []
    counts = {"jobs": 0, "support contacts": 0, "employer contacts (year)": 0}
    for person in sorted(people, key=lambda p: p.id):
        jobs, support = _history(db, ctx, person, contacts)
        counts["jobs"] += jobs
        counts["support contacts"] += support
    cur = db.cursor()
    with write_transaction(cur, db.write_lock) as con:
        ContactStore(con).insert(con, contacts, ACTOR)
    counts["employer contacts (year)"] = len(contacts)
    return counts


def _context(db: Database, folder: Path) -> Context:
    employers: dict[str, list[str]] = {}
    for row in _rows(folder / "employers.jsonl.gz"):
        if not row.get("do_not_contact"):
            employers.setdefault(row["country"], []).append(row["id"])
    meta = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    countries = {u["id"]: u["country"] for u in meta["units"]}
    usernames = {u["id"]: u["username"] for u in meta["users"]}
    return Context(reference_day(folder), employers, countries, usernames)


def _history(
    db: Database, ctx: Context, person: ParticipantRecord, contacts: list[dict[str, Any]]
) -> tuple[int, int]:
    """One person's year; employer contacts are appended to ``contacts``. Returns (jobs, support)."""
    rng = random.Random(person.id)
    pid, store = person.id, ParticipantStore(db.cursor(), db.write_lock)
    received = ctx.today - timedelta(days=rng.randint(45, 365))
    accepted = received + timedelta(days=rng.randint(0, 14))
    met = accepted + timedelta(days=rng.randint(1, 21))
    store.update(
        participant_id=pid,
        actor=ACTOR,
        values={
            "referral_source": rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0],
            "referral_received_at": received,
            "referral_accepted_at": accepted,
            "first_meeting_at": met,
            "employment_status_at_entry": rng.choices(
                ["unemployed", "inactive", "employed_at_risk", "employed_seeking_change"], [60, 25, 10, 5]
            )[0],
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
    if person.status != "closed" and rng.random() < 0.6 and start <= ctx.today - timedelta(days=7):
        end = _job(db, rng, person, country, employer, start, ctx.today)
        jobs, support = 1, _support(db, rng, pid, start, end or ctx.today)
    elif rng.random() < 0.25:
        _education(db, rng, pid, searching, ctx.today)
    if person.status == "closed":
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
        day += timedelta(days=rng.randint(5, 30))


def _job(
    db: Database, rng: random.Random, person: ParticipantRecord, country: str, employer: str,
    start: date, today: date,
) -> date | None:  # fmt: skip
    """One job (a liked occupation; wage, subsidy and contract varied); returns its end or None."""
    currency, wage = PAY[country]
    kind = rng.random()
    values: dict[str, Any] = {
        "employer_id": employer,
        "start_date": start,
        "first_paid_hours_at": start + timedelta(days=rng.randint(0, 3)),
        "hours_week": float(rng.choice([6, 10, 15, 20, 24, 30, 37])),
        "wage_hourly": round(wage * rng.uniform(1.0, 1.25), 2),
        "currency": currency,
        "contract_type": rng.choice(["permanent", "fixed_term", "temporary"])
        if kind > 0.1
        else "transitional",
        "subsidy_type": rng.choice(["wage_subsidy", "flexjob", "job_trial"]) if 0.1 <= kind < 0.3 else "none",
        "found_via": rng.choice(["es_job_development", "participant", "network", "advert"]),
    }
    if 0.3 <= kind < 0.42 and LOW_PAY[country]:
        values["wage_hourly"] = LOW_PAY[country]
    liked = [c for c in person.preferences.preferred_occupations if c.uri]
    if liked:
        occ = rng.choice(liked)
        values |= {"title": occ.label, "occupation_uri": occ.uri, "occupation_label": occ.label}
        values["isco_group"] = occ.isco_group or ""
    end = start + timedelta(days=rng.randint(30, 240))
    ended = end <= today and rng.random() < 0.45
    if ended:
        values |= {"end_date": end, "end_learned_at": end + timedelta(days=rng.randint(0, 10))}
        values["end_reason"] = rng.choice(["quit_dissatisfied", "dismissed", "temporary_job_ended", "health"])
    JobStore(db.cursor(), db.write_lock).create(participant_id=person.id, values=values, actor=ACTOR)
    store = ParticipantStore(db.cursor(), db.write_lock)
    store.update(participant_id=person.id, actor=ACTOR, values={"phase": "working", "phase_date": start})
    _profile_version(db, rng, person.id, "job_start", start)
    if ended:
        store.update(participant_id=person.id, actor=ACTOR, values={"phase": "job_search", "phase_date": end})
        _profile_version(db, rng, person.id, "job_end", end)
    return end if ended else None


def _profile_version(db: Database, rng: random.Random, pid: str, trigger: str, on: date) -> None:
    """Most jobs get a profile version within days (V3); its save time is set to that day."""
    if rng.random() > 0.7:
        return
    profiles = ProfileStore(db.cursor(), db.write_lock)
    current = profiles.current(participant_id=pid)
    body = dict(current.body) if current else {}
    saved = profiles.save(participant_id=pid, values=body, trigger=trigger, actor=ACTOR)
    at = datetime.combine(on + timedelta(days=rng.randint(0, 20)), time(11), tzinfo=UTC)
    with write_transaction(db.cursor(), db.write_lock) as con:
        # The store stamps the save with the clock; the demo's year needs the day it happened.
        con.execute(
            "UPDATE caseload_profile_versions SET saved_at = ? WHERE participant_id = ? AND version = ?",
            [at, uuid.UUID(pid), saved.version],
        )


def _support(db: Database, rng: random.Random, pid: str, start: date, until: date) -> int:
    """Support contacts on the follow-along timetable: most on time, some late, some missing."""
    due = [start - timedelta(days=3), start + timedelta(days=2)]
    due += [start + timedelta(days=7 * w) for w in (1, 2, 3, 4)]
    due += [start + timedelta(days=30 * m) for m in range(2, 13)]
    store, written = SupportContactStore(db.cursor(), db.write_lock), 0
    diligence = rng.random()  # some specialists keep the timetable better than others
    for when in due:
        roll = rng.random()
        if roll > 0.55 + 0.4 * diligence:
            continue
        day = when if roll < 0.45 + 0.4 * diligence else when + timedelta(days=rng.randint(4, 15))
        if day > until:
            break
        values = {
            "contact_date": day,
            "mode": rng.choices(["face_to_face", "phone", "video"], [70, 20, 10])[0],
            "contact_type": "job_support",
            "with_whom": ["participant"] if rng.random() < 0.8 else ["participant", "employer"],
        }
        store.create(participant_id=pid, values=values, actor=ACTOR)
        written += 1
    return written


def _education(db: Database, rng: random.Random, pid: str, after: date, today: date) -> None:
    start = min(after + timedelta(days=rng.randint(10, 120)), today)
    end = start + timedelta(days=rng.randint(60, 200))
    done = end <= today
    values = {
        "institution": "Adult education centre",
        "level": rng.choice(["course", "vocational", "adult_education"]),
        "start_date": start,
        "status": "completed" if done else "enrolled",
        "end_date": end if done else None,
    }
    EducationStore(db.cursor(), db.write_lock).create(participant_id=pid, values=values, actor=ACTOR)
    ParticipantStore(db.cursor(), db.write_lock).update(
        participant_id=pid, actor=ACTOR, values={"phase": "education", "phase_date": start}
    )


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
