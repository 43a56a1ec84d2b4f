"""Jobnet FindWork JSON -> FeedAd."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.feeds.helpers import parsed


def test_a_posting_with_cvr_place_and_full_time() -> None:
    ads = {ad.ad_id: ad for ad in parsed("jobnet", "jobnet_sample.json").ads}
    ware = ads["6100201"]
    assert (ware.title, ware.language, ware.employer_name) == (
        "Lagermedarbejder til vareindlevering",
        "da",
        "Aarhus Lager ApS",
    )
    assert (ware.registry_number, ware.registry_kind) == ("31234567", "cvr")
    assert (ware.city, ware.country, ware.lat, ware.lon) == ("Aarhus N", "DK", 56.199, 10.195)
    assert (ware.hours_min, ware.hours_max, ware.contract_type) == (37.0, 37.0, "permanent")
    assert ware.closes_at == datetime(2030, 6, 1, 21, 59, 59, tzinfo=UTC)  # end of 1 June, Danish summer time
    assert ware.description.startswith("Vi søger") and "<p>" not in ware.description
    assert ware.url == "https://job.jobnet.dk/CV/FindWork/Details/6100201"
    assert ware.occupation_code == "jobnet:Lagermedarbejder"


def test_cvr_zero_means_no_number_and_part_time_states_no_hours() -> None:
    ads = {ad.ad_id: ad for ad in parsed("jobnet", "jobnet_sample.json").ads}
    clean = ads["6100202"]
    assert (clean.registry_number, clean.registry_kind) == (None, None)
    assert (clean.hours_min, clean.scope, clean.contract_type) == (None, "part_time", "fixed_term")
    assert clean.how_to_apply == "https://fyns-rengoering.example.dk/job"


def test_the_update_moves_the_deadline() -> None:
    (ad,) = parsed("jobnet", "jobnet_update.json").ads
    assert ad.closes_at == datetime(2030, 6, 15, 21, 59, 59, tzinfo=UTC)
