"""Participant records, their rules, and the one place a record becomes a ranking `Profile`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

from matching.types import (
    DISCLOSURE_LEVELS,
    LANGUAGES,
    Concept,
    Disclosure,
    Place,
    Profile,
    WorkPreferences,
)
from participants.errors import InvalidError
from participants.lifecycle import (
    ENTRY_EMPLOYMENT,
    PHASES,
    REFERRAL_SOURCES,
    check_dates,
)
from storekit.checks import check_choice
from storekit.records import StoredRecord

#: The allowed values as `Literal` types (the API's schemas use these) and as tuples (the checks).
ParticipantStatus = Literal["active", "on_hold", "closed"]
STATUSES: tuple[ParticipantStatus, ...] = get_args(ParticipantStatus)
BenefitStatus = Literal[
    "none", "unemployment", "sickness", "disability_pension", "social_assistance", "other"
]
BENEFIT_STATUSES: tuple[BenefitStatus, ...] = get_args(BenefitStatus)


@dataclass(frozen=True, slots=True, kw_only=True)
class Preferences(WorkPreferences):
    """The person's `WorkPreferences` and their job goals in their own words (``goals``)."""

    goals: str = ""


#: The person's disclosure choice, stored as the ranker reads it (`matching.types.Disclosure`):
#: ``none`` and no employer contact unless they chose otherwise.
DisclosurePlan = Disclosure


@dataclass(frozen=True, slots=True)
class BenefitsPlan:
    """Benefits counselling notes. ``status`` is sensitive and never reaches the ranker."""

    status: str = "none"
    hours_threshold: float | None = None


@dataclass(frozen=True, slots=True)
class ParticipantRecord(StoredRecord):
    """A person on a specialist's caseload.

    ``phase`` is the IPS status (`participants.lifecycle.PHASES`), ``status`` the coarse one
    derived from it; dates are calendar days; ``closure_*`` are set while the file is closed.
    """

    unit_id: str
    display_name: str
    specialist_id: str | None = None
    language: str = "en"
    status: str = "active"
    home_city: str = ""
    home_lat: float | None = None
    home_lon: float | None = None
    licences: tuple[str, ...] = ()
    phase: str = "enrolled"
    referral_source: str | None = None
    referral_received_at: dt.date | None = None
    referral_accepted_at: dt.date | None = None
    first_meeting_at: dt.date | None = None
    employment_status_at_entry: str | None = None
    closed_at: dt.date | None = None
    closure_reason: str | None = None
    closure_note: str = ""
    preferences: Preferences = field(default_factory=Preferences)
    skills: tuple[Concept, ...] = ()
    disclosure: DisclosurePlan = field(default_factory=DisclosurePlan)
    benefits: BenefitsPlan = field(default_factory=BenefitsPlan)


#: The `Preferences` fields a `Profile` takes as they are: all but the free-text ``goals``, which
#: reach the ranker only as a goal embedding.
_RANKED_PREFERENCES = tuple(f.name for f in fields(WorkPreferences))


def to_profile(record: ParticipantRecord) -> Profile:
    """The ranking view of a participant.

    Only stated preferences and constraints (every `Preferences` field but ``goals``), skills,
    licences, the disclosure plan and the benefits *hours threshold* cross over. Benefit status,
    and anything not listed here, never does.
    """
    prefs = record.preferences
    home = None
    if record.home_lat is not None and record.home_lon is not None:
        home = Place(record.home_lat, record.home_lon, record.home_city)
    return Profile(
        id=record.id,
        language=record.language,  # type: ignore[arg-type]
        home=home,
        skills=record.skills,
        licences=record.licences,
        benefit_hours_threshold=record.benefits.hours_threshold,
        disclosure=record.disclosure,
        **{name: getattr(prefs, name) for name in _RANKED_PREFERENCES},
    )


def check_participant(values: Mapping[str, Any]) -> None:
    """Raise InvalidError for the first field that breaks a rule."""
    if not str(values.get("display_name") or "").strip():
        raise InvalidError("display_name", "is required")
    if not str(values.get("unit_id") or "").strip():
        raise InvalidError("unit_id", "is required")
    check_choice("language", values.get("language"), LANGUAGES)
    check_choice("status", values.get("status"), STATUSES)
    check_choice("phase", values.get("phase"), PHASES)
    check_choice("referral_source", values.get("referral_source"), REFERRAL_SOURCES)
    check_choice("employment_status_at_entry", values.get("employment_status_at_entry"), ENTRY_EMPLOYMENT)
    check_dates(values)
    prefs = values.get("preferences") or {}
    lo, hi = prefs.get("hours_min"), prefs.get("hours_max")
    if lo is not None and hi is not None and lo > hi:
        raise InvalidError("preferences.hours_max", "must not be less than hours_min")
    if prefs.get("max_commute_km") is not None and prefs["max_commute_km"] <= 0:
        raise InvalidError("preferences.max_commute_km", "must be positive")
    overlap = set(prefs.get("liked_sectors") or ()) & set(prefs.get("refused_sectors") or ())
    if overlap:
        raise InvalidError("preferences.refused_sectors", f"also liked: {', '.join(sorted(overlap))}")
    disclosure = values.get("disclosure") or {}
    check_choice("disclosure.level", disclosure.get("level"), DISCLOSURE_LEVELS)
    if disclosure.get("level", "none") == "none" and disclosure.get("es_may_contact_employers"):
        raise InvalidError(
            "disclosure.es_may_contact_employers",
            "contradicts level 'none': approaching an employer tells them the person gets support",
        )
    check_choice("benefits.status", (values.get("benefits") or {}).get("status"), BENEFIT_STATUSES)
