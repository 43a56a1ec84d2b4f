"""JobTech (Arbetsförmedlingen, Sweden): JobSearch ``/search`` pages and JobStream ``/stream`` lists.

Fields as JobTech publishes them: ``headline``, ``description.text``, ``employer.name`` and
``organization_number``, ``workplace_address`` (``city``/``municipality``, ``country``,
``coordinates`` as ``[longitude, latitude]``), ``occupation.concept_id``/``label`` (JobTech
taxonomy), ``working_hours_type.label`` (Heltid/Deltid), ``scope_of_work.min``/``max`` (percent of
full time), ``employment_type``/``duration`` labels, ``application_deadline``,
``application_details`` (``url``, ``email``, ``other``), ``webpage_url``, ``publication_date``,
``removed``/``removed_date`` (JobStream) and ``timestamp`` (ms, last change). Times without an
offset are Swedish local time. JobTech publishes no numeric wage (``salary_description`` is text).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from feeds.ad import FeedAd
from feeds.adapter import Adapter, list_under
from feeds.normal import coded, coordinate, dig, moment, number, plain, registry, required, text

ZONE = "Europe/Stockholm"
#: Weekly hours of Swedish full-time work, which ``scope_of_work`` percentages are of.
FULL_TIME_HOURS = 40.0
COUNTRIES = {"sverige": "SE", "norge": "NO", "danmark": "DK", "finland": "FI"}
#: ``employment_type`` and ``duration`` labels -> contract types.
CONTRACTS = {
    "vanlig anställning": "permanent",
    "tills vidare": "permanent",
    "sommarjobb / feriejobb": "seasonal",
    "behovsanställning": "temporary",
    "säsongsanställning": "seasonal",
    "tidsbegränsad anställning": "fixed_term",
    "vikariat": "fixed_term",
    "3 månader – upp till 6 månader": "fixed_term",
    "6 månader eller längre": "fixed_term",
    "11 dagar - upp till 3 månader": "temporary",
    "upp till 10 dagar": "temporary",
}
SCOPES = {"heltid": "full_time", "deltid": "part_time"}


def parse_ad(raw: Mapping[str, Any]) -> FeedAd:
    """One JobSearch hit or JobStream ad. A removed stream ad may carry only its id and dates."""
    ad_id = required(raw, "id")
    removed = bool(raw.get("removed"))
    updated = moment(raw.get("timestamp"), "timestamp") or moment(
        raw.get("removed_date"), "removed_date", zone=ZONE
    )
    if removed:
        return FeedAd("jobtech", ad_id, text(raw.get("headline")), removed=True, updated_at=updated)
    address = raw.get("workplace_address") or {}
    coords = address.get("coordinates") or [None, None]
    lat, lon = coordinate(coords[1], coords[0]) if len(coords) == 2 else (None, None)
    lo, hi = _hours(raw)
    details = raw.get("application_details") or {}
    org_nr, org_nr_kind = registry(dig(raw, "employer.organization_number"), "org_nr")
    return FeedAd(
        source="jobtech",
        ad_id=ad_id,
        title=required(raw, "headline"),
        description=plain(dig(raw, "description.text")),
        language="sv",
        employer_name=text(dig(raw, "employer.name")),
        registry_number=org_nr,
        registry_kind=org_nr_kind,
        city=text(address.get("city")) or text(address.get("municipality")),
        country=COUNTRIES.get(text(address.get("country")).casefold(), ""),
        lat=lat,
        lon=lon,
        hours_min=lo,
        hours_max=hi,
        scope=SCOPES.get(text(dig(raw, "working_hours_type.label")).casefold(), ""),
        contract_type=_contract(raw),
        posted_at=moment(raw.get("publication_date"), "publication_date", zone=ZONE),
        closes_at=moment(raw.get("application_deadline"), "application_deadline", zone=ZONE, end_of_day=True),
        url=text(raw.get("webpage_url")),
        how_to_apply=text(details.get("url")) or text(details.get("email")) or text(details.get("other")),
        occupation_code=coded("jobtech", dig(raw, "occupation.concept_id")),
        occupation_label=text(dig(raw, "occupation.label")),
        updated_at=updated,
    )


def _hours(raw: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """Weekly hours from ``scope_of_work`` (percent of 40 h); full time without a scope is 40 h."""
    lo = number(dig(raw, "scope_of_work.min"), "scope_of_work.min")
    hi = number(dig(raw, "scope_of_work.max"), "scope_of_work.max")
    if lo is None and hi is None:
        full = text(dig(raw, "working_hours_type.label")).casefold() == "heltid"
        return (FULL_TIME_HOURS, FULL_TIME_HOURS) if full else (None, None)
    lo, hi = lo if lo is not None else hi, hi if hi is not None else lo
    assert lo is not None and hi is not None
    return round(min(lo, hi) * FULL_TIME_HOURS / 100, 1), round(max(lo, hi) * FULL_TIME_HOURS / 100, 1)


def _contract(raw: Mapping[str, Any]) -> str:
    duration = CONTRACTS.get(text(dig(raw, "duration.label")).casefold(), "")
    employment = CONTRACTS.get(text(dig(raw, "employment_type.label")).casefold(), "")
    # "Vanlig anställning" says nothing about length; the duration does when it is stated.
    return duration or employment


ADAPTER = Adapter(source="jobtech", items=list_under("hits", "ads"), parse_one=parse_ad, removal="flag")
