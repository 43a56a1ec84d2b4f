"""The opening form's fields: a record shown as text, and posted text read back into store values.

Hours are per week, the wage per hour in the chosen currency; the closing date is a day (the
opening closes at the end of it, UTC). The place is typed; when it is one of the employer's
sites (or left blank), the opening is at that site and takes its coordinates (`place_of`). A
new opening is pre-filled in the unit's language, open, applied for either way, and with the
currency of the employer's country.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from employers import EmployerRecord, OpeningRecord
from matching.types import APPLICATION_ROUTES, CONTRACT_TYPES, LANGUAGES, OPENING_STATUSES
from service.web.forms import FORM, NOTHING_SENT, Posted

OPENING_FIELDS = (
    *("title", "language", "city", "hours_min", "hours_max", "contract_type", "wage_hourly"),
    *("currency", "closes_at", "application_route", "status", "description"),
)
CURRENCIES = ("SEK", "DKK", "EUR", "GBP", "NOK")
_CURRENCY_OF = {"SE": "SEK", "DK": "DKK", "FR": "EUR", "GB": "GBP", "NO": "NOK", "FI": "EUR", "DE": "EUR"}
_CLOSES = time(23, 59)
_HOURS = 80.0
_WAGE = 10_000.0


def new_opening_fields(employer: EmployerRecord, *, language: str) -> dict[str, list[str]]:
    """The create form's fields as first shown (an open opening, either way to apply)."""
    return {
        "language": [language if language in LANGUAGES else "en"],
        "status": ["open"],
        "application_route": ["either"],
        "currency": [_CURRENCY_OF.get(employer.country or "", "")],
        "city": [employer.sites[0].city if employer.sites else ""],
    }


def opening_fields(rec: OpeningRecord) -> dict[str, list[str]]:
    """The edit form's fields as first shown: the record's values as text."""
    texts = ("title", "language", "city", "contract_type", "currency", "application_route", "status")
    fields = {name: [str(getattr(rec, name) or "")] for name in (*texts, "description")}
    for name in ("hours_min", "hours_max", "wage_hourly"):
        value = getattr(rec, name)
        fields[name] = ["" if value is None else f"{value:g}"]
    fields["closes_at"] = [rec.closes_at.date().isoformat() if rec.closes_at else ""]
    return fields


def opening_values(form: Posted) -> dict[str, Any]:
    """The opening's store values from the posted form (all its fields); failures noted on ``form``."""
    if not form.given("title"):
        form.fail(FORM, NOTHING_SENT)
    closes = form.day("closes_at")
    return {
        "title": form.text("title", max_length=300, required=True),
        "language": form.choice("language", LANGUAGES),
        "city": form.text("city", max_length=200),
        "hours_min": form.number("hours_min", low=0, high=_HOURS),
        "hours_max": form.number("hours_max", low=0, high=_HOURS),
        "contract_type": form.choice("contract_type", CONTRACT_TYPES, required=False) or "",
        "wage_hourly": form.number("wage_hourly", low=0, high=_WAGE),
        "currency": form.choice("currency", CURRENCIES, required=False),
        "closes_at": datetime.combine(closes, _CLOSES, tzinfo=UTC) if closes else None,
        "application_route": form.choice("application_route", APPLICATION_ROUTES),
        "status": form.choice("status", OPENING_STATUSES),
        "description": form.text("description", max_length=20000),
    }


def place_of(employer: EmployerRecord, city: str) -> dict[str, Any]:
    """``site_id``, ``lat`` and ``lon`` for an opening in ``city``.

    The employer's site there (for a blank place, its first), whose coordinates the store fills
    in; a place that is none of its sites has no site and no coordinates.
    """
    wanted = city.strip().casefold()
    site = next((s for s in employer.sites if s.city.strip().casefold() == wanted or not wanted), None)
    return {"site_id": site.id if site else None, "lat": None, "lon": None}
