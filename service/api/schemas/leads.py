"""Leads: the request, ranked and explained leads, feedback and the leads recorded before."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from pydantic import BaseModel, Field

from matching.types import LEAD_KINDS, ApplicationRoute, Explanation, Lead, LeadKind
from participants import Feedback, LeadRecord
from service.api.schemas.common import ConceptOut, Items, Out, SafeText, Strict, strict_with_examples
from service.usecases.leads import ServedLead, ServedLeads

LeadKindIn = LeadKind
_ALL_KINDS = LEAD_KINDS
#: The store's feedback values (`participants.FEEDBACK`), so the two cannot drift apart.
FeedbackIn_ = Feedback


class LeadsRequest(Strict):
    """Ask for leads for one participant."""

    model_config = strict_with_examples({"n": 10, "kinds": ["opening", "employer"]})

    n: int = Field(10, ge=1, le=1000, description="How many leads")
    kinds: list[LeadKindIn] = Field(default_factory=lambda: list(_ALL_KINDS), min_length=1)
    exclude: list[SafeText] = Field(
        default_factory=list, max_length=1000, description="Ids not to suggest again"
    )
    reuse: bool = Field(
        False,
        description="Show the newest recorded lead set again (or the overnight batch's) when nothing it was "
        "ranked from changed and it is younger than IPSMATCH_LEAD_SET_HOURS; default: rank and record anew",
    )


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
    summary: str = Field(
        "", description="One sentence to read aloud: where, how far, hours, contract, reasons"
    )

    @classmethod
    def from_explanation(cls, ex: Explanation) -> ExplanationOut:
        """An explanation for the API (floats rounded to 4 decimals)."""
        parts = [
            ScorePartOut(
                name=p.name,
                weight=round(p.weight, 4),
                value=round(p.value, 4),
                contribution=round(p.contribution, 4),
                because=p.because,
            )
            for p in ex.parts
        ]
        return cls(
            parts=parts,
            matched_skills=[ConceptOut(**asdict(c)) for c in ex.matched_skills],
            missing_skills=[ConceptOut(**asdict(c)) for c in ex.missing_skills],
            flags=[FlagOut(code=f.code, message=f.message) for f in ex.flags],
            disclosure_note=ex.disclosure_note,
            summary=ex.summary,
        )


class CardOut(Out):
    """The job as the card shows it: where and how far, hours, wage, contract, closing, how to apply."""

    line: str = Field(
        description="Title · employer; with site/city, hours and closing date when two leads share it"
    )
    site: str
    city: str
    country: str
    distance_km: float | None = Field(description="Great-circle km from the person's home; null when unknown")
    remote: bool
    hours_min: float | None
    hours_max: float | None
    wage_hourly: float | None
    currency: str
    contract_type: str
    contract_label: str
    closes_at: datetime | None
    application_route: ApplicationRoute
    how_to_apply: str
    stage: str
    stage_label: str
    sector: str
    sector_label: str
    also_posted: list[str] = Field(description="Ids of the same opening posted again, merged into this lead")
    ad_source: str = Field("", description="The job board the opening was pulled from; empty when typed in")
    ad_url: str = Field("", description="The advert's page on that board; empty when none")


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
    card: CardOut | None = Field(None, description="The job as the card shows it")
    feedback: str | None = Field(None, description="The latest feedback on this lead")
    new: bool = Field(False, description="Not in the person's previous lead set")

    @classmethod
    def from_served(cls, served: ServedLead) -> LeadOut:
        """A served lead with its card facts and latest feedback."""
        out = cls.from_lead(served.lead, served.lead_id)
        card = CardOut.from_fields(served.card)
        return out.model_copy(update={"card": card, "feedback": served.feedback, "new": served.new})

    @classmethod
    def from_lead(cls, lead: Lead, lead_id: str | None = None) -> LeadOut:
        """A lead with its explanation (floats rounded to 4 decimals) and its recorded id."""
        return cls(
            lead_id=lead_id,
            id=lead.id,
            kind=lead.kind,
            rank=lead.rank,
            score=round(lead.score, 4),
            title=lead.title,
            employer_id=lead.employer_id,
            employer_name=lead.employer_name,
            explanation=ExplanationOut.from_explanation(lead.explanation),
        )


class LeadsResponse(Out):
    """Ranked, explained leads for one participant."""

    participant_id: str
    model_version: str
    generated_at: datetime
    leads: list[LeadOut]
    lead_set_id: str = Field("", description="The lead set these leads were recorded (or shown again) as")
    reused: bool = Field(False, description="Shown again from a recorded set instead of ranked anew")
    person_notes: list[str] = Field(
        default_factory=list, description="Notes true of the person, once per list"
    )
    removed_by_constraints: dict[str, int] = Field(
        description="How many items were left out, by reason: the person's own constraints, their disclosure "
        "plan, or an employer's request not to be contacted"
    )

    @classmethod
    def from_served(cls, served: ServedLeads) -> LeadsResponse:
        """The answer for leads just ranked and recorded."""
        return cls.from_fields(served, leads=[LeadOut.from_served(s) for s in served.leads])


class FeedbackIn(Strict):
    """What the specialist did with a lead; positive feedback later trains an optional re-ranker."""

    model_config = strict_with_examples(
        {"feedback": "pursued", "note": ""},
        {"feedback": "person_declined", "reason": "hours", "note": "wants mornings only"},
    )

    feedback: FeedbackIn_
    reason: str = Field(
        "",
        max_length=40,
        description="For not_relevant / person_declined / employer_declined: one of that status's "
        "reasons (GET /participants/{id}/leads/funnel lists them); 'other' needs a note",
    )
    note: SafeText = Field("", max_length=2000)


class RecordedLeadOut(Out):
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
    reason: str = Field("", description="The structured reason of the latest feedback ('' = none)")

    @classmethod
    def from_record(cls, rec: LeadRecord) -> RecordedLeadOut:
        """A recorded lead for the API (its id as ``lead_id``)."""
        return cls.from_fields(rec, lead_id=rec.id)


class RecordedLeads(Items[RecordedLeadOut]):
    """A participant's recorded leads, newest first."""
