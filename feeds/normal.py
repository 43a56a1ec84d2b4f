"""Normal forms the adapters share: registry numbers per kind, times, weekly hours, hourly wages.

Pure functions over the strings and numbers boards publish. Each returns None for "not stated"
and raises `FeedError` only where a value is present but cannot be what the field says.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from feeds.ad import FeedError

#: Weeks in a year and months in a year, for turning monthly and yearly pay into hourly pay.
WEEKS_PER_YEAR = 52.0
MONTHS_PER_YEAR = 12.0


def registry_number(number: Any, kind: str) -> str | None:
    """The registry number in its normal form for ``kind``; None when empty or unusable.

    - ``org_nr`` (SE): ten digits written ``NNNNNN-NNNN``; a VAT form ``SE<10 digits>01`` is accepted.
    - ``siren`` (FR): nine digits; a 14-digit SIRET (an establishment) gives its SIREN (the company).
    - ``cvr`` (DK): eight digits; a ``DK`` prefix is dropped; ``0`` (Jobnet's "none") is None.
    - ``companies_house`` (GB): eight characters, digits zero-padded (``1234567`` -> ``01234567``),
      a two-letter prefix kept (``SC123456``).
    """
    text = re.sub(r"[\s.\-]", "", str(number if number is not None else "")).upper()
    if not text or text.strip("0") == "":
        return None
    if kind == "org_nr":
        digits = re.sub(r"^SE(\d{10})01$", r"\1", text)
        return f"{digits[:6]}-{digits[6:]}" if re.fullmatch(r"\d{10}", digits) else None
    if kind == "siren":
        return text[:9] if re.fullmatch(r"\d{9}|\d{14}", text) else None
    if kind == "cvr":
        digits = text.removeprefix("DK")
        return digits if re.fullmatch(r"\d{8}", digits) else None
    if kind == "companies_house":
        if re.fullmatch(r"\d{1,8}", text):
            return text.zfill(8)
        return text if re.fullmatch(r"[A-Z]{2}\d{6}", text) else None
    raise ValueError(f"unknown registry kind {kind!r}")


def registry(number: Any, kind: str) -> tuple[str | None, str | None]:
    """(registry_number, registry_kind) of an ad: the normal number and ``kind``, or both None."""
    found = registry_number(number, kind)
    return (found, kind) if found else (None, None)


def coded(scheme: str, code: Any) -> str:
    """A board's occupation code as ``scheme:code`` (``rome:K1304``); "" when the ad has none."""
    return f"{scheme}:{text(code)}" if code else ""


def moment(value: Any, field_name: str, *, zone: str = "UTC", end_of_day: bool = False) -> datetime | None:
    """An aware UTC datetime from an ISO 8601 string or epoch milliseconds; None when empty.

    Args:
        value: ``"2026-05-31"``, ``"2026-05-31T23:59:59"``, ``"...Z"``/``"+02:00"``, or ms since epoch.
        field_name: The source field, named in the error.
        zone: The board's local time zone, for times written without an offset.
        end_of_day: A bare date means its last second (a closing date), else its first.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000, UTC)
    text = str(value).strip().replace("Z", "+00:00")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            local = datetime.combine(day, time(23, 59, 59) if end_of_day else time(0))
            return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise FeedError(field_name, f"is not a date or time: {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(zone))
    return parsed.astimezone(UTC)


def hours_in_text(text: str | None) -> float | None:
    """Weekly hours written in words: ``"35H Horaires normaux"``, ``"24H30/semaine"``, ``"37 timer"``."""
    if not text:
        return None
    found = re.search(r"(\d{1,2})(?:[.,](\d{1,2}))?\s*(?:h|heures?|timer|tim|hours?)\s*(\d{2})?", text, re.I)
    if not found:
        return None
    whole, frac, minutes = found.groups()
    hours = float(whole) + (float(f"0.{frac}") if frac else 0.0) + (int(minutes) / 60 if minutes else 0.0)
    return round(hours, 2) if 0 < hours <= 80 else None


def hourly(amount: float | None, period: str, hours_per_week: float) -> float | None:
    """Pay per ``period`` (``hour``, ``week``, ``month``, ``year``) as pay per hour, 2 decimals."""
    if amount is None or amount <= 0:
        return None
    per_year = {"hour": None, "week": WEEKS_PER_YEAR, "month": MONTHS_PER_YEAR, "year": 1.0}[period]
    if per_year is None:
        return round(amount, 2)
    return round(amount * per_year / (WEEKS_PER_YEAR * hours_per_week), 2)


def number(value: Any, field_name: str) -> float | None:
    """A float from a JSON number or a numeric string (comma decimals allowed); None when empty."""
    if value is None or value == "":
        return None
    try:
        return (
            float(str(value).replace(",", ".").replace(" ", "")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        raise FeedError(field_name, f"is not a number: {value!r}") from None


def coordinate(lat: Any, lon: Any) -> tuple[float | None, float | None]:
    """``(lat, lon)`` in degrees when both are present and on the globe, else ``(None, None)``.

    (0, 0) is how several boards write "unknown", so it is treated as unknown.
    """
    la, lo = number(lat, "latitude"), number(lon, "longitude")
    if la is None or lo is None or (la == 0 and lo == 0) or not (-90 <= la <= 90 and -180 <= lo <= 180):
        return None, None
    return la, lo


def text(value: Any) -> str:
    """A trimmed string; "" for None."""
    return "" if value is None else str(value).strip()


def plain(html_or_text: Any) -> str:
    """Text with HTML tags and repeated blank space removed (boards mix both)."""
    stripped = re.sub(r"<[^>]+>", " ", text(html_or_text))
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n\n", stripped)).strip()


def dig(raw: Any, path: str) -> Any:
    """``raw["a"]["b"]`` for ``"a.b"``; None where any step is missing or not a mapping."""
    node = raw
    for step in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(step)
    return node


def required(raw: Any, path: str) -> str:
    """The non-empty text at ``path``, else FeedError("path", "is required")."""
    value = text(dig(raw, path))
    if not value:
        raise FeedError(path, "is required")
    return value


def expired(closes_at: datetime | None, now: datetime) -> bool:
    """The closing date is before ``now`` (an ad without one never expires by date)."""
    return closes_at is not None and closes_at < now
