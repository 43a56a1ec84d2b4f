"""Registry numbers compared in their normal form, and shared phone/website pairs as "to review"."""

from __future__ import annotations

import pytest

from employers.dedupe import REVIEW_SCORE, Candidate, CandidateIndex, compare, find_candidates, scan
from employers.keys import registry_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1234567", "01234567"),  # Companies House: leading zero lost in a spreadsheet
        ("SC 89123", "SC089123"),  # Scottish company number
        ("DK 31 24 56 78", "31245678"),  # CVR, VAT form
        ("CVR 29 38 11 02", "29381102"),
        ("552 100 554", "552100554"),  # SIREN with spaces
        ("812 345 678 00021", "812345678"),  # SIRET -> SIREN
        ("FR32 813 456 780", "813456780"),  # French VAT number -> SIREN
        ("SIREN 524 681 357", "524681357"),
        ("556677-8899", "5566778899"),  # Swedish org.nr with and without the dash
        ("16556677-8899", "5566778899"),  # ... and with the 16 prefix
        ("SE556677889901", "5566778899"),  # ... and the VAT form
    ],
)
def test_spellings_of_one_number_have_one_normal_form(a: str, b: str) -> None:
    assert registry_key(a) == registry_key(b) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [("1234567", "01234568"), ("812 345 678 00021", "812345679"), ("165566778899", "5566778890")],
)
def test_different_numbers_stay_different(a: str, b: str) -> None:
    assert registry_key(a) != registry_key(b)


def test_other_numbers_keep_letters_and_digits() -> None:
    assert registry_key("HRB 12345") == "HRB12345"
    assert registry_key("  ") is None and registry_key(None) is None


def test_a_leading_zero_no_longer_reads_as_another_company() -> None:
    a = Candidate("a", "Salford Lads Catering Ltd", registry_number="03345678", country="GB")
    b = Candidate("b", "SLC Catering", registry_number="3345678", country="GB")
    match = compare(a, b)
    assert match.duplicate and match.score == 100.0 and "same registry number" in match.reasons


SWITCHBOARD = [
    Candidate("a", "Manchester City Council Highways", phone="0161 234 5000", country="GB"),
    Candidate("b", "Manchester City Council Libraries", phone="+44 161 234 5000", country="GB"),
]


def test_a_shared_switchboard_alone_is_a_pair_to_review() -> None:
    match = compare(*SWITCHBOARD)
    assert not match.duplicate and match.review and match.score == REVIEW_SCORE
    assert match.reasons == ("same phone number", "nothing else in common")


def test_a_pair_to_review_does_not_block_a_create_or_an_import_row() -> None:
    assert find_candidates(SWITCHBOARD[1], SWITCHBOARD[:1]) == []
    assert CandidateIndex(SWITCHBOARD[:1]).find(SWITCHBOARD[1]) == []


def test_the_review_queue_lists_it_after_likely_duplicates() -> None:
    pool = [
        *SWITCHBOARD,
        Candidate("c", "Kvarnby Bageri AB", website="kvarnbybageri.se"),
        Candidate("d", "Kvarnby Bageri", website="https://www.kvarnbybageri.se/"),
    ]
    found = scan(pool)
    assert [(m.a, m.b, m.review) for m in found] in (
        [("c", "d", False), ("a", "b", True)],
        [("d", "c", False), ("a", "b", True)],
        [("c", "d", False), ("b", "a", True)],
        [("d", "c", False), ("b", "a", True)],
    )
    assert scan(pool, skip=[("a", "b")]) == found[:1]


def test_a_shared_website_with_a_similar_name_still_blocks() -> None:
    a = Candidate("a", "Lystrup Tømrer ApS", website="www.lystruptomrer.dk")
    b = Candidate("b", "Lystrup Tomrer", website="lystruptomrer.dk")
    match = compare(a, b)
    assert match.duplicate and not match.review and match.score >= 90
