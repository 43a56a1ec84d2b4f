"""Synthetic CRM activity: people at employers, ~6 months of employer contacts, follow-up tasks."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from demo_gen.common import ascii_fold, chance, iso, new_id, pick_weighted
from demo_gen.crm_texts import LEARNED, NEXT_STEPS, PURPOSES_BY_STAGE, ROLES
from demo_gen.names import FIRST_NAMES, SURNAMES
from demo_gen.places import Unit

WEEKS = 26
MODES: dict[str, float] = {"face_to_face": 55, "phone": 25, "email": 12, "video": 8}
#: Contacts a staff member logs per week (a specialist also supports people already in work).
WEEKLY = {"specialist": (2, 7), "job_developer": (4, 9)}


def make_people(
    rng: random.Random, unit: Unit, employers: list[dict[str, Any]], as_of: datetime
) -> list[dict[str, Any]]:
    """1-3 people at each employer past the prospect stage (and a third of prospects)."""
    people = []
    for emp in employers:
        if emp["stage"] == "prospect" and not chance(rng, 0.33):
            continue
        domain = emp["website"].removeprefix("https://www.")
        for n in range(rng.randint(1, 3)):
            first, last = rng.choice(FIRST_NAMES[unit.country]), rng.choice(SURNAMES[unit.country])
            start = as_of - timedelta(days=rng.randint(60, 2000))
            left = start + timedelta(days=rng.randint(30, 500)) if n > 0 and chance(rng, 0.15) else None
            people.append(
                {
                    "id": new_id(rng),
                    "full_name": f"{first} {last}",
                    "email": f"{ascii_fold(first)}.{ascii_fold(last)}@{domain}".replace(" ", ""),
                    "phone": _mobile(rng, unit.country),
                    "employers": [
                        {
                            "employer_id": emp["id"],
                            "role": rng.choice(ROLES[unit.language]),
                            "active_from": start.date().isoformat(),
                            "left_on": left.date().isoformat() if left and left < as_of else None,
                        }
                    ],
                }
            )
    return people


def _mobile(rng: random.Random, country: str) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(7))
    prefix = {"SE": "070-", "DK": "2", "FR": "06 ", "GB": "07700 "}[country]
    return prefix + digits


def make_contacts(
    rng: random.Random,
    unit: Unit,
    employers: list[dict[str, Any]],
    people: list[dict[str, Any]],
    participants: list[dict[str, Any]],
    staff: dict[str, list[str]],
    as_of: datetime,
) -> list[dict[str, Any]]:
    """Held contacts over the ``WEEKS`` weeks before ``as_of`` and planned ones in the next two."""
    reachable = [e for e in employers if not e["do_not_contact"]]
    by_employer: dict[str, list[str]] = {}
    for person in people:
        by_employer.setdefault(person["employers"][0]["employer_id"], []).append(person["id"])
    linkable = {
        s: [p["id"] for p in participants if p["specialist_username"] == s and _may_link(p)]
        for s in staff["specialist"]
    }
    # WEEKS whole weeks before the week after as-of, then two weeks of planned visits.
    next_monday = (as_of + timedelta(days=7 - as_of.weekday())).replace(hour=0, minute=0, second=0)
    monday = next_monday - timedelta(weeks=WEEKS)
    contacts = []
    for role, usernames in staff.items():
        for username in usernames:
            for week in range(WEEKS + 2):
                low, high = WEEKLY[role] if week < WEEKS else (1, 2)
                for _ in range(rng.randint(low, high)):
                    when = monday + timedelta(days=7 * week + rng.randrange(5), hours=rng.randint(7, 15))
                    emp = _pick_employer(rng, reachable, username, when, as_of)
                    contacts.append(
                        _contact(
                            rng, unit, emp, username, when, as_of, by_employer, linkable.get(username, [])
                        )
                    )
    return sorted(contacts, key=lambda c: (c["occurred_at"], c["id"]))


def _may_link(participant: dict[str, Any]) -> bool:
    return participant["status"] == "active" and participant["disclosure"]["es_may_contact_employers"]


def _pick_employer(
    rng: random.Random, employers: list[dict[str, Any]], username: str, when: datetime, as_of: datetime
) -> dict[str, Any]:
    """Mostly the employers the person owns; dormant ones only more than 90 days ago."""
    recent = when > as_of - timedelta(days=90)
    pool = [e for e in employers if not (recent and e["stage"] == "dormant")]
    own = [e for e in pool if e["owner_username"] == username]
    return rng.choice(own if own and chance(rng, 0.7) else pool)


def _contact(
    rng: random.Random,
    unit: Unit,
    emp: dict[str, Any],
    username: str,
    when: datetime,
    as_of: datetime,
    by_employer: dict[str, list[str]],
    linkable: list[str],
) -> dict[str, Any]:
    purpose = rng.choice(PURPOSES_BY_STAGE[emp["stage"]])
    planned = when >= as_of
    step = rng.choice(NEXT_STEPS[unit.language]) if chance(rng, 0.4) else ""
    link = purpose in ("candidate_introduction", "job_start_support") and linkable and chance(rng, 0.3)
    people = by_employer.get(emp["id"], [])
    return {
        "id": new_id(rng),
        "employer_id": emp["id"],
        "person_id": rng.choice(people) if people and chance(rng, 0.6) else None,
        "specialist_username": username,
        "occurred_at": iso(when),
        "mode": pick_weighted(rng, MODES),
        "status": "planned" if planned else "held",
        "purpose": purpose,
        "learned": "" if planned or not chance(rng, 0.6) else rng.choice(LEARNED[unit.language]),
        "next_step": step,
        "next_step_due": (when + timedelta(days=rng.randint(3, 14))).date().isoformat() if step else None,
        "participant_id": rng.choice(linkable) if link else None,
    }


def make_tasks(rng: random.Random, contacts: list[dict[str, Any]], as_of: datetime) -> list[dict[str, Any]]:
    """The follow-up task of every contact with a next step; most past ones are done."""
    tasks = []
    for c in contacts:
        if not c["next_step"]:
            continue
        overdue = c["next_step_due"] < (as_of - timedelta(days=2)).date().isoformat()
        tasks.append(
            {
                "id": new_id(rng),
                "employer_id": c["employer_id"],
                "person_id": c["person_id"],
                "contact_id": c["id"],
                "title": c["next_step"],
                "due_on": c["next_step_due"],
                "assignee": c["specialist_username"],
                "status": "done" if overdue and chance(rng, 0.9) else "open",
            }
        )
    return tasks
