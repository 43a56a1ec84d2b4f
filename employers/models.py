"""Records the employer store returns, and the rules their fields follow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from employers.errors import InvalidError
from matching.types import (
    APPLICATION_ROUTES,
    CONTRACT_TYPES,
    LANGUAGES,
    OPENING_STATUSES,
    STAGES,
)
from storekit.checks import check_choice
from storekit.records import StoredRecord, table_columns

REGISTRY_KINDS = ("org_nr", "cvr", "siren", "companies_house", "other")
SIZE_BANDS = ("1-9", "10-49", "50-249", "250+")
#: Wage subsidies an opening may come with (lönebidrag, fleksjob/løntilskud, contrat aidé, ...).
SUBSIDY_TYPES = ("none", "wage_subsidy", "flexjob", "job_trial", "apprenticeship_aid", "other")
#: Allowed opening status changes: a rumour (lead) opens, an open job is filled or closed, and a
#: filled or closed one can be reopened.
OPENING_TRANSITIONS: dict[str, frozenset[str]] = {
    "lead": frozenset({"open", "filled", "closed"}),
    "open": frozenset({"filled", "closed"}),
    "filled": frozenset({"open"}),
    "closed": frozenset({"open"}),
}


@dataclass(frozen=True, slots=True)
class SiteRecord:
    """A place where an employer has work (shop, depot, office)."""

    id: str
    employer_id: str
    name: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class EmployerRecord(StoredRecord):
    """An employer in the programme's network (shared across units)."""

    name: str
    aliases: tuple[str, ...] = ()
    registry_number: str | None = None
    registry_kind: str | None = None
    country: str | None = None
    sector_nace: str | None = None
    sector_label: str | None = None
    size_band: str | None = None
    stage: str = "prospect"
    do_not_contact: bool = False
    website: str | None = None
    phone: str | None = None
    needs_learned: str = ""
    hiring_process: str | None = None
    hiring_occupations: tuple[str, ...] = ()
    owner: str | None = None
    external_id: str | None = None
    #: The job board a feed pull created this employer from (None: typed or imported by the team).
    feed_source: str | None = None
    sites: tuple[SiteRecord, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class EmployerItem(StoredRecord):
    """A record filed under one employer: an opening, contact, task or note (its timeline's items)."""

    employer_id: str


@dataclass(frozen=True, slots=True)
class OpeningRecord(EmployerItem):
    """A vacancy (advertised, or a known lead) at an employer."""

    title: str
    site_id: str | None = None
    description: str = ""
    language: str = "en"
    occupation_uri: str = ""
    occupation_label: str = ""
    isco_group: str = ""
    hours_min: float | None = None
    hours_max: float | None = None
    contract_type: str = ""
    wage_hourly: float | None = None
    currency: str | None = None
    required_licences: tuple[str, ...] = ()
    essential_skills: tuple[str, ...] = ()
    application_route: str = "either"
    status: str = "open"
    posted_at: datetime | None = None
    closes_at: datetime | None = None
    city: str = ""
    lat: float | None = None
    lon: float | None = None
    subsidy_type: str | None = None
    external_id: str | None = None
    remote: bool = False
    #: A pulled ad (see `feeds.FeedAd`): board, its ad id, the ad's page, how to apply, the board's
    #: occupation code and its last change; all None for an opening the team entered.
    feed_source: str | None = None
    feed_ad_id: str | None = None
    feed_url: str | None = None
    feed_apply: str | None = None
    feed_occupation: str | None = None
    feed_updated_at: datetime | None = None


def column_names(record_type: type) -> tuple[str, ...]:
    """The table columns of a record type (nested tuples of records excluded), audit columns last."""
    return table_columns(record_type, nested=("sites",))


def check_employer(values: Mapping[str, Any]) -> None:
    """Raise InvalidError for the first field that breaks a rule."""
    required_text(values, "name")
    choice(values, "stage", STAGES)
    choice(values, "registry_kind", REGISTRY_KINDS)
    choice(values, "size_band", SIZE_BANDS)


def check_opening(values: Mapping[str, Any]) -> None:
    """Raise InvalidError for the first field that breaks a rule."""
    required_text(values, "title")
    choice(values, "language", LANGUAGES)
    choice(values, "status", OPENING_STATUSES)
    choice(values, "application_route", APPLICATION_ROUTES)
    if values.get("contract_type"):
        choice(values, "contract_type", CONTRACT_TYPES)
    choice(values, "subsidy_type", SUBSIDY_TYPES)
    lo, hi = values.get("hours_min"), values.get("hours_max")
    for name, v in (("hours_min", lo), ("hours_max", hi)):
        if v is not None and not 0 <= v <= 80:
            raise InvalidError(name, "must be between 0 and 80 hours a week")
    if lo is not None and hi is not None and lo > hi:
        raise InvalidError("hours_max", "must not be less than hours_min")


def check_opening_status(old: str, new: str) -> None:
    """Raise InvalidError unless ``old`` -> ``new`` is an allowed opening status change."""
    if new != old and new not in OPENING_TRANSITIONS.get(old, frozenset()):
        raise InvalidError("status", f"cannot change from {old} to {new}")


def required_text(values: Mapping[str, Any], name: str) -> None:
    """Raise InvalidError when ``values[name]`` is missing or blank."""
    if not str(values.get(name) or "").strip():
        raise InvalidError(name, "is required")


def choice(values: Mapping[str, Any], name: str, allowed: Sequence[str]) -> None:
    """Raise InvalidError when ``values[name]`` is set and not one of ``allowed``."""
    check_choice(name, values.get(name), allowed)
