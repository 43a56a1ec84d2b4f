"""Import/export columns per entity, and text cells <-> typed values.

An export of an entity has exactly its import columns, so export -> edit -> import updates the
same records (matched by ``id``, then the natural key). Empty cells mean "not given": they never
clear a stored value (use the API for that).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from employers.errors import InvalidError

ENTITIES = ("employers", "people", "contacts", "openings")
MODES = ("create", "upsert", "update")
#: How an employer is referred to from a people, contact or opening row, in order of preference.
EMPLOYER_REFS = ("employer_id", "employer_registry_number", "employer_external_id")
_REF_TYPES = dict.fromkeys(EMPLOYER_REFS, "text") | {"employer_id": "uuid"}

#: entity -> column -> type (text, uuid, bool, float, date, datetime, list).
COLUMNS: dict[str, dict[str, str]] = {
    "employers": {
        "id": "uuid", "external_id": "text", "name": "text", "aliases": "list", "registry_number": "text",
        "registry_kind": "text", "country": "text", "sector_nace": "text", "sector_label": "text",
        "size_band": "text", "stage": "text", "do_not_contact": "bool", "website": "text", "phone": "text",
        "needs_learned": "text", "hiring_process": "text", "hiring_occupations": "list", "owner": "text",
    },
    "people": {
        "id": "uuid", "external_id": "text", "full_name": "text", "email": "text", "phone": "text",
        "title": "text", "notes": "text", **_REF_TYPES, "role": "text", "active_from": "date",
        "left_on": "date",
    },
    "contacts": {
        "id": "uuid", "external_id": "text", **_REF_TYPES, "person_id": "uuid", "opening_id": "uuid",
        "specialist": "text", "occurred_at": "datetime", "mode": "text", "status": "text", "purpose": "text",
        "learned": "text", "next_step": "text", "next_step_due": "date", "participant_id": "uuid",
    },
    "openings": {
        "id": "uuid", "external_id": "text", **_REF_TYPES, "title": "text", "description": "text",
        "language": "text", "contract_type": "text", "hours_min": "float", "hours_max": "float",
        "wage_hourly": "float", "currency": "text", "subsidy_type": "text", "application_route": "text",
        "status": "text", "closes_at": "datetime", "city": "text",
    },
}  # fmt: skip
#: Columns a row must fill when it creates a record.
REQUIRED = {
    "employers": ("name",),
    "people": ("full_name",),
    "contacts": ("occurred_at", "mode", "purpose"),
    "openings": ("title",),
}
_TRUE, _FALSE = {"true", "yes", "y", "1", "ja", "j", "oui", "x"}, {"false", "no", "n", "0", "nej", "non", ""}
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y")


def check_columns(entity: str, columns: list[str]) -> None:
    """InvalidError on ``file`` for an unknown column (so a typo is not silently ignored)."""
    known = COLUMNS[entity]
    unknown = [c for c in columns if c not in known and c != "error"]
    if unknown:
        raise InvalidError("file", f"unknown column {unknown[0]!r}; {entity} columns are {', '.join(known)}")


def parse_row(entity: str, cells: Mapping[str, str]) -> dict[str, Any]:
    """Typed values of the non-empty cells of one row; InvalidError naming the column."""
    values: dict[str, Any] = {}
    for column, kind in COLUMNS[entity].items():
        text = (cells.get(column) or "").strip()
        if text:
            values[column] = parse_cell(column, kind, text)
    return values


def parse_cell(column: str, kind: str, text: str) -> Any:
    """One cell's value of type ``kind``; InvalidError(column) when it does not parse."""
    try:
        return _PARSERS[kind](text)
    except (ValueError, OverflowError) as exc:  # OverflowError: a time zone pushing year 1 below 1
        raise InvalidError(column, f"{text[:80]!r} is not a valid {kind} ({exc})") from None


def _bool(text: str) -> bool:
    low = text.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ValueError("use true or false")


def _float(text: str) -> float:
    return float(text.replace(" ", "").replace(",", "."))


def _date(text: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    raise ValueError("use YYYY-MM-DD")


def _datetime(text: str) -> datetime:
    if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}", text):
        return datetime.combine(_date(text), datetime.min.time(), tzinfo=UTC)
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;|]", text) if part.strip()]


def _uuid(text: str) -> str:
    return str(uuid.UUID(text))


_PARSERS: dict[str, Callable[[str], Any]] = {
    "text": str,
    "uuid": _uuid,
    "bool": _bool,
    "float": _float,
    "date": _date,
    "datetime": _datetime,
    "list": _list,
}


def to_cell(value: Any) -> str:
    """A value as the text an import reads back to the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
