"""Core value types shared by the ranking path and the stores.

Everything here is a frozen dataclass or a ``Literal`` alias: no I/O, no numpy. The stores
(`employers`, `participants`) build these from their rows; the `Ranker` consumes them.

Fields that must never influence ranking (diagnoses, criminal records, benefit *status*) do not
exist here at all: the profile carries only what the person chose to state as preferences,
constraints, skills and their disclosure plan. A benefits plan contributes one number, the weekly
hours above which the person asked to be warned, and it only ever raises a flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from matching.phrase import Phrase

LeadKind = Literal["opening", "employer"]
LEAD_KINDS: tuple[LeadKind, ...] = get_args(LeadKind)

Language = Literal["en", "sv", "da", "fr"]
LANGUAGES: tuple[Language, ...] = get_args(Language)

DisclosureLevel = Literal["none", "service_only", "partial", "full"]
DISCLOSURE_LEVELS: tuple[DisclosureLevel, ...] = get_args(DisclosureLevel)

Stage = Literal["prospect", "introduced", "learning", "partnered", "hired_from_us", "dormant"]
STAGES: tuple[Stage, ...] = get_args(Stage)

OpeningStatus = Literal["lead", "open", "filled", "closed"]
OPENING_STATUSES: tuple[OpeningStatus, ...] = get_args(OpeningStatus)
#: Statuses that still represent a chance of a job; the others never become leads.
LIVE_OPENING_STATUSES: frozenset[str] = frozenset({"lead", "open"})

ContractType = Literal["permanent", "fixed_term", "temporary", "seasonal", "apprenticeship"]
CONTRACT_TYPES: tuple[ContractType, ...] = get_args(ContractType)

ApplicationRoute = Literal["self_apply", "via_specialist", "either"]
APPLICATION_ROUTES: tuple[ApplicationRoute, ...] = get_args(ApplicationRoute)

Licence = Literal["driving_b", "driving_c", "forklift", "food_hygiene", "security", "first_aid"]
LICENCES: tuple[Licence, ...] = get_args(Licence)


@dataclass(frozen=True, slots=True)
class Place:
    """A point on the map (WGS84 degrees) with an optional human label.

    Attributes:
        lat: Latitude, degrees.
        lon: Longitude, degrees.
        label: A human name for the place (a town), "" when none.
        country: ISO 3166-1 alpha-2 code (e.g. "SE"), "" when unknown.
    """

    lat: float
    lon: float
    label: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Concept:
    """A taxonomy concept as a person or an opening named it.

    Attributes:
        label: The words used (any language).
        uri: The ESCO concept URI it was normalised to, or "" when unknown.
        isco_group: ISCO-08 4-digit code of the occupation, "" when unknown or for skills.
    """

    label: str
    uri: str = ""
    isco_group: str = ""


@dataclass(frozen=True, slots=True)
class Disclosure:
    """The person's disclosure plan. The default is the most private choice.

    Attributes:
        level: How much the person allows to be said about their support or health.
        es_may_contact_employers: Whether the specialist may approach employers on their behalf.
            Approaching an employer itself discloses that the person gets support.
        approved_statements: The only sentences employer-facing text may be built from.
        contact_employers: Employer ids the specialist may approach even though
            ``es_may_contact_employers`` is False (the person's per-employer exceptions).
        no_contact_employers: Employer ids the specialist may not approach even though
            ``es_may_contact_employers`` is True.
    """

    level: DisclosureLevel = "none"
    es_may_contact_employers: bool = False
    approved_statements: tuple[str, ...] = ()
    contact_employers: tuple[str, ...] = ()
    no_contact_employers: tuple[str, ...] = ()

    def may_contact(self, employer_id: str | None) -> bool:
        """Whether the specialist may approach this employer about the person (None: any employer)."""
        if employer_id is not None and employer_id in self.no_contact_employers:
            return False
        if employer_id is not None and employer_id in self.contact_employers:
            return True
        return self.es_may_contact_employers


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkPreferences:
    """What the person wants from work, as they told their specialist.

    A field is a hard constraint only where the person said so (``*_is_constraint``,
    ``refused_*``, ``exclude_missing_licence``); the rest shape the score. The caseload stores
    exactly these (with the free-text goals) as the person's preferences.

    Attributes:
        preferred_occupations: Job goals, in the person's words, normalised where possible.
        refused_occupations: Occupations the person will not do (constraint).
        liked_sectors: NACE section/division codes the person likes (soft).
        refused_sectors: NACE codes the person refuses (constraint).
        hours_min: Preferred minimum hours per week, None when not stated.
        hours_max: Preferred maximum hours per week, None when not stated.
        hours_is_constraint: Remove openings outside [hours_min, hours_max] instead of flagging.
        max_commute_km: Preferred maximum distance (km, straight line), None when not stated.
        commute_is_constraint: Remove openings beyond max_commute_km instead of flagging.
        contract_types: Contract types the person prefers (soft); empty means any.
        exclude_missing_licence: Remove openings that need a licence the person lacks.
        willing_to_relocate: The person said they would move for work: far and other-country
            work is then not ranked after local work.
        remote_ok: The person said they would work remotely: remote openings' commute part is 1.
    """

    preferred_occupations: tuple[Concept, ...] = ()
    refused_occupations: tuple[Concept, ...] = ()
    liked_sectors: tuple[str, ...] = ()
    refused_sectors: tuple[str, ...] = ()
    hours_min: float | None = None
    hours_max: float | None = None
    hours_is_constraint: bool = False
    max_commute_km: float | None = None
    commute_is_constraint: bool = False
    contract_types: tuple[str, ...] = ()
    exclude_missing_licence: bool = False
    willing_to_relocate: bool = False
    remote_ok: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile(WorkPreferences):
    """What the person told their specialist they want (`WorkPreferences`) and can do.

    Attributes:
        id: Participant id (UUID string).
        language: The language the person writes in.
        home: Where the person travels from, None when not stated.
        skills: Skills the person has, normalised to ESCO where possible.
        licences: Licences and certificates the person holds.
        benefit_hours_threshold: Weekly hours above which a flag reminds to check the benefits
            plan; never a score input.
        disclosure: The disclosure plan.
        travel_area_km: The programme's (or unit's) default travel area in km, used where the
            person stated no ``max_commute_km``; None for none (distance then stays neutral).
    """

    id: str
    language: Language = "en"
    home: Place | None = None
    skills: tuple[Concept, ...] = ()
    licences: tuple[str, ...] = ()
    benefit_hours_threshold: float | None = None
    disclosure: Disclosure = field(default_factory=Disclosure)
    travel_area_km: float | None = None


@dataclass(frozen=True, slots=True)
class Opening:
    """A rankable item: an opening, or a network employer without one.

    Employer leads (``kind="employer"``) use the same shape so both kinds are ranked in one
    vectorised pass: ``id`` is then the employer id, ``title`` names the employer, ``occupation``
    is the occupation the employer most often hires for (learned needs) and hours are unknown.

    Attributes:
        id: Opening id, or employer id for employer leads (UUID string).
        employer_id: The employer's id.
        employer_name: Shown in the lead.
        kind: "opening" or "employer".
        title: Title as advertised (any language).
        occupation: ESCO occupation of the opening, normalised when saved.
        sector: NACE code of the employer.
        stage: The employer's relationship stage with the programme.
        hours_min: Minimum weekly hours, None when unknown.
        hours_max: Maximum weekly hours, None when unknown.
        contract_type: One of CONTRACT_TYPES, "" when unknown.
        place: Where the work is, None when unknown.
        essential_skills: Essential ESCO skills for the work.
        required_licences: Licences the work needs.
        application_route: How a person applies; "via_specialist" needs employer contact.
        employer_do_not_contact: The employer asked not to be approached by the programme.
        language: Language of the advert.
        remote: The work is done remotely: no commute, and never "far" from home.
    """

    id: str
    employer_id: str
    employer_name: str = ""
    kind: LeadKind = "opening"
    title: str = ""
    occupation: Concept = Concept("")
    sector: str = ""
    stage: Stage = "prospect"
    hours_min: float | None = None
    hours_max: float | None = None
    contract_type: str = ""
    place: Place | None = None
    essential_skills: tuple[Concept, ...] = ()
    required_licences: tuple[str, ...] = ()
    application_route: ApplicationRoute = "either"
    employer_do_not_contact: bool = False
    language: Language = "en"
    remote: bool = False


@dataclass(frozen=True, slots=True)
class ScorePart:
    """One named, weighted part of a lead's score.

    Attributes:
        name: Part name, e.g. "preference" or "skills".
        weight: Its weight in [0, 1]; weights of a ranker sum to 1.
        value: The part's value in [0, 1] before weighting.
        contribution: weight * value; the contributions of a lead sum to its score.
        because: Which of the person's statements this part came from, in plain words.
        phrase: ``because`` as a phrase to translate (None: only the English text).
    """

    name: str
    weight: float
    value: float
    contribution: float
    because: str
    phrase: Phrase | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Flag:
    """A feasibility note shown to the specialist; flags never remove a lead (``phrase``: translatable)."""

    code: str
    message: str
    phrase: Phrase | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a lead is where it is.

    Attributes:
        parts: The score parts; their contributions add up to the score.
        matched_skills: The work's essential skills the person has.
        missing_skills: The work's essential skills the person lacks.
        flags: Feasibility notes (never a removal).
        disclosure_note: How to approach the lead within the disclosure plan.
        summary: One sentence a specialist can read aloud: where, how far, hours, contract, and
            the strongest reasons.
        summary_phrase, disclosure_phrase: Those two as phrases to translate (None: English only).
    """

    parts: tuple[ScorePart, ...]
    matched_skills: tuple[Concept, ...]
    missing_skills: tuple[Concept, ...]
    flags: tuple[Flag, ...]
    disclosure_note: str
    summary: str = ""
    summary_phrase: Phrase | None = field(default=None, compare=False)
    disclosure_phrase: Phrase | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Lead:
    """A suggestion for the specialist, with its explanation. Leads are suggestions only."""

    id: str
    kind: LeadKind
    employer_id: str
    employer_name: str
    title: str
    score: float
    rank: int
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class Removal:
    """A lead the person's own constraints removed, with the reason (for audit and the UI)."""

    id: str
    constraint: str
    reason: str
