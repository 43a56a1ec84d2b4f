"""Participants: the new-participant request, the change request and the participant as stored."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from matching.types import DisclosureLevel
from participants import BenefitStatus, ParticipantRecord, ParticipantStatus
from participants.lifecycle import EntryEmployment, Phase, ReferralSource, entry_date
from service.api.schemas.common import (
    ConceptIn,
    ConceptOut,
    ContractIn,
    Day,
    Hours,
    HoursChecked,
    LanguageIn,
    LicenceIn,
    Out,
    Page,
    SafeText,
    Strict,
    strict_with_examples,
)

#: Limits on what one request may ask the service to link: every stated occupation is a title
#: link and every skill a phrase the sentence encoder may read (~50-250 ms each on a loaded core,
#: under one encoder lock shared by all requests), so the fields' counts and lengths bound the
#: CPU one POST can take. ESCO's own labels fit: skill labels are at most 13 words, 166 characters.
MAX_SKILLS = 50
MAX_OCCUPATIONS = 10
#: A NACE code or prefix ("Q87", "G47.1").
SectorIn = Annotated[SafeText, StringConstraints(min_length=1, max_length=10)]
StatementIn = Annotated[SafeText, StringConstraints(max_length=500)]


class OccupationIn(ConceptIn):
    """A stated occupation: a job title, linked to ESCO when saved."""

    label: SafeText = Field(min_length=1, max_length=120, examples=["Undersköterska"])


class SkillIn(ConceptIn):
    """A skill as the person or specialist words it (a phrase, not a paragraph)."""

    label: SafeText = Field(min_length=1, max_length=200, examples=["assist patients with personal hygiene"])


ClosureReason = Field(
    None,
    max_length=100,
    description="got_job_and_graduated, chose_to_leave, moved_away, transferred, deceased or other (with "
    "closure_note); reasons that break zero exclusion (not ready, missed appointments, time limit "
    "reached, declined by the programme) are refused",
    examples=["moved_away"],
)


class LifecycleFields(Strict):
    """Referral, programme entry, employment status at entry and closure (dates are days)."""

    referral_source: ReferralSource | None = None
    referral_received_at: Day | None = None
    referral_accepted_at: Day | None = None
    first_meeting_at: Day | None = Field(None, description="First meeting with the specialist")
    employment_status_at_entry: EntryEmployment | None = None
    closed_at: Day | None = None
    closure_reason: SafeText | None = ClosureReason
    closure_note: SafeText | None = Field(None, max_length=2000)


class PlaceIn(Strict):
    """Where the person lives or travels from (WGS84 degrees)."""

    city: SafeText = Field("", max_length=200)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class PreferencesIn(HoursChecked):
    """What the person wants. Only fields marked as constraints ever remove a lead."""

    preferred_occupations: list[OccupationIn] = Field(default_factory=list, max_length=MAX_OCCUPATIONS)
    refused_occupations: list[OccupationIn] = Field(default_factory=list, max_length=MAX_OCCUPATIONS)
    liked_sectors: list[SectorIn] = Field(default_factory=list, max_length=30, examples=[["Q87"]])
    refused_sectors: list[SectorIn] = Field(default_factory=list, max_length=30, examples=[["G47"]])
    hours_min: float | None = Hours
    hours_max: float | None = Hours
    hours_is_constraint: bool = False
    max_commute_km: float | None = Field(default=None, gt=0, le=500)
    commute_is_constraint: bool = False
    contract_types: list[ContractIn] = Field(default_factory=list, max_length=5)
    exclude_missing_licence: bool = False
    goals: SafeText = Field("", max_length=1000, examples=["Vill jobba med äldre"])
    willing_to_relocate: bool = False
    remote_ok: bool = False


class DisclosureIn(Strict):
    """Disclosure is the person's choice; the default is the most private."""

    level: DisclosureLevel = "none"
    es_may_contact_employers: bool = False
    approved_statements: list[StatementIn] = Field(default_factory=list, max_length=10)


class BenefitsIn(Strict):
    """Benefits plan. ``status`` is kept for counselling and never used for ranking."""

    status: BenefitStatus = "none"
    hours_threshold: float | None = Hours


class ParticipantIn(LifecycleFields):
    """A new participant. ``unit_id`` defaults to the caller's unit; ``phase`` to enrolled."""

    model_config = strict_with_examples(
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
    )

    display_name: SafeText = Field(min_length=1, max_length=100)
    unit_id: SafeText | None = None
    specialist_id: SafeText | None = None
    language: LanguageIn | None = Field(None, description="Omit to detect it (en if no title links)")
    status: ParticipantStatus = "active"
    phase: Phase | None = Field(None, description="The IPS status; sets status (paused: on_hold)")
    phase_date: Day | None = Field(None, description="The day the phase began (default: referral or today)")
    home: PlaceIn | None = None
    licences: list[LicenceIn] = Field(default_factory=list, max_length=6)
    preferences: PreferencesIn = Field(default_factory=PreferencesIn)
    skills: list[SkillIn] = Field(default_factory=list, max_length=MAX_SKILLS)
    disclosure: DisclosureIn = Field(default_factory=DisclosureIn)
    benefits: BenefitsIn = Field(default_factory=BenefitsIn)


class ParticipantPatch(LifecycleFields):
    """Fields to change; only those sent change (each change is logged with old and new).

    A new ``phase`` (or ``status``) is recorded in the status history from ``phase_date`` (default
    today); a new ``specialist_id`` in the assignment history with ``reassignment_note``.
    ``preferences``/``skills`` save a new career profile version (trigger ``review``), ``disclosure``
    and ``benefits`` a new plan version; only the keys sent inside them change.
    """

    model_config = strict_with_examples(
        {"phase": "job_search", "phase_date": "2026-01-15", "first_meeting_at": "2026-01-12"},
        {"phase": "closed", "closure_reason": "moved_away", "closed_at": "2026-05-01"},
        {"specialist_id": "es-2", "reassignment_note": "caseload balancing"},
    )

    display_name: str | None = Field(None, min_length=1, max_length=100)
    unit_id: str | None = None
    specialist_id: str | None = None
    language: LanguageIn | None = None
    status: ParticipantStatus | None = None
    phase: Phase | None = None
    phase_date: Day | None = None
    reassignment_note: str | None = Field(None, max_length=500)
    home: PlaceIn | None = None
    licences: list[LicenceIn] | None = None
    preferences: PreferencesIn | None = None
    skills: list[ConceptIn] | None = Field(None, max_length=200)
    disclosure: DisclosureIn | None = None
    benefits: BenefitsIn | None = None
    confirm_warnings: bool = Field(False, description="Save approved statements despite screening warnings")


class ParticipantOut(Out):
    """A participant as stored, visible only within their unit."""

    id: str
    unit_id: str
    specialist_id: str | None
    display_name: str
    language: str
    status: str
    phase: str
    referral_source: str | None
    referral_received_at: date | None
    referral_accepted_at: date | None
    first_meeting_at: date | None
    programme_entry: date | None = Field(
        description="Entry by the programme's rule (IPSMATCH_ENTRY_DATE_FIELD)"
    )
    employment_status_at_entry: str | None
    closed_at: date | None
    closure_reason: str | None
    closure_note: str
    home_city: str
    licences: list[str]
    preferences: dict[str, object]
    skills: list[ConceptOut]
    disclosure: dict[str, object]
    benefits: dict[str, object]
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def from_record(cls, rec: ParticipantRecord, entry_field: str = "first_meeting_at") -> ParticipantOut:
        """A participant for the API (preferences, disclosure and benefits as plain objects)."""
        return cls.from_fields(
            rec,
            programme_entry=entry_date(rec, entry_field),
            licences=list(rec.licences),
            preferences=asdict(rec.preferences),
            skills=[ConceptOut(**asdict(s)) for s in rec.skills],
            disclosure=asdict(rec.disclosure),
            benefits=asdict(rec.benefits),
        )


class ParticipantPage(Page[ParticipantOut]):
    """One page of participants."""
