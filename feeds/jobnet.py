"""Jobnet (STAR, Denmark): the FindWork search JSON, ``JobPositionPostings`` with ``TotalResultCount``.

Fields as Jobnet publishes them: ``ID``, ``Title``/``JobHeadline``, ``Presentation`` (HTML),
``HiringOrgName``, ``HiringOrgCVR`` (a number; 0 when not given), ``WorkPlaceAddress``,
``WorkPlacePostalCode``, ``WorkPlaceCity``, ``Country``, ``Latitude``/``Longitude`` (also under
``Location``), ``PostingCreated``, ``LastDateApplication``, ``EmploymentType`` (Fastansættelse,
Tidsbegrænset ansættelse, Vikariat, ...), ``WorkHours`` (Fuldtid/Deltid), ``Occupation`` (a label),
``Url`` (the employer's own page, when the ad is external) and ``JobLogUrl``/``DetailsUrl``. No
removed flag and no change time: an ad is gone when a full listing no longer has it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from feeds.ad import FeedAd
from feeds.adapter import Adapter, list_under
from feeds.normal import coded, coordinate, dig, moment, plain, registry, required, text

ZONE = "Europe/Copenhagen"
#: The Danish collective-agreement full-time week.
FULL_TIME_HOURS = 37.0
CONTRACTS = {
    "fastansættelse": "permanent",
    "tidsbegrænset ansættelse": "fixed_term",
    "vikariat": "temporary",
    "sæsonansættelse": "seasonal",
    "elev": "apprenticeship",
    "lærling": "apprenticeship",
}
SCOPES = {"fuldtid": "full_time", "deltid": "part_time"}
COUNTRIES = {"danmark": "DK", "grønland": "GL", "færøerne": "FO"}


def parse_ad(raw: Mapping[str, Any]) -> FeedAd:
    """One posting of ``JobPositionPostings``."""
    lat, lon = coordinate(
        raw.get("Latitude", dig(raw, "Location.Latitude")),
        raw.get("Longitude", dig(raw, "Location.Longitude")),
    )
    cvr, cvr_kind = registry(raw.get("HiringOrgCVR"), "cvr")
    scope = SCOPES.get(text(raw.get("WorkHours")).casefold(), "")
    hours = FULL_TIME_HOURS if scope == "full_time" else None
    deadline = text(raw.get("LastDateApplication")).removesuffix("T00:00:00")
    return FeedAd(
        source="jobnet",
        ad_id=required(raw, "ID"),
        title=text(raw.get("Title")) or required(raw, "JobHeadline"),
        description=plain(raw.get("Presentation")),
        language="da",
        employer_name=text(raw.get("HiringOrgName")),
        registry_number=cvr,
        registry_kind=cvr_kind,
        city=text(raw.get("WorkPlaceCity")),
        country=COUNTRIES.get(text(raw.get("Country")).casefold(), "DK" if not raw.get("Country") else ""),
        lat=lat,
        lon=lon,
        hours_min=hours,
        hours_max=hours,
        scope=scope,
        contract_type=CONTRACTS.get(text(raw.get("EmploymentType")).casefold(), ""),
        posted_at=moment(raw.get("PostingCreated"), "PostingCreated", zone=ZONE),
        closes_at=moment(deadline, "LastDateApplication", zone=ZONE, end_of_day=True),
        url=text(raw.get("JobLogUrl")) or text(raw.get("DetailsUrl")) or text(raw.get("Url")),
        how_to_apply=text(raw.get("Url")),
        occupation_code=coded("jobnet", raw.get("Occupation")),
        occupation_label=text(raw.get("Occupation")),
    )


ADAPTER = Adapter(source="jobnet", items=list_under("JobPositionPostings"), parse_one=parse_ad, id_field="ID")
