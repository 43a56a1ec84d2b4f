"""Card facts: what a lead card says about the job, joined from opening and employer records.

A cross-entity join (lead -> opening -> employer -> site), so it lives here and not in
`matching`. Also merges true duplicates (the same opening posted twice) after ranking, and tells
apart leads that would otherwise print the same line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import numpy as np

from employers import EmployerRecord, EmployerStore, OpeningRecord, OpeningStore
from feeds import SOURCE_LABELS
from matching.phrase import N_, Phrase, say
from matching.ranking.geo import haversine_km
from matching.ranking.labels import CONTRACT_LABELS, STAGE_LABELS, label, sector_label
from matching.types import Lead, Place

#: How a person applies, in words for the card (marked for the pages' translations).
HOW_TO_APPLY = {
    "self_apply": N_("the person applies themselves"),
    "via_specialist": N_("through the specialist"),
    "either": N_("the person applies themselves or through the specialist"),
}


@dataclass(frozen=True, slots=True)
class CardFacts:
    """What a lead card shows about the job (codes with their English labels).

    Attributes:
        line: The card's heading, "title · employer", with site or city, hours and closing date
            added when another lead in the list would print the same line.
        site: Site name, "" when unknown.
        city: City of the work, "" when unknown.
        country: ISO 3166 alpha-2 country, "" when unknown.
        distance_km: Great-circle km from the person's home, None when either place is unknown.
        remote: The work is done remotely.
        hours_min: Minimum weekly hours, None when unknown.
        hours_max: Maximum weekly hours, None when unknown.
        wage_hourly: Hourly wage, None when unknown.
        currency: ISO 4217 code of the wage, "" when unknown.
        contract_type: Contract code ("" when unknown); ``contract_label`` in words.
        closes_at: Closing date for applications, None when open-ended or for employer leads.
        application_route: ``self_apply``, ``via_specialist`` or ``either``; ``how_to_apply`` in words,
            ``how_to_apply_phrase`` the same words to translate (None: the English only).
        stage: The employer's relationship stage; ``stage_label`` in words.
        sector: The employer's NACE code; ``sector_label`` in words.
        also_posted: Ids of the same opening posted again, merged into this lead.
        ad_source: The job board the opening was pulled from, in words ("" when the team entered it).
        ad_url: The advert's page on that board ("" when none); how to apply adds the board's route.
    """

    line: str
    site: str = ""
    city: str = ""
    country: str = ""
    distance_km: float | None = None
    remote: bool = False
    hours_min: float | None = None
    hours_max: float | None = None
    wage_hourly: float | None = None
    currency: str = ""
    contract_type: str = ""
    contract_label: str = ""
    closes_at: datetime | None = None
    application_route: str = "either"
    how_to_apply: str = HOW_TO_APPLY["either"]
    how_to_apply_phrase: Phrase | None = None
    stage: str = "prospect"
    stage_label: str = STAGE_LABELS["prospect"]
    sector: str = ""
    sector_label: str = ""
    also_posted: tuple[str, ...] = ()
    ad_source: str = ""
    ad_url: str = ""


def card_facts(cur: Any, leads: Sequence[Lead], home: Place | None) -> list[CardFacts]:
    """The card facts of each lead, in order (read from the CRM stores on cursor ``cur``).

    One read of the employers and one of the openings for all the leads: a read per lead (two
    table scans each) cost ~60 ms of a leads request at 100k openings.
    """
    employers = {
        e.id: e for e in EmployerStore(cur).get_many(employer_ids=[lead.employer_id for lead in leads])
    }
    wanted = [lead.id for lead in leads if lead.kind == "opening"]
    openings = {r.id: r for r in OpeningStore(cur).get_many(wanted)}
    cards = [
        _card(
            lead,
            openings.get(lead.id) if lead.kind == "opening" else None,
            employers.get(lead.employer_id),
            home,
        )
        for lead in leads
    ]
    return _told_apart(leads, cards)


def merge_duplicates(
    leads: Sequence[Lead], cards: Sequence[CardFacts], n: int
) -> list[tuple[Lead, CardFacts]]:
    """The first ``n`` distinct leads: a repeat of an opening is folded into its better-ranked copy.

    Two openings are the same when they have the same employer, normalised title, site (else
    city), hours and contract. Ranks are renumbered 1, 2, ... after merging.
    """
    kept: list[tuple[Lead, CardFacts]] = []
    first_of: dict[tuple[Any, ...], int] = {}
    for lead, card in zip(leads, cards, strict=True):
        key = _duplicate_key(lead, card)
        if key is not None and key in first_of:
            i = first_of[key]
            kept[i] = (kept[i][0], replace(kept[i][1], also_posted=(*kept[i][1].also_posted, lead.id)))
            continue
        if key is not None:
            first_of[key] = len(kept)
        kept.append((lead, card))
    return [(replace(lead, rank=i + 1), card) for i, (lead, card) in enumerate(kept[:n])]


def normalised_title(title: str) -> str:
    """A title folded for comparison: lower case, punctuation and repeated spaces removed."""
    return " ".join(re.sub(r"[^\w]+", " ", title.casefold()).split())


def _duplicate_key(lead: Lead, card: CardFacts) -> tuple[Any, ...] | None:
    if lead.kind != "opening":
        return None
    where = card.site or card.city
    return (
        lead.employer_id,
        normalised_title(lead.title),
        where,
        card.hours_min,
        card.hours_max,
        card.contract_type,
    )


def _card(lead: Lead, rec: OpeningRecord | None, emp: EmployerRecord | None, home: Place | None) -> CardFacts:
    site = _site(rec, emp)
    lat, lon = (rec.lat, rec.lon) if rec is not None else (site.lat, site.lon) if site else (None, None)
    route = rec.application_route if rec is not None else "via_specialist"
    stage = emp.stage if emp is not None else "prospect"
    sector = (emp.sector_nace or "") if emp is not None else ""
    contract = rec.contract_type if rec is not None else ""
    card = CardFacts(
        line=f"{lead.title} · {lead.employer_name}" if lead.kind == "opening" else lead.employer_name,
        site=site.name if site else "",
        city=(rec.city if rec is not None and rec.city else "") or (site.city if site else ""),
        country=(site.country if site else None) or (emp.country if emp is not None else None) or "",
        distance_km=_km(home, lat, lon) if not (rec is not None and rec.remote) else None,
        remote=rec.remote if rec is not None else False,
        hours_min=rec.hours_min if rec is not None else None,
        hours_max=rec.hours_max if rec is not None else None,
        wage_hourly=rec.wage_hourly if rec is not None else None,
        currency=(rec.currency or "") if rec is not None else "",
        contract_type=contract,
        contract_label=label(CONTRACT_LABELS, contract) if contract else "",
        closes_at=rec.closes_at if rec is not None else None,
        application_route=route,
        how_to_apply=HOW_TO_APPLY.get(route, route),
        how_to_apply_phrase=say(HOW_TO_APPLY[route]) if route in HOW_TO_APPLY else None,
        stage=stage,
        stage_label=label(STAGE_LABELS, stage),
        sector=sector,
        sector_label=sector_label(sector) if sector else "",
    )
    return _advert(card, rec) if rec is not None and rec.feed_source else card


def _advert(card: CardFacts, rec: OpeningRecord) -> CardFacts:
    """A pulled opening's card: where the ad came from, its page, and the board's way to apply."""
    source = rec.feed_source or ""
    how = f"{card.how_to_apply}: {rec.feed_apply}" if rec.feed_apply else card.how_to_apply
    said = card.how_to_apply_phrase
    if rec.feed_apply:  # the board's words (an address, a phone number) stay as the advert gave them
        said = say("%(how)s: %(board)s", how=said or card.how_to_apply, board=rec.feed_apply)
    return replace(
        card,
        ad_source=SOURCE_LABELS.get(source, source),
        ad_url=rec.feed_url or "",
        how_to_apply=how,
        how_to_apply_phrase=said,
    )


def _told_apart(leads: Sequence[Lead], cards: list[CardFacts]) -> list[CardFacts]:
    """Add site or city, hours and closing date to lines that two or more leads share."""
    counts: dict[str, int] = {}
    for card in cards:
        counts[card.line] = counts.get(card.line, 0) + 1
    return [replace(c, line=f"{c.line} · {_details(c)}") if counts[c.line] > 1 else c for c in cards]


def _details(card: CardFacts) -> str:
    parts = [card.site or card.city or "place unknown"]
    if card.hours_min is not None or card.hours_max is not None:
        lo, hi = card.hours_min, card.hours_max
        parts.append(f"{_h(lo)}–{_h(hi)} h" if lo != hi else f"{_h(lo)} h")
    if card.closes_at is not None:
        parts.append(f"closes {card.closes_at:%d %b %Y}")
    return " · ".join(parts)


def _h(hours: float | None) -> str:
    return "?" if hours is None else f"{hours:g}"


def _site(rec: OpeningRecord | None, emp: EmployerRecord | None) -> Any:
    if emp is None:
        return None
    if rec is not None:
        return next((s for s in emp.sites if s.id == rec.site_id), None)
    return next((s for s in emp.sites if s.lat is not None and s.lon is not None), None)


def _km(home: Place | None, lat: float | None, lon: float | None) -> float | None:
    if home is None or lat is None or lon is None:
        return None
    return round(float(haversine_km(home.lat, home.lon, np.array([lat]), np.array([lon]))[0]), 1)
