"""V4 rapid job search and V5 individualised job search: the employer contacts made for a person.

Definitions: ../shared/reference/ips-domain.md §2.3 (V4, V5), §3.3 (contact log) and §9.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from reports.active import entries
from reports.bands import ALIGNED_SHARE, DAYS_TO_CONTACT
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, mean_item, ratio, share_item
from reports.rules import ProgrammeRules

#: V4's target: the first face-to-face employer contact within 30 days of entry (✔).
TARGET_DAYS = 30


def _first_contacts(caseload: Caseload, rules: ProgrammeRules, until: dt.date) -> dict[str, list[dt.date]]:
    """participant_id -> days of face-to-face employer contacts naming them, by ES or the person."""
    c = caseload.employer_contacts.filter(
        pl.col("participant_id").is_not_null()
        & pl.col("mode").is_in(sorted(rules.face_to_face_modes))
        & (pl.col("at") <= until)
    )
    out: dict[str, list[dt.date]] = {}
    for pid, at in c.select("participant_id", "at").iter_rows():
        out.setdefault(pid, []).append(at)
    return out


def days_to_first_contact(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V4: mean days from entry to the first face-to-face employer contact, over people entered in the window.

    Contacts before entry are ignored. A person with no contact yet counts with the days so far
    (a lower bound) once 30 days have passed; before that they are not yet due and are left out.
    ``extra``: the share contacted within 30 days and how many were counted without a contact.
    """
    contacts = _first_contacts(caseload, rules, window.as_of)
    rows = []
    for pid, entry in sorted(entries(caseload, rules).items()):
        if not window.contains(entry):
            continue
        after = [d for d in contacts.get(pid, []) if d >= entry]
        if after:
            days = (min(after) - entry).days
            rows.append(Evidence("participant", pid, days <= TARGET_DAYS, float(days), f"entry {entry}"))
        elif (window.as_of - entry).days >= TARGET_DAYS:
            days = (window.as_of - entry).days
            rows.append(Evidence("participant", pid, False, float(days), "no contact yet: days so far"))
    return mean_item(
        "V4",
        rows,
        DAYS_TO_CONTACT,
        "days",
        "ips-domain.md §2.3 V4, §8 Program entry, §9",
        within_30_days_share=ratio(sum(r.met for r in rows), len(rows)) or 0.0,
        without_contact=float(sum(r.note.startswith("no contact") for r in rows)),
    )


def _code(code: str | None, digits: int) -> str | None:
    return None if code is None else code[:digits]


def _aligned(contact: dict[str, Any], profile: dict[str, Any] | None, digits: int) -> tuple[bool, str]:
    """Whether one contact matches the person's plan or their profile's preferences, and why."""
    if contact["plan_target"]:
        return True, "plan target"
    if profile is None:
        return False, "no profile version by then"
    wanted = {_code(o, digits) for o in profile["preferred_occupations"] or []}
    if contact["occupation_group"] is not None and _code(contact["occupation_group"], digits) in wanted:
        return True, "preferred occupation"
    if contact["sector"] is not None and contact["sector"] in (profile["preferred_sectors"] or []):
        return True, "preferred sector"
    return False, "neither a preferred occupation nor sector"


def _profile_at(versions: list[dict[str, Any]], day: dt.date) -> dict[str, Any] | None:
    """The latest profile version dated on or before ``day``."""
    earlier = [v for v in versions if v["at"] <= day]
    return max(earlier, key=lambda v: (v["at"], v["version"])) if earlier else None


def preference_aligned_contacts(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V5: share of the specialists' client-specific employer contacts in the window that match the person.

    A contact matches when the store linked it to a job search plan target, or its occupation
    group (first ``occupation_digits`` ISCO digits) or sector is among the preferences of the
    person's profile version in force on the contact's day. The "updated plan" part of anchor 5 is
    not checked.
    """
    versions: dict[str, list[dict[str, Any]]] = {}
    for v in caseload.profile_versions.iter_rows(named=True):
        versions.setdefault(v["participant_id"], []).append(v)
    contacts = caseload.employer_contacts.filter(
        pl.col("participant_id").is_not_null()
        & ~pl.col("by_participant")
        & pl.col("at").is_between(window.start, window.end)
    ).sort("at", "contact_id")
    rows = []
    for c in contacts.iter_rows(named=True):
        profile = _profile_at(versions.get(c["participant_id"], []), c["at"])
        met, why = _aligned(c, profile, rules.occupation_digits)
        rows.append(Evidence("contact", c["contact_id"], met, note=why))
    return share_item("V5", rows, ALIGNED_SHARE, "ips-domain.md §2.3 V5, §9 Preference-aligned contacts")
