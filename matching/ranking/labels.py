"""English labels for the codes that appear in explanations (translations come via gettext later).

Sentences name sectors, contracts, stages and licences by these labels, never by their codes.
"""

from __future__ import annotations

from collections.abc import Mapping

#: NACE Rev. 2 sections, by letter (a code such as "I56" is labelled by its section, "I").
NACE_SECTIONS: Mapping[str, str] = {
    "A": "agriculture, forestry and fishing",
    "B": "mining and quarrying",
    "C": "manufacturing",
    "D": "electricity and gas supply",
    "E": "water supply and waste management",
    "F": "construction",
    "G": "wholesale and retail trade",
    "H": "transport and storage",
    "I": "accommodation and food service",
    "J": "information and communication",
    "K": "finance and insurance",
    "L": "real estate",
    "M": "professional, scientific and technical work",
    "N": "administrative and support services",
    "O": "public administration",
    "P": "education",
    "Q": "health and social work",
    "R": "arts, entertainment and recreation",
    "S": "other services",
    "T": "households as employers",
    "U": "extraterritorial organisations",
}

CONTRACT_LABELS: Mapping[str, str] = {
    "permanent": "permanent",
    "fixed_term": "fixed-term",
    "temporary": "temporary",
    "seasonal": "seasonal",
    "apprenticeship": "apprenticeship",
}

STAGE_LABELS: Mapping[str, str] = {
    "prospect": "prospective employer",
    "introduced": "introduced employer",
    "learning": "employer the programme is getting to know",
    "partnered": "partnered employer",
    "hired_from_us": "employer that has hired from the programme",
    "dormant": "dormant employer",
}

DISCLOSURE_LABELS: Mapping[str, str] = {
    "none": "nothing disclosed",
    "service_only": "only that they get support",
    "partial": "partial",
    "full": "full",
}

LICENCE_LABELS: Mapping[str, str] = {
    "driving_b": "car driving licence",
    "driving_c": "lorry driving licence",
    "forklift": "forklift licence",
    "food_hygiene": "food hygiene certificate",
    "security": "security licence",
    "first_aid": "first aid certificate",
}


def sector_label(code: str) -> str:
    """The NACE section name of ``code`` (e.g. "I56" -> "accommodation and food service")."""
    return NACE_SECTIONS.get(code[:1].upper(), "another sector") if code else "unknown sector"


def label(labels: Mapping[str, str], code: str) -> str:
    """``labels[code]``, or the code with underscores as spaces when it has no label."""
    return labels.get(code, code.replace("_", " "))


def joined(labels: Mapping[str, str], codes: tuple[str, ...]) -> str:
    """Labels of ``codes`` joined with commas (sectors: pass NACE_SECTIONS via `sector_label`)."""
    return ", ".join(label(labels, c) for c in codes)
