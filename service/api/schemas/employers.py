"""Employers and their sites: create (with the duplicate answer), patch, read, pages."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from employers import EmployerRecord
from service.api.schemas.common import Out, Page, SafeText, StageIn, Strict, Text, strict_with_examples

RegistryKindIn = Literal["org_nr", "cvr", "siren", "companies_house", "other"]
SizeBandIn = Literal["1-9", "10-49", "50-249", "250+"]


class SiteIn(Strict):
    """A site of an employer (shop, depot, office)."""

    name: SafeText = Field("", max_length=200)
    address: SafeText = Field("", max_length=300)
    postcode: SafeText = Field("", max_length=20)
    city: SafeText = Field("", max_length=200)
    country: SafeText | None = Field(None, max_length=2)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class SiteCreate(SiteIn):
    """A new site of an existing employer."""


class _EmployerIdentity(Strict):
    """Who an employer is (names, registry, sector, size): the fields create and patch share.

    Optional here as a patch takes them; `EmployerIn` makes ``name`` required and defaults
    ``aliases`` (a subclass's own definition keeps the field's place in the schema).
    """

    name: SafeText | None = Field(None, min_length=1, max_length=300)
    aliases: list[SafeText] | None = Field(None, max_length=20)
    registry_number: SafeText | None = Field(None, max_length=40)
    registry_kind: RegistryKindIn | None = None
    country: SafeText | None = Field(None, max_length=2)
    sector_nace: SafeText | None = Field(None, max_length=10)
    sector_label: SafeText | None = Field(None, max_length=200)
    size_band: SizeBandIn | None = None


class EmployerIn(_EmployerIdentity):
    """A network employer."""

    model_config = strict_with_examples(
        {
            "name": "Nordström Bygg AB",
            "registry_number": "556677-8899",
            "registry_kind": "org_nr",
            "country": "SE",
            "sector_nace": "F43",
            "stage": "learning",
            "needs_learned": "Behöver hjälp med städning av byggplatser",
            "sites": [{"name": "Kista", "city": "Kista", "lat": 59.40, "lon": 17.94}],
        }
    )

    name: SafeText = Field(min_length=1, max_length=300)
    aliases: list[SafeText] = Field(default_factory=list, max_length=20)
    stage: StageIn = "prospect"
    do_not_contact: bool = False
    website: SafeText | None = Field(None, max_length=300)
    phone: SafeText | None = Field(None, max_length=40)
    needs_learned: SafeText = Field("", max_length=4000)
    hiring_occupations: list[SafeText] = Field(default_factory=list, max_length=20)
    hiring_process: SafeText = Field("", max_length=4000, description="How and when they hire")
    owner: SafeText | None = Field(None, max_length=100, description="Username of the relationship owner")
    external_id: SafeText | None = Field(None, max_length=100)
    sites: list[SiteIn] = Field(default_factory=list, max_length=50)
    skip_duplicate_check: bool = Field(False, description="Create even if it looks like a duplicate")


class EmployerPatch(_EmployerIdentity):
    """Fields to change; only those sent are changed (each change is logged with old and new)."""

    model_config = strict_with_examples({"stage": "partnered", "needs_learned": "Weekend staff, 15-20 h"})

    stage: StageIn | None = None
    do_not_contact: bool | None = None
    website: SafeText | None = Field(None, max_length=300)
    phone: SafeText | None = Field(None, max_length=40)
    needs_learned: SafeText | None = Text
    hiring_process: SafeText | None = Text
    hiring_occupations: list[SafeText] | None = Field(None, max_length=20)
    owner: SafeText | None = Field(None, max_length=100)
    external_id: SafeText | None = Field(None, max_length=100)


class SiteOut(Out):
    """A site of an employer."""

    id: str
    name: str
    address: str = ""
    postcode: str = ""
    city: str
    lat: float | None
    lon: float | None


class EmployerOut(Out):
    """An employer as stored."""

    id: str
    name: str
    aliases: list[str] = Field([])
    registry_number: str | None
    registry_kind: str | None
    country: str | None
    sector_nace: str | None
    sector_label: str | None = None
    size_band: str | None = None
    stage: str
    do_not_contact: bool
    website: str | None = None
    phone: str | None = None
    needs_learned: str
    hiring_process: str | None = None
    hiring_occupations: list[str]
    owner: str | None = None
    external_id: str | None = None
    feed_source: str | None = Field(
        None, description="The job board a feed pull created it from; null when typed in"
    )
    sites: list[SiteOut]
    created_at: datetime | None
    updated_at: datetime | None = None
    score: float | None = Field(None, description="Name match score (0-100) when searching with q")

    @classmethod
    def from_record(cls, rec: EmployerRecord, score: float | None = None) -> EmployerOut:
        """An employer for the API, with its name match ``score`` when it was found by a search."""
        return cls.from_fields(rec, sites=[SiteOut.from_fields(s) for s in rec.sites], score=score)


class EmployerPage(Page[EmployerOut]):
    """One page of employers."""


class DuplicateCandidateOut(BaseModel):
    """A live employer the new one looks like, and why."""

    id: str
    name: str
    score: float = Field(description="0-100; 100 for the same registry number")
    reasons: list[str] = Field(examples=[["same registry number", "similar name (96)"]])


class DuplicateConflictOut(BaseModel):
    """409: the employer looks like one already in the network.

    Resend with the header ``X-Skip-Duplicate-Check: true`` (or ``skip_duplicate_check: true``)
    to create it anyway.
    """

    detail: str
    candidates: list[DuplicateCandidateOut]
