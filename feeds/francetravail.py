"""France Travail "Offres d'emploi" v2 (``/offres/search`` pages and single ``/offres/{id}``).

Fields as France Travail publishes them: ``id``, ``intitule``, ``description``, ``dateCreation``,
``dateActualisation``, ``lieuTravail`` (``libelle`` "75 - Paris 11e", ``latitude``, ``longitude``,
``codePostal``, ``commune``), ``romeCode``/``romeLibelle``/``appellationlibelle``, ``entreprise``
(``nom``, ``siret``), ``typeContrat`` (CDI, CDD, MIS, SAI, ...), ``dureeTravailLibelle``
("35H Horaires normaux"), ``dureeTravailLibelleConverti`` (Temps plein/partiel), ``salaire.libelle``
("Mensuel de 1900.00 Euros à 2100.00 Euros sur 12 mois", "Horaire de 12.02 Euros"),
``contact.urlPostulation``/``courriel`` and ``origineOffre.urlOrigine``. The board has no removed
flag: an offer is gone when a full listing no longer has it (pull with ``--snapshot``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from feeds.ad import FeedAd
from feeds.adapter import Adapter, list_under
from feeds.normal import (
    coded,
    coordinate,
    dig,
    hourly,
    hours_in_text,
    moment,
    number,
    plain,
    registry,
    required,
    text,
)

ZONE = "Europe/Paris"
#: The legal working week, which monthly and yearly pay are spread over when hours are not stated.
LEGAL_WEEK_HOURS = 35.0
CONTRACTS = {
    "CDI": "permanent",
    "CDD": "fixed_term",
    "MIS": "temporary",  # mission d'intérim
    "SAI": "seasonal",
    "CCE": "permanent",  # profession commerciale
    "FRA": "permanent",  # franchise
    "LIB": "",  # profession libérale: not an employment contract
    "TTI": "temporary",
    "DDI": "fixed_term",  # CDD d'insertion
    "DIN": "permanent",  # CDI intérimaire
}
SCOPES = {"temps plein": "full_time", "temps partiel": "part_time"}
_PERIODS = {"horaire": "hour", "mensuel": "month", "annuel": "year", "hebdomadaire": "week"}
_WAGE = re.compile(r"^(horaire|mensuel|annuel|hebdomadaire)\s+de\s+([\d\s]+(?:[.,]\d+)?)", re.I)
#: "75 - Paris 11e" -> "Paris 11e"; "69 - LYON 03" -> "LYON 03".
_PLACE = re.compile(
    r"^\s*(?:\d[\dAB]?\s*-\s*)?(.*)$", re.DOTALL
)  # DOTALL: a label with a line break still matches


def parse_ad(raw: Mapping[str, Any]) -> FeedAd:
    """One offer of a search page (``resultats``) or a single offer."""
    place = raw.get("lieuTravail") or {}
    lat, lon = coordinate(place.get("latitude"), place.get("longitude"))
    hours = hours_in_text(text(raw.get("dureeTravailLibelle")))
    siren, siren_kind = registry(dig(raw, "entreprise.siret"), "siren")
    scope = SCOPES.get(text(raw.get("dureeTravailLibelleConverti")).casefold(), "")
    if hours is None and scope == "full_time":
        hours = LEGAL_WEEK_HOURS
    return FeedAd(
        source="francetravail",
        ad_id=required(raw, "id"),
        title=required(raw, "intitule"),
        description=plain(raw.get("description")),
        language="fr",
        employer_name=text(dig(raw, "entreprise.nom")),
        registry_number=siren,
        registry_kind=siren_kind,
        city=_PLACE.match(text(place.get("libelle"))).group(1).strip(),  # type: ignore[union-attr]
        country="FR",
        lat=lat,
        lon=lon,
        hours_min=hours,
        hours_max=hours,
        scope=scope,
        contract_type=CONTRACTS.get(text(raw.get("typeContrat")).upper(), ""),
        posted_at=moment(raw.get("dateCreation"), "dateCreation", zone=ZONE),
        wage_hourly=_wage(text(dig(raw, "salaire.libelle")), hours or LEGAL_WEEK_HOURS),
        currency="EUR" if dig(raw, "salaire.libelle") else None,
        url=text(dig(raw, "origineOffre.urlOrigine"))
        or f"https://candidat.francetravail.fr/offres/recherche/detail/{required(raw, 'id')}",
        how_to_apply=text(dig(raw, "contact.urlPostulation")) or text(dig(raw, "contact.courriel")),
        occupation_code=coded("rome", raw.get("romeCode")),
        occupation_label=text(raw.get("appellationlibelle")) or text(raw.get("romeLibelle")),
        updated_at=moment(raw.get("dateActualisation"), "dateActualisation", zone=ZONE),
    )


def _wage(label: str, hours_per_week: float) -> float | None:
    """The lowest wage of ``salaire.libelle`` per hour; None when the label has no amount."""
    found = _WAGE.match(label)
    if not found:
        return None
    amount = number(re.sub(r"\s", "", found.group(2)), "salaire.libelle")
    return hourly(amount, _PERIODS[found.group(1).casefold()], hours_per_week)


ADAPTER = Adapter(source="francetravail", items=list_under("resultats"), parse_one=parse_ad)
