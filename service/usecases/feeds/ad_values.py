"""A pulled ad as the CRM's values: the opening, the prospect employer, and which fields a pull owns.

The board owns what it published (title, text, hours, contract, wage, dates, place, links); the
team owns the rest. A pull never changes an opening's employer, site or application route after
creating it, and changes its linked occupation only when the board changed the title.
"""

from __future__ import annotations

import uuid
from typing import Any

from employers import EmployerRecord, OpeningRecord
from employers.values import EmployerValues, OpeningValues, SiteValues
from feeds import FeedAd

#: Opening fields a later version of the ad may change.
AD_FIELDS = (
    "title", "description", "language", "hours_min", "hours_max", "contract_type", "wage_hourly",
    "currency", "posted_at", "closes_at", "city", "lat", "lon",
    "feed_url", "feed_apply", "feed_occupation", "feed_updated_at",
)  # fmt: skip
#: Fields linked from the title: changed with it, and only then.
LINKED_FIELDS = ("occupation_uri", "occupation_label", "isco_group", "essential_skills")
#: Boards whose occupation code is a curated taxonomy (JobTech concepts, ROME appellations, Jobnet's
#: occupations): its label is linked before the headline, which is often an advert's slogan. A
#: board's category (Adzuna's "Logistics & Warehouse Jobs") is too broad: the headline comes first.
CURATED_CODES = ("jobtech:", "rome:", "jobnet:")
#: Relationship stages at which a contact at the employer can be used for a person.
WORKING_STAGES = frozenset({"introduced", "learning", "partnered", "hired_from_us"})


def application_route(employer: EmployerRecord | None, with_people: set[str]) -> str:
    """``either`` when the employer is in the network with someone to call, else ``self_apply``.

    In the network: a working stage (not a prospect or dormant), not do-not-contact, and a live
    person linked there. Anything else is a board's ad the person answers themselves.
    """
    usable = (
        employer is not None
        and employer.stage in WORKING_STAGES
        and not employer.do_not_contact
        and employer.id in with_people
    )
    return "either" if usable else "self_apply"


def link_labels(ad: FeedAd) -> list[str]:
    """The labels to link an ad's occupation from, best first (the board's, then the headline)."""
    if ad.occupation_code.startswith(CURATED_CODES) and ad.occupation_label:
        return [ad.occupation_label, ad.title]
    return [ad.title, ad.occupation_label]


def opening_values(ad: FeedAd, *, employer_id: str, site_id: str | None, route: str) -> OpeningValues:
    """A new opening's values (ESCO fields not yet linked)."""
    return {
        "employer_id": employer_id,
        "site_id": site_id,
        "status": "open",
        "application_route": route,
        "feed_source": ad.source,
        "feed_ad_id": ad.ad_id,
        **ad_fields(ad),  # type: ignore[typeddict-item]
    }


def ad_fields(ad: FeedAd) -> dict[str, Any]:
    """The `AD_FIELDS` of an ad, as the opening stores them (None for a link not given)."""
    return {
        "title": ad.title,
        "description": ad.description,
        "language": ad.language,
        "hours_min": ad.hours_min,
        "hours_max": ad.hours_max,
        "contract_type": ad.contract_type,
        "wage_hourly": ad.wage_hourly,
        "currency": ad.currency,
        "posted_at": ad.posted_at,
        "closes_at": ad.closes_at,
        "city": ad.city,
        "lat": ad.lat,
        "lon": ad.lon,
        "feed_url": ad.url or None,
        "feed_apply": ad.how_to_apply or None,
        "feed_occupation": ad.occupation_code or None,
        "feed_updated_at": ad.updated_at,
    }


def employer_values(ad: FeedAd) -> EmployerValues:
    """A prospect employer from an ad, with its workplace as a site (so it shows in its area)."""
    site: SiteValues = {
        "id": str(uuid.uuid4()),
        "name": ad.city,
        "city": ad.city,
        "country": ad.country or None,
        "lat": ad.lat,
        "lon": ad.lon,
    }
    return {
        "name": ad.employer_name,
        "registry_number": ad.registry_number,
        "registry_kind": ad.registry_kind,
        "country": ad.country or None,
        "stage": "prospect",
        "feed_source": ad.source,
        "sites": [site],
    }


def changes(rec: OpeningRecord, values: OpeningValues) -> dict[str, Any]:
    """The fields of ``values`` that differ from the stored opening (linked ones with the title)."""
    fields = AD_FIELDS + (LINKED_FIELDS if values.get("title") != rec.title else ())
    out: dict[str, Any] = {}
    for name in fields:
        if name not in values:
            continue
        new, old = values[name], getattr(rec, name)  # type: ignore[literal-required]
        if (tuple(new) if isinstance(new, list) else new) != old:
            out[name] = new
    return out
