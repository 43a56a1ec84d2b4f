"""Employer matching for pulled ads: registry number first, then cleaned name and place."""

from __future__ import annotations

from employers import EmployerRecord, SiteRecord
from feeds import FeedAd
from service.usecases.feeds.ad_values import application_route, link_labels
from service.usecases.feeds.employer_match import EmployerMatcher

CHAIN = EmployerRecord(
    "e-chain", name="Hemköp Söder", country="SE", sites=(SiteRecord("s1", "e-chain", city="Malmö"),)
)
REGISTERED = EmployerRecord("e-reg", name="Nordic Care AB", registry_number="556677-8899", country="SE")
NOWHERE = EmployerRecord("e-free", name="Bageri Lund", country="SE")


def _ad(name: str, city: str = "", number: str | None = None, country: str = "SE") -> FeedAd:
    return FeedAd(
        "jobtech", "1", "Kassabiträde", employer_name=name, city=city, registry_number=number, country=country
    )


def test_the_registry_number_wins_over_the_name() -> None:
    matcher = EmployerMatcher([CHAIN, REGISTERED, NOWHERE])
    assert matcher.match(_ad("Helt Annat Namn", number="5566778899")).employer_id == "e-reg"
    # a different number is a different legal entity, however alike the names
    assert matcher.match(_ad("Nordic Care AB", number="556677-0000")).employer_id is None


def test_a_name_matches_only_in_a_place_the_employer_is() -> None:
    matcher = EmployerMatcher([CHAIN, REGISTERED, NOWHERE])
    assert matcher.match(_ad("Hemköp Söder AB", city="Malmö")).employer_id == "e-chain"
    assert matcher.match(_ad("Hemköp Söder AB", city="Umeå")).employer_id is None  # another shop of the name
    assert matcher.match(_ad("Bageri Lund", city="Lund")).employer_id == "e-free"  # no site city known
    assert (
        matcher.match(_ad("Bageri Lund", city="Lund", country="DK")).employer_id is None
    )  # not across countries


def test_an_employer_created_by_the_pull_takes_its_later_ads() -> None:
    matcher = EmployerMatcher([])
    ad = _ad("Ny Firma AB", city="Gävle", number="559900-1122")
    assert matcher.match(ad).employer_id is None
    matcher.created(ad, "e-new")
    assert matcher.match(ad).employer_id == "e-new"
    assert matcher.match(_ad("Ny Firma", city="Sandviken", number="5599001122")).employer_id == "e-new"


def test_route_and_labels() -> None:
    partnered = EmployerRecord("e1", name="X", stage="partnered")
    assert application_route(partnered, {"e1"}) == "either"
    assert application_route(partnered, set()) == "self_apply"  # nobody there to call
    assert application_route(EmployerRecord("e1", name="X", stage="prospect"), {"e1"}) == "self_apply"
    assert application_route(
        EmployerRecord("e1", name="X", stage="partnered", do_not_contact=True), {"e1"}
    ) == ("self_apply")
    curated = FeedAd("jobtech", "1", "Vi söker dig!", occupation_code="jobtech:abc", occupation_label="Kock")
    broad = FeedAd(
        "uk", "2", "Chef", occupation_code="adzuna:hospitality", occupation_label="Hospitality Jobs"
    )
    assert link_labels(curated) == ["Kock", "Vi söker dig!"] and link_labels(broad) == [
        "Chef",
        "Hospitality Jobs",
    ]
