"""The input contract: the polars frames the store side hands to every report, and their check.

Each frame is listed with its columns and polars dtypes; extra columns are allowed and ignored.
Dates are ``pl.Date`` (UTC calendar day); ids are ``pl.String``. Columns in ``REQUIRED`` may not
hold nulls; every other column may (a null date means "not yet" or "not recorded").
Sources: ../shared/reference/ips-domain.md §8 (data model), §2.3 and §9 (what each item reads).

participants            one row per person on (or once on) the caseload
  participant_id        String   key
  unit, specialist      String   the current unit and assigned employment specialist
  referral_source       String   self, mh_team, pes, family, other
  referred_at           Date     referral received
  accepted_at           Date     referral accepted (IPS Grow's "Referral date")
  first_meeting_at      Date     first face-to-face meeting with the specialist
  employment_status_at_entry String unemployed, inactive, employed_at_risk, employed_seeking_change
  closed_at, closure_reason  Date, String   null while open
status_history          participant_id String, status String, at Date: status from ``at`` on
staff                   specialist String, unit String, fte Float64 (1.0 = full time),
                        active_from Date, active_to Date (null = still working here)
leave                   specialist String, start Date, end Date: days off, both included
employer_contacts       contact_id String, at Date, specialist String, employer_id String,
                        mode String (face_to_face, phone, email, video), purpose String,
                        participant_id String (null = generic), by_participant Boolean (the person
                        made the contact; V4 counts it, V6 does not), occupation_group String (ISCO
                        code of the opening or job discussed), sector String (employer's NACE),
                        plan_target Boolean (the store linked the contact to a job search plan target)
employers               employer_id String, has_needs_notes Boolean (learned needs recorded, V7)
jobs                    job_id, participant_id, employer_id String, occupation_group String (ISCO),
                        start Date, first_paid_hours_at Date, paid_hours_to_date Float64, end Date,
                        end_learned_at Date, hours_week Float64, wage_hourly Float64 (local
                        currency), contract_type String (permanent, fixed_term, seasonal,
                        temp_agency, transitional, ...), set_aside Boolean, subsidy_type String
                        ("none" or the subsidy's name)
education               education_id, participant_id String, start Date, end Date, level String,
                        status String
support_contacts        contact_id, participant_id, specialist String, at Date, mode String,
                        with_whom String (participant, employer, family, team)
benefits_plans          participant_id String, offered_at Date, completed_at Date,
                        planner_trained Boolean (one row per planning round)
disclosure_discussions  participant_id String, at Date, pros_cons Boolean, wording Boolean
profile_versions        participant_id String, version Int64, at Date,
                        preferred_occupations List(String) (ISCO codes), preferred_sectors List(String)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

import polars as pl

S, D, B, F = pl.String(), pl.Date(), pl.Boolean(), pl.Float64()

SCHEMAS: Mapping[str, Mapping[str, pl.DataType]] = {
    "participants": {
        "participant_id": S, "unit": S, "specialist": S, "referral_source": S, "referred_at": D,
        "accepted_at": D, "first_meeting_at": D, "employment_status_at_entry": S, "closed_at": D,
        "closure_reason": S,
    },
    "status_history": {"participant_id": S, "status": S, "at": D},
    "staff": {"specialist": S, "unit": S, "fte": F, "active_from": D, "active_to": D},
    "leave": {"specialist": S, "start": D, "end": D},
    "employer_contacts": {
        "contact_id": S, "at": D, "specialist": S, "employer_id": S, "mode": S, "purpose": S,
        "participant_id": S, "by_participant": B, "occupation_group": S, "sector": S, "plan_target": B,
    },
    "employers": {"employer_id": S, "has_needs_notes": B},
    "jobs": {
        "job_id": S, "participant_id": S, "employer_id": S, "occupation_group": S, "start": D,
        "first_paid_hours_at": D, "paid_hours_to_date": F, "end": D, "end_learned_at": D,
        "hours_week": F, "wage_hourly": F, "contract_type": S, "set_aside": B, "subsidy_type": S,
    },
    "education": {"education_id": S, "participant_id": S, "start": D, "end": D, "level": S, "status": S},
    "support_contacts": {
        "contact_id": S, "participant_id": S, "specialist": S, "at": D, "mode": S, "with_whom": S,
    },
    "benefits_plans": {"participant_id": S, "offered_at": D, "completed_at": D, "planner_trained": B},
    "disclosure_discussions": {"participant_id": S, "at": D, "pros_cons": B, "wording": B},
    "profile_versions": {
        "participant_id": S, "version": pl.Int64(), "at": D,
        "preferred_occupations": pl.List(S), "preferred_sectors": pl.List(S),
    },
}  # fmt: skip

#: Columns that may not hold nulls (keys and the facts every definition needs).
REQUIRED: Mapping[str, frozenset[str]] = {
    "participants": frozenset({"participant_id", "unit", "specialist", "employment_status_at_entry"}),
    "status_history": frozenset({"participant_id", "status", "at"}),
    "staff": frozenset({"specialist", "unit", "fte", "active_from"}),
    "leave": frozenset({"specialist", "start", "end"}),
    "employer_contacts": frozenset(
        {"contact_id", "at", "specialist", "employer_id", "mode", "by_participant"}
    ),
    "employers": frozenset({"employer_id", "has_needs_notes"}),
    "jobs": frozenset({"job_id", "participant_id", "employer_id", "start", "set_aside", "subsidy_type"}),
    "education": frozenset({"education_id", "participant_id", "start"}),
    "support_contacts": frozenset({"contact_id", "participant_id", "at", "mode", "with_whom"}),
    "benefits_plans": frozenset({"participant_id"}),
    "disclosure_discussions": frozenset({"participant_id", "at", "pros_cons", "wording"}),
    "profile_versions": frozenset({"participant_id", "version", "at"}),
}


class FrameError(ValueError):
    """A frame does not meet the contract; the message names the frame, the column and the fix."""


def validate(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Check ``frame`` against the contract for ``name`` and return it unchanged.

    Raises:
        FrameError: on an unknown frame name, a missing column, a wrong dtype, or a null in a
            required column (the first problem found, by the schema's column order).
    """
    if name not in SCHEMAS:
        raise FrameError(f"unknown frame {name!r}; the contract has {sorted(SCHEMAS)}")
    for column, dtype in SCHEMAS[name].items():
        if column not in frame.columns:
            raise FrameError(f"{name}: missing column {column!r} ({dtype})")
        if frame.schema[column] != dtype:
            raise FrameError(
                f"{name}.{column}: dtype {frame.schema[column]}, expected {dtype} (cast it in the store)"
            )
    for column in sorted(REQUIRED[name]):
        nulls = frame[column].null_count()
        if nulls:
            raise FrameError(f"{name}.{column}: {nulls} null value(s) in a required column")
    return frame


def empty(name: str) -> pl.DataFrame:
    """An empty frame with the contract's columns for ``name``."""
    return pl.DataFrame(schema=dict(SCHEMAS[name]))


def frame(name: str, rows: list[dict[str, object]]) -> pl.DataFrame:
    """A contract frame from row dicts (missing keys become nulls), validated; for tests and demos."""
    schema = dict(SCHEMAS[name])
    return validate(name, pl.DataFrame([{c: r.get(c) for c in schema} for r in rows], schema=schema))


@dataclass(frozen=True)
class Caseload:
    """Every frame a report may read, each validated on construction; absent ones are empty."""

    participants: pl.DataFrame
    status_history: pl.DataFrame = field(default_factory=pl.DataFrame)
    staff: pl.DataFrame = field(default_factory=pl.DataFrame)
    leave: pl.DataFrame = field(default_factory=pl.DataFrame)
    employer_contacts: pl.DataFrame = field(default_factory=pl.DataFrame)
    employers: pl.DataFrame = field(default_factory=pl.DataFrame)
    jobs: pl.DataFrame = field(default_factory=pl.DataFrame)
    education: pl.DataFrame = field(default_factory=pl.DataFrame)
    support_contacts: pl.DataFrame = field(default_factory=pl.DataFrame)
    benefits_plans: pl.DataFrame = field(default_factory=pl.DataFrame)
    disclosure_discussions: pl.DataFrame = field(default_factory=pl.DataFrame)
    profile_versions: pl.DataFrame = field(default_factory=pl.DataFrame)

    def __post_init__(self) -> None:
        for f in fields(self):
            value: pl.DataFrame = getattr(self, f.name)
            if f.name != "participants" and value.width == 0:
                value = empty(f.name)  # a frame not given: empty, with the contract's columns
            object.__setattr__(self, f.name, validate(f.name, value))
