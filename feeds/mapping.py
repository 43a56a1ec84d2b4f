"""A generic board: any JSON or CSV listing read through a small declarative field mapping.

A mapping is a JSON object (``ipsmatch feeds pull generic FILE --mapping MAP.json``)::

    {"source": "cityjobs", "format": "csv", "items": "data.jobs", "language": "en",
     "country": "GB", "registry_kind": "companies_house", "zone": "Europe/London",
     "fields": {"ad_id": "Reference", "title": "Job title", "employer_name": "Employer", ...},
     "contracts": {"Permanent": "permanent"}, "removed_values": ["withdrawn"]}

``fields`` maps `FeedAd` attributes to the file's column names (CSV) or dotted paths (JSON);
``ad_id`` and ``title`` are required. ``wage`` with ``wage_period`` (hour/week/month/year) and
``hours_per_week`` gives the hourly wage when the file has no ``wage_hourly`` column.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

from feeds.ad import FeedAd, FeedError
from feeds.adapter import Adapter
from feeds.normal import coordinate, dig, hourly, moment, number, plain, registry, text

TEXT_FIELDS = (
    "description",
    "employer_name",
    "city",
    "url",
    "how_to_apply",
    "occupation_code",
    "occupation_label",
)
REQUIRED = ("ad_id", "title")


def mapped_adapter(spec: Mapping[str, Any]) -> Adapter:
    """The adapter a mapping describes.

    Raises:
        FeedError: The mapping lacks ``source`` or a required field, or names an unknown format.
    """
    fields = spec.get("fields") or {}
    for name in ("source", *REQUIRED):
        if not (spec.get(name) if name == "source" else fields.get(name)):
            raise FeedError(f"mapping.{'fields.' if name != 'source' else ''}{name}", "is required")
    fmt = spec.get("format", "json")
    if fmt not in ("json", "csv"):
        raise FeedError("mapping.format", "must be json or csv")
    decode: Callable[[bytes], Any] = _csv_rows if fmt == "csv" else json.loads
    items_path = text(spec.get("items"))

    def items(doc: Any) -> list[Mapping[str, Any]]:
        found = dig(doc, items_path) if items_path else doc
        if not isinstance(found, list):
            raise ValueError(f"no list of ads at {items_path or 'the top'}")
        return found

    return Adapter(
        source=str(spec["source"]),
        items=items,
        parse_one=lambda raw: _parse(raw, spec),
        removal="flag" if fields.get("removed") else "snapshot",
        id_field=str(fields["ad_id"]),
        decode=decode,
    )


def _parse(raw: Mapping[str, Any], spec: Mapping[str, Any]) -> FeedAd:
    fields: Mapping[str, str] = spec["fields"]
    zone = spec.get("zone", "UTC")

    def get(name: str) -> Any:
        path = fields.get(name)
        return None if not path else raw[path] if path in raw else dig(raw, path)

    values = {name: text(get(name)) for name in REQUIRED}
    for name in REQUIRED:
        if not values[name]:
            raise FeedError(fields[name], "is required")
    kind = spec.get("registry_kind")
    number_, kind_ = registry(get("registry_number"), kind) if kind else (None, None)
    lat, lon = coordinate(get("lat"), get("lon"))
    hours_min, hours_max = number(get("hours_min"), "hours_min"), number(get("hours_max"), "hours_max")
    return FeedAd(
        source=str(spec["source"]),
        ad_id=values["ad_id"],
        title=values["title"],
        language=text(get("language")) or spec.get("language", "en"),
        registry_number=number_,
        registry_kind=kind_,
        country=text(get("country")) or spec.get("country", ""),
        lat=lat,
        lon=lon,
        hours_min=hours_min,
        hours_max=hours_max if hours_max is not None else hours_min,
        contract_type=(spec.get("contracts") or {}).get(text(get("contract_type")), ""),
        posted_at=moment(get("posted_at"), "posted_at", zone=zone),
        closes_at=moment(get("closes_at"), "closes_at", zone=zone, end_of_day=True),
        wage_hourly=_wage(get, spec, hours_max),
        currency=text(get("currency")) or spec.get("currency"),
        removed=text(get("removed")).casefold()
        in {v.casefold() for v in spec.get("removed_values", ["true"])},
        updated_at=moment(get("updated_at"), "updated_at", zone=zone),
        **{name: plain(get(name)) if name == "description" else text(get(name)) for name in TEXT_FIELDS},
    )


def _wage(get: Callable[[str], Any], spec: Mapping[str, Any], hours: float | None) -> float | None:
    direct = number(get("wage_hourly"), "wage_hourly")
    if direct is not None:
        return direct
    period = spec.get("wage_period", "hour")
    return hourly(number(get("wage"), "wage"), period, hours or float(spec.get("hours_per_week", 37.5)))


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    """CSV rows as dicts (UTF-8, a BOM allowed; the delimiter sniffed from , ; or tab)."""
    content = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    return list(csv.DictReader(io.StringIO(content), dialect=dialect))
