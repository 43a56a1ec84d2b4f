"""JobTech JobSearch pages and JobStream lists -> FeedAd."""

from __future__ import annotations

from datetime import UTC, datetime

from feeds import FeedAd
from tests.feeds.helpers import parsed


def test_a_search_page_gives_its_ads_in_the_openings_shape() -> None:
    feed = parsed("jobtech", "jobtech_sample.json")
    ads = {ad.ad_id: ad for ad in feed.ads}
    assert list(ads) == ["29001001", "29001002", "29001003", "29001005"]
    ware = ads["29001001"]
    assert isinstance(ware, FeedAd)
    assert (ware.title, ware.language, ware.employer_name) == (
        "Lagerarbetare till centrallager i Solna",
        "sv",
        "Solna Logistik AB",
    )
    assert (ware.registry_number, ware.registry_kind) == ("556701-2345", "org_nr")
    # coordinates are [longitude, latitude]
    assert (ware.city, ware.country, ware.lat, ware.lon) == ("Solna", "SE", 59.36, 18.0007)
    assert (ware.hours_min, ware.hours_max, ware.scope, ware.contract_type) == (
        40.0,
        40.0,
        "full_time",
        "permanent",
    )
    # a closing time without offset is Swedish summer time (UTC+2)
    assert ware.closes_at == datetime(2030, 6, 30, 21, 59, 59, tzinfo=UTC)
    assert ware.how_to_apply == "https://solnalogistik.example.se/jobb/14"
    assert ware.url.endswith("/29001001")
    assert (ware.occupation_code, ware.occupation_label) == ("jobtech:Wf1d_6Rv_r5X", "Lagerarbetare")
    assert ware.updated_at == datetime.fromtimestamp(1904284800, UTC) and not ware.removed


def test_part_time_scope_durations_and_contact_words() -> None:
    ads = {ad.ad_id: ad for ad in parsed("jobtech", "jobtech_sample.json").ads}
    care, cook = ads["29001002"], ads["29001003"]
    assert (care.hours_min, care.hours_max, care.contract_type) == (30.0, 30.0, "fixed_term")
    assert care.how_to_apply == "hemtjanst.soder@example.stockholm.se"
    assert (cook.hours_min, cook.hours_max, cook.scope) == (32.0, 36.0, "part_time")
    assert cook.registry_number == "559876-5432"  # written with a dash at the source
    assert cook.closes_at == datetime(2030, 6, 20, 21, 59, 59, tzinfo=UTC)  # a bare date: its last second
    assert cook.how_to_apply.startswith("Ring Eva")


def test_an_ad_without_headline_is_rejected_with_the_field() -> None:
    feed = parsed("jobtech", "jobtech_sample.json")
    assert [(r.ad_id, r.reason) for r in feed.rejected] == [("29001004", "headline: is required")]


def test_a_stream_gives_the_update_and_the_removal() -> None:
    ads = {ad.ad_id: ad for ad in parsed("jobtech", "jobtech_update.json").ads}
    updated, removed = ads["29001001"], ads["29001002"]
    assert updated.title.endswith("kvällsskift") and (updated.hours_min, updated.hours_max) == (20.0, 30.0)
    assert updated.updated_at is not None and updated.updated_at > datetime(2030, 5, 5, tzinfo=UTC)
    assert removed.removed and removed.title == "" and removed.updated_at is not None
