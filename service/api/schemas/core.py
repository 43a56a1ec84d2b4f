"""Request and response models: the OpenAPI contract. Pydantic lives only at this edge."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

LeadKindIn = Literal["opening", "employer"]
_ALL_KINDS: tuple[LeadKindIn, ...] = ("opening", "employer")
LanguageIn = Literal["en", "sv", "da", "fr"]
StageIn = Literal["prospect", "introduced", "learning", "partnered", "hired_from_us", "dormant"]
SubsidyIn = Literal["none", "wage_subsidy", "flexjob", "job_trial", "apprenticeship_aid", "other"]
Hours = Field(default=None, ge=0, le=80, description="Hours per week")


class Strict(BaseModel):
    """Unknown fields are an error, so typos are caught instead of silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ConceptIn(Strict):
    """An occupation or skill as the person or advert words it; linked to ESCO when saved."""

    label: str = Field(min_length=1, max_length=300, examples=["Undersköterska"])
    uri: str = Field("", max_length=300, description="ESCO URI if known; filled in by linking if empty")


class ConceptOut(BaseModel):
    """An occupation or skill with its ESCO URI and ISCO group (empty when not linked)."""

    label: str
    uri: str
    isco_group: str = ""


class PlaceIn(Strict):
    """Where the person lives or travels from (WGS84 degrees)."""

    city: str = Field("", max_length=200)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class PreferencesIn(Strict):
    """What the person wants. Only fields marked as constraints ever remove a lead."""

    preferred_occupations: list[ConceptIn] = Field(default_factory=list, max_length=20)
    refused_occupations: list[ConceptIn] = Field(default_factory=list, max_length=20)
    liked_sectors: list[str] = Field(default_factory=list, max_length=30, examples=[["Q87"]])
    refused_sectors: list[str] = Field(default_factory=list, max_length=30, examples=[["G47"]])
    hours_min: float | None = Hours
    hours_max: float | None = Hours
    hours_is_constraint: bool = False
    max_commute_km: float | None = Field(default=None, gt=0, le=500)
    commute_is_constraint: bool = False
    contract_types: list[Literal["permanent", "fixed_term", "temporary", "seasonal", "apprenticeship"]] = (
        Field(default_factory=list)
    )
    exclude_missing_licence: bool = False
    goals: str = Field("", max_length=2000, examples=["Vill jobba med äldre"])

    @model_validator(mode="after")
    def _ranges(self) -> PreferencesIn:
        if self.hours_min is not None and self.hours_max is not None and self.hours_min > self.hours_max:
            raise ValueError("hours_min must not exceed hours_max")
        return self


class DisclosureIn(Strict):
    """Disclosure is the person's choice; the default is the most private."""

    level: Literal["none", "service_only", "partial", "full"] = "none"
    es_may_contact_employers: bool = False
    approved_statements: list[str] = Field(default_factory=list, max_length=10)


class BenefitsIn(Strict):
    """Benefits plan. ``status`` is kept for counselling and never used for ranking."""

    status: Literal[
        "none", "unemployment", "sickness", "disability_pension", "social_assistance", "other"
    ] = "none"
    hours_threshold: float | None = Hours


class ParticipantIn(Strict):
    """A new participant. ``unit_id`` defaults to the caller's unit."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "display_name": "Sara L.",
                    "language": "sv",
                    "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
                    "preferences": {
                        "preferred_occupations": [{"label": "Undersköterska"}],
                        "refused_sectors": ["G47"],
                        "hours_min": 20,
                        "hours_max": 30,
                        "max_commute_km": 15,
                    },
                    "skills": [{"label": "assist patients with personal hygiene"}],
                    "licences": ["driving_b"],
                    "disclosure": {"level": "service_only", "es_may_contact_employers": True},
                }
            ]
        },
    )

    display_name: str = Field(min_length=1, max_length=100)
    unit_id: str | None = None
    specialist_id: str | None = None
    language: LanguageIn | None = Field(None, description="Omit to detect it (en if no title links)")
    status: Literal["active", "on_hold", "closed"] = "active"
    home: PlaceIn | None = None
    licences: list[Literal["driving_b", "driving_c", "forklift", "food_hygiene", "security", "first_aid"]] = (
        Field(default_factory=list)
    )
    preferences: PreferencesIn = Field(default_factory=PreferencesIn)
    skills: list[ConceptIn] = Field(default_factory=list, max_length=200)
    disclosure: DisclosureIn = Field(default_factory=DisclosureIn)
    benefits: BenefitsIn = Field(default_factory=BenefitsIn)


class ParticipantOut(BaseModel):
    """A participant as stored, visible only within their unit."""

    id: str
    unit_id: str
    specialist_id: str | None
    display_name: str
    language: str
    status: str
    home_city: str
    licences: list[str]
    preferences: dict[str, object]
    skills: list[ConceptOut]
    disclosure: dict[str, object]
    benefits: dict[str, object]
    created_at: datetime | None


class Page(BaseModel):
    """Cursor pagination: pass ``next_cursor`` as ``after`` for the next page."""

    next_cursor: str | None


class ParticipantPage(Page):
    """One page of participants."""

    items: list[ParticipantOut]


class SiteIn(Strict):
    """A site of an employer (shop, depot, office)."""

    name: str = Field("", max_length=200)
    address: str = Field("", max_length=300)
    postcode: str = Field("", max_length=20)
    city: str = Field("", max_length=200)
    country: str | None = Field(None, max_length=2)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class EmployerIn(Strict):
    """A network employer."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
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
            ]
        },
    )

    name: str = Field(min_length=1, max_length=300)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    registry_number: str | None = Field(None, max_length=40)
    registry_kind: Literal["org_nr", "cvr", "siren", "companies_house", "other"] | None = None
    country: str | None = Field(None, max_length=2)
    sector_nace: str | None = Field(None, max_length=10)
    sector_label: str | None = Field(None, max_length=200)
    size_band: Literal["1-9", "10-49", "50-249", "250+"] | None = None
    stage: StageIn = "prospect"
    do_not_contact: bool = False
    website: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=40)
    needs_learned: str = Field("", max_length=4000)
    hiring_occupations: list[str] = Field(default_factory=list, max_length=20)
    hiring_process: str = Field("", max_length=4000, description="How and when they hire")
    owner: str | None = Field(None, max_length=100, description="Username of the relationship owner")
    external_id: str | None = Field(None, max_length=100)
    sites: list[SiteIn] = Field(default_factory=list, max_length=50)
    skip_duplicate_check: bool = Field(False, description="Create even if it looks like a duplicate")


class SiteOut(BaseModel):
    """A site of an employer."""

    id: str
    name: str
    address: str = ""
    postcode: str = ""
    city: str
    lat: float | None
    lon: float | None


class EmployerOut(BaseModel):
    """An employer as stored."""

    id: str
    name: str
    aliases: list[str] = []
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
    sites: list[SiteOut]
    created_at: datetime | None
    updated_at: datetime | None = None
    score: float | None = Field(None, description="Name match score (0-100) when searching with q")


class EmployerPage(Page):
    """One page of employers."""

    items: list[EmployerOut]


class OpeningIn(Strict):
    """An opening. Its ESCO occupation is linked from the title when not given."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "employer_id": "00000000-0000-4000-8000-000000000000",
                    "title": "Undersköterska, hemtjänst",
                    "language": "sv",
                    "hours_min": 20,
                    "hours_max": 30,
                    "contract_type": "permanent",
                    "application_route": "either",
                }
            ]
        },
    )

    employer_id: UUID
    site_id: UUID | None = None
    title: str = Field(min_length=1, max_length=300)
    description: str = Field("", max_length=20000)
    language: LanguageIn | None = Field(None, description="Omit to detect it (en if no title links)")
    occupation_uri: str = Field("", max_length=300)
    hours_min: float | None = Hours
    hours_max: float | None = Hours
    contract_type: Literal["permanent", "fixed_term", "temporary", "seasonal", "apprenticeship", ""] = ""
    wage_hourly: float | None = Field(None, ge=0)
    currency: str | None = Field(None, min_length=3, max_length=3)
    required_licences: list[
        Literal["driving_b", "driving_c", "forklift", "food_hygiene", "security", "first_aid"]
    ] = Field(default_factory=list)
    application_route: Literal["self_apply", "via_specialist", "either"] = "either"
    status: Literal["lead", "open", "filled", "closed"] = "open"
    subsidy_type: SubsidyIn | None = None
    external_id: str | None = Field(None, max_length=100)
    posted_at: datetime | None = None
    closes_at: datetime | None = None
    city: str = Field("", max_length=200)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)

    @model_validator(mode="after")
    def _ranges(self) -> OpeningIn:
        if self.hours_min is not None and self.hours_max is not None and self.hours_min > self.hours_max:
            raise ValueError("hours_min must not exceed hours_max")
        return self


class OpeningOut(BaseModel):
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


class OpeningPage(Page):
    """One page of openings."""

    items: list[OpeningOut]


class LeadsRequest(Strict):
    """Ask for leads for one participant."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"n": 10, "kinds": ["opening", "employer"]}]}
    )

    n: int = Field(10, ge=1, le=1000, description="How many leads")
    kinds: list[LeadKindIn] = Field(default_factory=lambda: list(_ALL_KINDS), min_length=1)
    exclude: list[str] = Field(default_factory=list, max_length=1000, description="Ids not to suggest again")


class ScorePartOut(BaseModel):
    """One weighted part of a lead's score; contributions add up to the score."""

    name: str
    weight: float
    value: float
    contribution: float
    because: str


class FlagOut(BaseModel):
    """A feasibility note; flags never remove a lead."""

    code: str
    message: str


class ExplanationOut(BaseModel):
    """Why a lead is where it is."""

    parts: list[ScorePartOut]
    matched_skills: list[ConceptOut]
    missing_skills: list[ConceptOut]
    flags: list[FlagOut]
    disclosure_note: str


class LeadOut(BaseModel):
    """A suggestion for the specialist: an opening, or a network employer without one."""

    lead_id: str | None = Field(
        None, description="Id of this suggestion, for feedback (POST /leads/{lead_id}/feedback)"
    )
    id: str = Field(description="The opening's id, or the employer's id for an employer lead")
    kind: LeadKindIn
    rank: int
    score: float
    title: str
    employer_id: str
    employer_name: str
    explanation: ExplanationOut


class LeadsResponse(BaseModel):
    """Ranked, explained leads for one participant."""

    participant_id: str
    model_version: str
    generated_at: datetime
    leads: list[LeadOut]
    removed_by_constraints: dict[str, int] = Field(
        description="How many items were left out, by reason: the person's own constraints, their disclosure "
        "plan, or an employer's request not to be contacted"
    )


FeedbackIn_ = Literal[
    "pursued", "applied", "interview", "hired", "not_relevant", "person_declined", "employer_declined"
]


class FeedbackIn(Strict):
    """What the specialist did with a lead; positive feedback later trains an optional re-ranker."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"feedback": "pursued", "note": ""}]}
    )

    feedback: FeedbackIn_
    note: str = Field("", max_length=2000)


class RecordedLeadOut(BaseModel):
    """A lead as it was shown, with the latest feedback on it."""

    lead_id: str
    participant_id: str
    batch_id: str | None
    item_id: str
    kind: str
    employer_id: str
    title: str
    rank: int
    score: float
    parts: dict[str, float]
    flags: list[str]
    model_version: str
    created_at: datetime
    feedback: str | None


class RecordedLeads(BaseModel):
    """A participant's recorded leads, newest first."""

    items: list[RecordedLeadOut]


class Health(BaseModel):
    """Service status."""

    status: Literal["ok"]
    version: str
    encoder: str
    database: str
    openings: int
    participants: int
