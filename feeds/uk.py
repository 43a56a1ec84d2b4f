"""A UK board in Adzuna's published search format (``/v1/api/jobs/gb/search/{page}``).

Fields as Adzuna publishes them: ``id``, ``title``, ``description`` (a snippet), ``created``,
``redirect_url``, ``company.display_name``, ``location.display_name``/``area`` (country first,
town last), ``latitude``/``longitude``, ``salary_min``/``salary_max`` (a year's pay in GBP),
``salary_is_predicted`` ("1": Adzuna's estimate, not the employer's figure), ``contract_type``
(permanent/contract), ``contract_time`` (full_time/part_time) and ``category.tag``/``label``. No
closing date, no registry number, no removed flag (pull full listings with ``--snapshot``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from feeds.ad import FeedAd
from feeds.adapter import Adapter, list_under
from feeds.normal import coded, coordinate, dig, hourly, moment, number, plain, required, text

#: Hours a UK full-time salary is spread over to give an hourly figure (not stored as the hours).
FULL_TIME_HOURS = 37.5
CONTRACTS = {"permanent": "permanent", "contract": "fixed_term"}
SCOPES = {"full_time": "full_time", "part_time": "part_time"}


def parse_ad(raw: Mapping[str, Any]) -> FeedAd:
    """One result of a search page (``results``)."""
    lat, lon = coordinate(raw.get("latitude"), raw.get("longitude"))
    area = dig(raw, "location.area") or []
    scope = SCOPES.get(text(raw.get("contract_time")), "")
    predicted = text(raw.get("salary_is_predicted")) == "1"
    yearly = None if predicted else number(raw.get("salary_min"), "salary_min")
    # A yearly figure says an hourly wage only for full-time work; part-time pay may be pro rata.
    wage = hourly(yearly, "year", FULL_TIME_HOURS) if scope == "full_time" else None
    return FeedAd(
        source="uk",
        ad_id=required(raw, "id"),
        title=required(raw, "title"),
        description=plain(raw.get("description")),
        language="en",
        employer_name=text(dig(raw, "company.display_name")),
        city=text(area[-1]) if len(area) > 1 else text(dig(raw, "location.display_name")).split(",")[0],
        country="GB",
        lat=lat,
        lon=lon,
        scope=scope,
        contract_type=CONTRACTS.get(text(raw.get("contract_type")), ""),
        posted_at=moment(raw.get("created"), "created"),
        wage_hourly=wage,
        currency="GBP" if wage is not None else None,
        url=text(raw.get("redirect_url")),
        how_to_apply=text(raw.get("redirect_url")),
        occupation_code=coded("adzuna", dig(raw, "category.tag")),
        occupation_label=text(dig(raw, "category.label")),
    )


ADAPTER = Adapter(source="uk", items=list_under("results"), parse_one=parse_ad)
