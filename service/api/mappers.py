"""Records and leads -> response models."""

from __future__ import annotations

from dataclasses import asdict

from employers import EmployerRecord, OpeningRecord
from matching.types import Lead
from participants import LeadRecord, ParticipantRecord
from service.api.schemas import core as schemas


def participant_out(rec: ParticipantRecord) -> schemas.ParticipantOut:
    """A participant for the API."""
    return schemas.ParticipantOut(
        id=rec.id,
        unit_id=rec.unit_id,
        specialist_id=rec.specialist_id,
        display_name=rec.display_name,
        language=rec.language,
        status=rec.status,
        home_city=rec.home_city,
        licences=list(rec.licences),
        preferences=asdict(rec.preferences),
        skills=[schemas.ConceptOut(**asdict(s)) for s in rec.skills],
        disclosure=asdict(rec.disclosure),
        benefits=asdict(rec.benefits),
        created_at=rec.created_at,
    )


def employer_out(rec: EmployerRecord) -> schemas.EmployerOut:
    """An employer for the API."""
    values = {k: v for k, v in asdict(rec).items() if k in schemas.EmployerOut.model_fields}
    values["sites"] = [
        schemas.SiteOut(**{k: getattr(s, k) for k in schemas.SiteOut.model_fields}) for s in rec.sites
    ]
    return schemas.EmployerOut(**values)


def opening_out(rec: OpeningRecord) -> schemas.OpeningOut:
    """An opening for the API."""
    return schemas.OpeningOut(**{k: getattr(rec, k) for k in schemas.OpeningOut.model_fields})


def recorded_lead_out(rec: LeadRecord) -> schemas.RecordedLeadOut:
    """A recorded lead for the API."""
    values = asdict(rec)
    values["lead_id"] = values.pop("id")
    return schemas.RecordedLeadOut(**values)


def lead_out(lead: Lead, lead_id: str | None = None) -> schemas.LeadOut:
    """A lead with its explanation for the API (floats rounded to 4 decimals)."""
    ex = lead.explanation
    return schemas.LeadOut(
        lead_id=lead_id,
        id=lead.id,
        kind=lead.kind,
        rank=lead.rank,
        score=round(lead.score, 4),
        title=lead.title,
        employer_id=lead.employer_id,
        employer_name=lead.employer_name,
        explanation=schemas.ExplanationOut(
            parts=[
                schemas.ScorePartOut(
                    name=p.name,
                    weight=round(p.weight, 4),
                    value=round(p.value, 4),
                    contribution=round(p.contribution, 4),
                    because=p.because,
                )
                for p in ex.parts
            ],
            matched_skills=[schemas.ConceptOut(**asdict(c)) for c in ex.matched_skills],
            missing_skills=[schemas.ConceptOut(**asdict(c)) for c in ex.missing_skills],
            flags=[schemas.FlagOut(code=f.code, message=f.message) for f in ex.flags],
            disclosure_note=ex.disclosure_note,
        ),
    )
