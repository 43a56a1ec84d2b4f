"""The participant's preferences form: goals, occupations, hours, travel limit, sectors liked and refused.

Shown filled with the stated preferences (`profile_fields`); posted back, `profile_values` turns the
fields into the ``preferences`` of a participant update (the keys given only: the store keeps the
others). Occupations are typed as labels, comma-separated; unchanged ones keep their ESCO links,
changed ones are linked again by the use case. Sectors are NACE codes ("I56", or a section "I").
Hours are per week, the travel limit in km from home.
"""

from __future__ import annotations

from typing import Any

from participants import ParticipantRecord
from service.web.forms import FORM, NACE_CODE, NOTHING_SENT, Posted
from service.web.labels import N_

PROFILE_FIELDS = (
    *("goals", "occupations", "hours_min", "hours_max", "hours_is_constraint"),
    *("max_commute_km", "commute_is_constraint", "liked_sectors", "refused_sectors"),
)
NOT_A_SECTOR = N_("Please give NACE codes such as I56 or F, separated by commas.")
_HOURS = 80.0
_KM = 1000.0


def profile_fields(person: ParticipantRecord) -> dict[str, list[str]]:
    """The form's fields as first shown: the person's stated preferences as text."""
    prefs = person.preferences
    fields = {
        "goals": prefs.goals,
        "occupations": _joined(c.label for c in prefs.preferred_occupations),
        "hours_min": _number(prefs.hours_min),
        "hours_max": _number(prefs.hours_max),
        "max_commute_km": _number(prefs.max_commute_km),
        "liked_sectors": _joined(prefs.liked_sectors),
        "refused_sectors": _joined(prefs.refused_sectors),
    }
    out = {k: [v] for k, v in fields.items()}
    for name in ("hours_is_constraint", "commute_is_constraint"):
        if getattr(prefs, name):
            out[name] = ["on"]
    return out


def profile_values(form: Posted, person: ParticipantRecord) -> dict[str, Any]:
    """``{"preferences": {...}}`` for `update_participant`; failures noted on ``form``."""
    if not form.given("goals"):
        form.fail(FORM, NOTHING_SENT)
    prefs: dict[str, Any] = {
        "goals": form.text("goals", max_length=2000),
        "hours_min": form.number("hours_min", low=0, high=_HOURS),
        "hours_max": form.number("hours_max", low=0, high=_HOURS),
        "hours_is_constraint": form.given("hours_is_constraint"),
        "max_commute_km": form.number("max_commute_km", low=0.1, high=_KM),
        "commute_is_constraint": form.given("commute_is_constraint"),
        "liked_sectors": _sectors(form, "liked_sectors"),
        "refused_sectors": _sectors(form, "refused_sectors"),
    }
    typed = form.text("occupations", max_length=2000)
    if typed != _joined(c.label for c in person.preferences.preferred_occupations):
        prefs["preferred_occupations"] = [{"label": label} for label in _split(typed)]
    return {"preferences": prefs}


def _sectors(form: Posted, name: str) -> list[str]:
    codes = [code.upper() for code in _split(form.text(name, max_length=500))]
    if any(not NACE_CODE.match(code) for code in codes):
        form.fail(name, NOT_A_SECTOR)
    return list(dict.fromkeys(codes))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _joined(parts: Any) -> str:
    return ", ".join(parts)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
