"""Cross-entity join: employer and opening records -> rankable `matching.Opening` items."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TypedDict

from employers import EmployerRecord, OpeningRecord
from matching.linking.esco import EscoCatalog
from matching.types import LIVE_OPENING_STATUSES, Concept, Opening, Place, Stage


class _EmployerSide(TypedDict):
    """The fields a rankable item takes from its employer."""

    employer_id: str
    employer_name: str
    sector: str
    stage: Stage
    employer_do_not_contact: bool


def _employer_side(emp: EmployerRecord) -> _EmployerSide:
    """What every item of ``emp`` (its openings and its employer lead) says about the employer."""
    return _EmployerSide(
        employer_id=emp.id,
        employer_name=emp.name,
        sector=emp.sector_nace or "",
        stage=emp.stage,  # type: ignore[typeddict-item]
        employer_do_not_contact=emp.do_not_contact,
    )


def _place(lat: float | None, lon: float | None, city: str, country: str) -> Place | None:
    """A place when both coordinates are known, else None (``country``: ISO 3166 alpha-2 or "")."""
    return Place(lat, lon, city, country) if lat is not None and lon is not None else None


def opening_item(rec: OpeningRecord, emp: EmployerRecord, catalog: EscoCatalog) -> Opening:
    """An opening as the ranker sees it: essential skills are its occupation's plus those it names."""
    occupation = catalog.occupation(rec.occupation_uri, rec.occupation_label or rec.title)
    skills = catalog.essential_skills(rec.occupation_uri)
    known = {s.uri for s in skills}
    skills += tuple(catalog.skill(uri) for uri in dict.fromkeys(rec.essential_skills) if uri not in known)
    site = next((s for s in emp.sites if s.id == rec.site_id), None)
    country = (site.country if site else None) or emp.country or ""
    return Opening(
        id=rec.id,
        kind="opening",
        title=rec.title,
        occupation=occupation,
        hours_min=rec.hours_min,
        hours_max=rec.hours_max,
        contract_type=rec.contract_type,
        place=_place(rec.lat, rec.lon, rec.city, country),
        essential_skills=skills,
        required_licences=rec.required_licences,
        application_route=rec.application_route,  # type: ignore[arg-type]
        language=rec.language,  # type: ignore[arg-type]
        remote=rec.remote,
        **_employer_side(emp),
    )


def employer_item(emp: EmployerRecord, catalog: EscoCatalog) -> Opening:
    """A network employer without an opening, described by what it is known to hire for."""
    uri = emp.hiring_occupations[0] if emp.hiring_occupations else ""
    site = next((s for s in emp.sites if s.lat is not None and s.lon is not None), None)
    return Opening(
        id=emp.id,
        kind="employer",
        title=emp.name,
        occupation=catalog.occupation(uri) if uri else Concept(""),
        place=_place(site.lat, site.lon, site.city, site.country or emp.country or "") if site else None,
        essential_skills=catalog.essential_skills(uri) if uri else (),
        application_route="via_specialist",
        **_employer_side(emp),
    )


def employer_text(emp: EmployerRecord, catalog: EscoCatalog) -> str:
    """What an employer lead is embedded as: the work it hires for, else its sector and needs."""
    hires = [catalog.occupation(u).label for u in emp.hiring_occupations]
    return "; ".join(hires) or ", ".join(x for x in (emp.sector_label, emp.needs_learned) if x) or emp.name


def is_live(rec: OpeningRecord, now: datetime) -> bool:
    """The store's rule for openings that can still become a job (see OpeningStore.list_live)."""
    return rec.status in LIVE_OPENING_STATUSES and (rec.closes_at is None or rec.closes_at >= now)


def employer_items(
    emp: EmployerRecord, live: Sequence[OpeningRecord], catalog: EscoCatalog
) -> tuple[list[Opening], list[str]]:
    """One employer's rankable items: its live openings, or the employer itself when it has none."""
    if live:
        return [opening_item(rec, emp, catalog) for rec in live], [rec.title for rec in live]
    return [employer_item(emp, catalog)], [employer_text(emp, catalog)]


def build_items(
    openings: Sequence[OpeningRecord], employers: Iterable[EmployerRecord], catalog: EscoCatalog
) -> tuple[list[Opening], list[str]]:
    """All rankable items and the text each is embedded as.

    Openings whose employer is gone are skipped. Employers with a live opening are represented by
    their openings; only employers without one become employer leads.
    """
    by_employer: dict[str, list[OpeningRecord]] = {}
    for rec in openings:
        by_employer.setdefault(rec.employer_id, []).append(rec)
    items: list[Opening] = []
    texts: list[str] = []
    employers = list(employers)
    for emp in employers:  # openings first, in store order, as before
        for rec in by_employer.get(emp.id, ()):
            items.append(opening_item(rec, emp, catalog))
            texts.append(rec.title)
    for emp in employers:
        if emp.id not in by_employer:
            items.append(employer_item(emp, catalog))
            texts.append(employer_text(emp, catalog))
    return items, texts
