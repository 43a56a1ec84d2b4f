"""Column headers in sv, da, fr and en recognised as the importer's fields.

A team's own spreadsheet says ``Namn;Orgnr;Ort;Telefon`` or ``Nom;SIRET;Ville;Téléphone``; the
import's fields are ``name``, ``registry_number``, ... Headers are compared in a folded form
(`header_key`: lower case, accents and punctuation dropped), so ``Organisations-nummer`` and
``organisationsnummer`` are one header. A header that names a registry (``CVR``, ``SIREN``) also
says the number's kind, which the row then gets unless it names a kind itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from employers.io_specs import COLUMNS

#: field -> headers that mean it (any language; folded by `header_key` before use).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "namn", "navn", "nom", "company", "company name", "företag", "företagsnamn",
             "arbetsgivare", "firma", "firmanavn", "virksomhed", "arbejdsgiver", "entreprise",
             "raison sociale", "employeur", "employer"),
    "full_name": ("full name", "name", "namn", "navn", "nom", "nom complet", "kontaktperson",
                  "person", "contact"),
    "registry_number": ("registry number", "company number", "company registration number", "crn",
                        "orgnr", "org nr", "organisationsnummer", "cvr", "cvr nr", "cvr nummer",
                        "siren", "siret", "numéro siren", "numéro siret", "n° siren", "n° siret"),
    "registry_kind": ("registry kind", "registry type", "registertyp", "registertype"),
    "country": ("country", "land", "pays", "landekode", "landskod", "country code"),
    "city": ("city", "town", "ort", "stad", "postort", "by", "ville", "commune"),
    "phone": ("phone", "telephone", "tel", "telefon", "telefonnummer", "tlf", "téléphone",
              "portable", "mobil", "mobile"),
    "email": ("email", "e-mail", "mail", "e-post", "epost", "courriel", "adresse e-mail"),
    "website": ("website", "web", "url", "webbplats", "hemsida", "webbadress", "hjemmeside",
                "site web", "site internet"),
    "sector_label": ("sector", "industry", "bransch", "branche", "secteur", "secteur d'activité"),
    "sector_nace": ("nace", "sni", "sni kod", "db07", "code naf", "naf", "ape", "code ape"),
    "owner": ("owner", "ansvarig", "ansvarlig", "responsable", "kontaktansvarig"),
    "stage": ("stage", "status", "fas", "stadie", "étape", "relation"),
    "title": ("title", "job title", "titel", "befattning", "tjänst", "stilling", "stillingsbetegnelse",
              "titre", "poste", "intitulé du poste"),
    "external_id": ("external id", "extern id", "eksternt id", "identifiant externe"),
    "notes": ("notes", "anteckningar", "noter", "bemærkninger", "remarques"),
    "aliases": ("aliases", "alias", "andra namn", "andre navne", "autres noms"),
    "size_band": ("size", "size band", "storlek", "størrelse", "taille", "effectif"),
    "description": ("description", "beskrivning", "beskrivelse"),
}  # fmt: skip
#: Headers that name a registry, folded -> the registry kind (`employers.models.REGISTRY_KINDS`).
REGISTRY_KINDS_BY_HEADER = {
    "orgnr": "org_nr", "organisationsnummer": "org_nr", "cvr": "cvr", "cvrnr": "cvr",
    "cvrnummer": "cvr", "siren": "siren", "siret": "siren", "numerosiren": "siren",
    "numerosiret": "siren", "nsiren": "siren", "nsiret": "siren",
    "companynumber": "companies_house", "crn": "companies_house",
    "companyregistrationnumber": "companies_house",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Guess:
    """A header read as a field; ``registry_kind`` when the header names the registry."""

    field: str
    registry_kind: str | None = None


def header_key(header: str) -> str:
    """``header`` folded: lower case, accents and everything but letters and digits dropped."""
    plain = unicodedata.normalize("NFKD", header.casefold().replace("ø", "o").replace("æ", "ae"))
    return re.sub(r"[^0-9a-z]", "", "".join(c for c in plain if not unicodedata.combining(c)))


def _index() -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for field, names in SYNONYMS.items():
        for name in (field, *names):
            by_key.setdefault(header_key(name), []).append(field)
    return by_key


#: folded header -> the fields it may name, in table order (an entity takes the first it has).
_BY_KEY = _index()


def recognise(entity: str, header: str) -> Guess | None:
    """The field of ``entity`` a header names (an exact field name first), or None."""
    if header in COLUMNS[entity]:
        return Guess(header, REGISTRY_KINDS_BY_HEADER.get(header_key(header)))
    key = header_key(header)
    for name in _BY_KEY.get(key, ()):
        if name in COLUMNS[entity]:
            return Guess(name, REGISTRY_KINDS_BY_HEADER.get(key) if name == "registry_number" else None)
    return None


def recognise_all(entity: str, headers: Iterable[str]) -> dict[str, str]:
    """Each header -> its field ("" to ignore); a field claimed twice goes to the first."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for header in headers:
        guess = recognise(entity, header)
        field = guess.field if guess is not None and guess.field not in taken else ""
        taken.add(field)
        out[header] = field
    return out


def shape_key(headers: Iterable[str]) -> str:
    """A file's shape: the SHA-256 of its sorted folded headers (order and spelling aside)."""
    folded = sorted(header_key(h) for h in headers)
    return hashlib.sha256(json.dumps(folded).encode()).hexdigest()
