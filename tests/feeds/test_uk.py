"""Adzuna-format UK search pages -> FeedAd."""

from __future__ import annotations

from tests.feeds.helpers import parsed


def test_a_full_time_salary_becomes_an_hourly_wage() -> None:
    ads = {ad.ad_id: ad for ad in parsed("uk", "uk_sample.json").ads}
    ware = ads["4812345601"]
    assert (ware.title, ware.employer_name, ware.city, ware.country) == (
        "Warehouse Operative", "Aire Valley Distribution Ltd", "Leeds", "GB"
    )  # fmt: skip
    assert (ware.lat, ware.lon, ware.contract_type, ware.scope) == (
        53.7997,
        -1.5492,
        "permanent",
        "full_time",
    )
    assert (ware.wage_hourly, ware.currency) == (round(24765 / (52 * 37.5), 2), "GBP")
    assert ware.hours_min is None  # Adzuna states no hours
    assert ware.url == ware.how_to_apply == "https://www.adzuna.co.uk/jobs/land/ad/4812345601?se=invented"
    assert ware.occupation_code == "adzuna:logistics-warehouse-jobs"
    assert ware.registry_number is None


def test_a_predicted_salary_is_not_the_employers_wage() -> None:
    ads = {ad.ad_id: ad for ad in parsed("uk", "uk_sample.json").ads}
    porter = ads["4812345602"]
    assert (porter.wage_hourly, porter.currency, porter.scope) == (None, None, "part_time")
    assert porter.city == "Manchester"
