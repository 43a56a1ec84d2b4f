"""English labels for the codes that appear in explanations, marked ``N_`` for the translators.

Sentences name sectors, contracts, stages and licences by these labels, never by their codes; a
sentence's phrase carries the label as a phrase of its own (`matching.phrase`), so a page says it
in its language.
"""

from __future__ import annotations

from collections.abc import Mapping

from matching.phrase import N_

#: NACE Rev. 2 sections, by letter (a code such as "I56" is labelled by its section, "I").
NACE_SECTIONS: Mapping[str, str] = {
    "A": N_("agriculture, forestry and fishing"),
    "B": N_("mining and quarrying"),
    "C": N_("manufacturing"),
    "D": N_("electricity and gas supply"),
    "E": N_("water supply and waste management"),
    "F": N_("construction"),
    "G": N_("wholesale and retail trade"),
    "H": N_("transport and storage"),
    "I": N_("accommodation and food service"),
    "J": N_("information and communication"),
    "K": N_("finance and insurance"),
    "L": N_("real estate"),
    "M": N_("professional, scientific and technical work"),
    "N": N_("administrative and support services"),
    "O": N_("public administration"),
    "P": N_("education"),
    "Q": N_("health and social work"),
    "R": N_("arts, entertainment and recreation"),
    "S": N_("other services"),
    "T": N_("households as employers"),
    "U": N_("extraterritorial organisations"),
}

CONTRACT_LABELS: Mapping[str, str] = {
    "permanent": N_("permanent"),
    "fixed_term": N_("fixed-term"),
    "temporary": N_("temporary"),
    "seasonal": N_("seasonal"),
    "apprenticeship": N_("apprenticeship"),
}

STAGE_LABELS: Mapping[str, str] = {
    "prospect": N_("prospective employer"),
    "introduced": N_("introduced employer"),
    "learning": N_("employer the programme is getting to know"),
    "partnered": N_("partnered employer"),
    "hired_from_us": N_("employer that has hired from the programme"),
    "dormant": N_("dormant employer"),
}

DISCLOSURE_LABELS: Mapping[str, str] = {
    "none": N_("nothing disclosed"),
    "service_only": N_("only that they get support"),
    "partial": N_("partial"),
    "full": N_("full"),
}

LICENCE_LABELS: Mapping[str, str] = {
    "driving_b": N_("car driving licence"),
    "driving_c": N_("lorry driving licence"),
    "forklift": N_("forklift licence"),
    "food_hygiene": N_("food hygiene certificate"),
    "security": N_("security licence"),
    "first_aid": N_("first aid certificate"),
}


def sector_label(code: str) -> str:
    """The NACE section name of ``code`` (e.g. "I56" -> "accommodation and food service")."""
    return NACE_SECTIONS.get(code[:1].upper(), N_("another sector")) if code else N_("unknown sector")


def label(labels: Mapping[str, str], code: str) -> str:
    """``labels[code]``, or the code with underscores as spaces when it has no label."""
    return labels.get(code, code.replace("_", " "))


def joined(labels: Mapping[str, str], codes: tuple[str, ...]) -> str:
    """Labels of ``codes`` joined with commas (sectors: pass NACE_SECTIONS via `sector_label`)."""
    return ", ".join(label(labels, c) for c in codes)
