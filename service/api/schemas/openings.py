"""Openings at network employers: create, patch (status lead -> open -> filled/closed), read, pages."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from matching.types import ApplicationRoute, OpeningStatus
from service.api.schemas.common import (
    ContractIn,
    Hours,
    HoursChecked,
    LanguageIn,
    LicenceIn,
    Moment,
    Out,
    Page,
    SafeText,
    Strict,
    SubsidyIn,
    strict_with_examples,
)

#: The ranker's vocabulary (`matching.types`), which the opening store checks against.
RouteIn = ApplicationRoute
OpeningStatusIn = OpeningStatus
ContractOrEmptyIn = Literal[ContractIn, ""]


class OpeningIn(HoursChecked):
    """An opening. Its ESCO occupation is linked from the title when not given."""

    model_config = strict_with_examples(
        {
            "employer_id": "00000000-0000-4000-8000-000000000000",
            "title": "Undersköterska, hemtjänst",
            "language": "sv",
            "hours_min": 20,
            "hours_max": 30,
            "contract_type": "permanent",
            "application_route": "either",
        }
    )

    employer_id: UUID
    site_id: UUID | None = None
    title: SafeText = Field(min_length=1, max_length=300)
    description: SafeText = Field("", max_length=20000)
    language: LanguageIn | None = Field(None, description="Omit to detect it (en if no title links)")
    occupation_uri: SafeText = Field("", max_length=300)
    hours_min: float | None = Hours
    hours_max: float | None = Hours
    contract_type: ContractOrEmptyIn = ""
    wage_hourly: float | None = Field(None, ge=0)
    currency: SafeText | None = Field(None, min_length=3, max_length=3)
    required_licences: list[LicenceIn] = Field(default_factory=list)
    application_route: RouteIn = "either"
    status: OpeningStatusIn = "open"
    subsidy_type: SubsidyIn | None = None
    external_id: SafeText | None = Field(None, max_length=100)
    posted_at: Moment | None = None
    closes_at: Moment | None = None
    city: SafeText = Field("", max_length=200)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    remote: bool = False


class OpeningPatch(Strict):
    """Fields of an opening to change. Status moves lead -> open -> filled/closed (and reopens)."""

    model_config = strict_with_examples({"status": "filled"})

    title: SafeText | None = Field(None, min_length=1, max_length=300)
    description: SafeText | None = Field(None, max_length=20000)
    hours_min: float | None = Field(None, ge=0, le=80)
    hours_max: float | None = Field(None, ge=0, le=80)
    contract_type: ContractOrEmptyIn | None = None
    wage_hourly: float | None = Field(None, ge=0)
    currency: SafeText | None = Field(None, min_length=3, max_length=3)
    subsidy_type: SubsidyIn | None = None
    application_route: RouteIn | None = None
    status: OpeningStatusIn | None = None
    closes_at: Moment | None = None
    external_id: SafeText | None = Field(None, max_length=100)
    remote: bool | None = None


class OpeningOut(Out):
    """An opening as stored, with its linked ESCO occupation."""

    id: str
    employer_id: str
    site_id: str | None
    title: str
    language: str
    occupation_uri: str
    occupation_label: str
    isco_group: str
    hours_min: float | None
    hours_max: float | None
    contract_type: str
    wage_hourly: float | None = None
    currency: str | None = None
    subsidy_type: str | None = None
    application_route: str
    status: str
    city: str
    closes_at: datetime | None
    external_id: str | None = None
    created_at: datetime | None
    remote: bool = False
    feed_source: str | None = Field(None, description="The job board it was pulled from; null when typed in")
    feed_ad_id: str | None = Field(None, description="The board's id of the advert")
    feed_url: str | None = Field(None, description="The advert's page on the board")


class OpeningPage(Page[OpeningOut]):
    """One page of openings."""
