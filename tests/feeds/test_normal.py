"""Normal forms of registry numbers, hours and wages."""

from __future__ import annotations

import pytest

from feeds.normal import coded, hourly, hours_in_text, registry, registry_number


@pytest.mark.parametrize(
    ("number", "kind", "want"),
    [
        ("5567012345", "org_nr", "556701-2345"),
        ("SE556701234501", "org_nr", "556701-2345"),
        ("556701-234", "org_nr", None),
        ("412 345 678 00012", "siren", "412345678"),
        ("412345678", "siren", "412345678"),
        ("4123456", "siren", None),
        (31234567, "cvr", "31234567"),
        ("DK31234567", "cvr", "31234567"),
        (0, "cvr", None),
        ("1234567", "companies_house", "01234567"),
        ("sc123456", "companies_house", "SC123456"),
        ("", "org_nr", None),
    ],
)
def test_registry_numbers_in_their_normal_form(number: object, kind: str, want: str | None) -> None:
    assert registry_number(number, kind) == want


def test_an_ads_registry_kind_is_given_only_with_a_usable_number() -> None:
    assert registry("SE556701234501", "org_nr") == ("556701-2345", "org_nr")
    assert registry("556701-234", "org_nr") == (None, None)
    assert registry(0, "cvr") == (None, None)


def test_occupation_codes_carry_their_scheme_and_none_stays_empty() -> None:
    assert coded("rome", " K1304 ") == "rome:K1304"
    assert coded("jobnet", None) == "" and coded("adzuna", "") == ""


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("35H Horaires normaux", 35.0),
        ("24H30/semaine", 24.5),
        ("37 timer", 37.0),
        ("Temps plein", None),
        ("", None),
    ],
)
def test_hours_in_words(text: str, want: float | None) -> None:
    assert hours_in_text(text) == want


def test_pay_per_period_per_hour() -> None:
    assert hourly(12.02, "hour", 35) == 12.02
    assert hourly(52 * 35 * 10, "year", 35) == 10.0
    assert hourly(1000, "week", 40) == 25.0
    assert hourly(None, "month", 35) is None and hourly(0, "month", 35) is None
