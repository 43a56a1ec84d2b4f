"""The working part of a demo person's year: a job, the support after it, profile versions, education.

Jobs vary on purpose (subsidised, transitional, paid below the 2026 minimum wage in GB and FR), so
V10 is not all competitive; support contacts follow the follow-along timetable with a per-person
diligence, so V12 shows on-time, late and missing contacts. Called by `service.demo.year`.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from participants import EducationStore, JobStore, ParticipantRecord, ParticipantStore
from participants.profiles import ProfileStore
from participants.support_contacts import SupportContactStore
from service.runtime.database import Database
from storekit.transactions import write_transaction

ACTOR = "demo-seed"
#: Currency and a typical hourly wage per unit country (GB and FR have a statutory minimum).
PAY = {"GB": ("GBP", 12.9), "FR": ("EUR", 12.4), "SE": ("SEK", 150.0), "DK": ("DKK", 165.0)}
#: Wages below the 2026 minimum (GB 12.71, FR SMIC 11.88+): "not competitive" by V10.
LOW_PAY = {"GB": 10.5, "FR": 10.0, "SE": 0.0, "DK": 0.0}


def job(
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
    end = start + timedelta(days=rng.randint(30, 200))
    ended = end <= today and rng.random() < 0.6
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


def support(db: Database, rng: random.Random, pid: str, start: date, until: date) -> int:
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


def education(db: Database, rng: random.Random, pid: str, after: date, today: date) -> None:
    """A course started after job search began (completed if it ended by ``today``); phase education."""
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
