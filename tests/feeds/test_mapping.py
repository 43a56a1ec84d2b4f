"""A generic CSV/JSON board through a field mapping."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from feeds import FeedError, adapter_for
from tests.feeds.helpers import FIXTURES


def test_a_csv_listing_with_companies_house_numbers() -> None:
    feed = adapter_for("generic", json.loads((FIXTURES / "generic_mapping.json").read_text())).parse(
        (FIXTURES / "generic_sample.csv").read_bytes()
    )
    ads = {ad.ad_id: ad for ad in feed.ads}
    shop, clean = ads["CJ-1001"], ads["CJ-1002"]
    assert feed.source == shop.source == "cityjobs"
    assert (shop.registry_number, shop.registry_kind) == ("01234567", "companies_house")  # zero-padded
    assert (shop.hours_min, shop.hours_max, shop.contract_type) == (20.0, 20.0, "permanent")
    assert (shop.wage_hourly, shop.currency, shop.city) == (12.6, "GBP", "Leeds")
    assert shop.closes_at == datetime(2030, 6, 30, 22, 59, 59, tzinfo=UTC)  # end of day, British summer time
    assert not shop.removed and clean.removed and clean.registry_number == "SC123456"
    assert [(r.ad_id, r.reason) for r in feed.rejected] == [("CJ-1003", "Job title: is required")]


def test_a_json_listing_under_a_path() -> None:
    spec = {
        "source": "board",
        "items": "data.jobs",
        "fields": {"ad_id": "ref", "title": "name", "city": "where.town"},
    }
    doc = {"data": {"jobs": [{"ref": 7, "name": "Porter", "where": {"town": "York"}}]}}
    (ad,) = adapter_for("generic", spec).parse(json.dumps(doc).encode()).ads
    assert (ad.ad_id, ad.title, ad.city, ad.language) == ("7", "Porter", "York", "en")
    german = {**spec, "language": "de"}
    feed = adapter_for("generic", german).parse(json.dumps(doc).encode())
    assert [(r.ad_id, r.reason) for r in feed.rejected] == [
        ("7", "language: must be one of en, sv, da, fr; got 'de'")
    ]


def test_a_mapping_without_the_required_fields_is_refused() -> None:
    with pytest.raises(FeedError, match=r"mapping\.fields\.title"):
        adapter_for("generic", {"source": "x", "fields": {"ad_id": "id"}})
    with pytest.raises(FeedError, match="mapping"):
        adapter_for("generic")
    with pytest.raises(FeedError, match="source"):
        adapter_for("monster")


def test_a_file_in_another_format_is_one_clear_error() -> None:
    with pytest.raises(FeedError, match="file"):
        adapter_for("jobtech").parse(b'{"resultats": []}')
    with pytest.raises(FeedError, match="file"):
        adapter_for("jobnet").parse(b"not json")
