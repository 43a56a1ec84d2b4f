"""Feed pulls end to end on a DuckDB file: idempotent, updates and closes, employers matched, leads served."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from employers import EmployerStore, OpeningStore
from feeds import adapter_for
from service.usecases.feeds.pull import PullSummary, pull_feed
from tests.conftest import Api
from tests.feeds.helpers import FIXTURES

AT = datetime(2030, 5, 8, 12, 0, tzinfo=UTC)  # after the samples were published, before they close


def _pull(api: Api, source: str, name: str, **kw: Any) -> PullSummary:
    feed = adapter_for(source).parse((FIXTURES / name).read_bytes())
    engine = api.client.app.state.engine  # type: ignore[attr-defined]
    return pull_feed(api.db, engine, feed, at=kw.pop("at", AT), **kw)


def _counts(summary: PullSummary) -> tuple[int, int, int, int, int]:
    return summary.new, summary.updated, summary.unchanged, summary.closed, len(summary.rejected)


def _by_ad(api: Api, source: str) -> dict[str, Any]:
    return OpeningStore(api.db.cursor()).by_feed(source)


def _network(api: Api) -> tuple[dict[str, Any], dict[str, Any]]:
    """A partnered warehouse with a contact there (by org.nr), and a café known by name and place."""
    solna = {"name": "Solna Logistik", "registry_number": "556701-2345", "registry_kind": "org_nr"}
    site = {"city": "Solna", "lat": 59.36, "lon": 18.0}
    ware = api.call(
        "POST", "/employers", json={**solna, "stage": "partnered", "country": "SE", "sites": [site]}
    )
    person = {"full_name": "Eva Berg", "employers": [{"employer_id": ware.json()["id"], "role": "lagerchef"}]}
    assert api.call("POST", "/people", json=person).status_code == 201
    cafe = api.call("POST", "/employers", json={"name": "Kafé Solna", "country": "SE", "sites": [site]})
    return ware.json(), cafe.json()


def test_a_jobtech_pull_matches_employers_and_a_second_pull_changes_nothing(api: Api) -> None:
    ware, cafe = _network(api)
    first = _pull(api, "jobtech", "jobtech_sample.json")
    assert _counts(first) == (3, 0, 0, 0, 2)
    assert {r.ad_id: r.reason for r in first.rejected} == {
        "29001004": "headline: is required",
        "29001005": "closes_at: the closing date has passed",
    }
    assert (first.employers_matched, first.employers_created) == (2, 1)
    ads = _by_ad(api, "jobtech")
    assert ads["29001001"].employer_id == ware["id"]  # by registry number
    assert ads["29001003"].employer_id == cafe["id"]  # by cleaned name ("Kafé Solna AB") and place
    assert ads["29001001"].application_route == "either"  # partnered, with a person to call
    assert ads["29001003"].application_route == "self_apply"  # a prospect: the person applies
    assert ads["29001001"].occupation_uri  # the title linked to ESCO in Swedish
    assert (ads["29001001"].hours_min, ads["29001001"].feed_url) == (
        40.0,
        "https://arbetsformedlingen.se/platsbanken/annonser/29001001",
    )
    created = EmployerStore(api.db.cursor()).get(employer_id=ads["29001002"].employer_id)
    assert (created.name, created.stage, created.feed_source) == ("Stockholms kommun", "prospect", "jobtech")
    assert (created.registry_number, created.sites[0].city) == ("212000-1165", "Stockholm")
    timeline = api.call("GET", f"/employers/{ware['id']}/timeline").json()
    assert ads["29001001"].id in {item["id"] for item in timeline["items"]}
    again = _pull(api, "jobtech", "jobtech_sample.json")
    assert _counts(again) == (0, 0, 3, 0, 2) and again.employers_created == 0
    assert _by_ad(api, "jobtech") == ads


def test_an_updated_ad_updates_and_a_removed_ad_closes(api: Api) -> None:
    _network(api)
    _pull(api, "jobtech", "jobtech_sample.json")
    before = _by_ad(api, "jobtech")
    update = _pull(api, "jobtech", "jobtech_update.json")
    assert _counts(update) == (0, 1, 0, 1, 0)
    after = _by_ad(api, "jobtech")
    ware = after["29001001"]
    assert ware.id == before["29001001"].id and ware.title.endswith("kvällsskift")
    assert (ware.hours_min, ware.hours_max, ware.status) == (20.0, 30.0, "open")
    assert after["29001002"].status == "closed"
    assert ware.application_route == before["29001001"].application_route  # the team's, kept
    assert _counts(_pull(api, "jobtech", "jobtech_update.json")) == (0, 0, 2, 0, 0)
    # the older file again: versions already stored, and the removed one stays closed
    assert _counts(_pull(api, "jobtech", "jobtech_sample.json")) == (0, 0, 3, 0, 2)
    assert _by_ad(api, "jobtech")["29001002"].status == "closed"


def test_past_closing_dates_close_openings(api: Api) -> None:
    _pull(api, "jobnet", "jobnet_sample.json")
    later = _pull(api, "jobnet", "jobnet_sample.json", at=datetime(2030, 5, 31, tzinfo=UTC))
    assert later.closed == 1 and _by_ad(api, "jobnet")["6100202"].status == "closed"  # closed 30 May


def test_boards_without_a_removed_flag_close_by_snapshot(api: Api) -> None:
    for source, sample, update, kept, gone in (
        ("francetravail", "francetravail_sample.json", "francetravail_update.json", "190ABCD", "190ABCE"),
        ("jobnet", "jobnet_sample.json", "jobnet_update.json", "6100201", "6100202"),
        ("uk", "uk_sample.json", "uk_update.json", "4812345601", "4812345602"),
    ):
        first = _pull(api, source, sample)
        assert first.new == 2 and first.employers_created == 2, source
        assert _counts(_pull(api, source, update)) == (0, 1, 0, 0, 0), source  # not a snapshot: none closed
        assert _counts(_pull(api, source, update, snapshot=True)) == (0, 0, 1, 1, 0), source
        ads = _by_ad(api, source)
        assert (ads[kept].status, ads[gone].status) == ("open", "closed"), source
    siren = EmployerStore(api.db.cursor()).get(
        employer_id=_by_ad(api, "francetravail")["190ABCD"].employer_id
    )
    assert (siren.registry_number, siren.registry_kind, siren.country) == ("412345678", "siren", "FR")
    assert _by_ad(api, "francetravail")["190ABCD"].wage_hourly == 12.5  # the update's wage


def test_a_feed_opening_is_a_self_application_lead_with_its_advert(api: Api) -> None:
    _pull(api, "jobtech", "jobtech_sample.json")  # no network: every employer is a new prospect
    body = {
        "display_name": "Ali K.",
        "language": "sv",
        "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
        "preferences": {"preferred_occupations": [{"label": "Lagerarbetare"}]},
    }
    person = api.call("POST", "/participants", json=body).json()
    r = api.call("POST", f"/participants/{person['id']}/leads", json={"n": 5})
    assert r.status_code == 200, r.text
    leads = {lead["id"]: lead for lead in r.json()["leads"]}
    ware = _by_ad(api, "jobtech")["29001001"]
    assert ware.id in leads
    card = leads[ware.id]["card"]
    assert card["ad_source"] == "Platsbanken (Arbetsförmedlingen)"
    assert card["ad_url"] == "https://arbetsformedlingen.se/platsbanken/annonser/29001001"
    assert card["application_route"] == "self_apply"
    assert card["how_to_apply"].endswith("https://solnalogistik.example.se/jobb/14")
    assert (card["hours_min"], card["city"]) == (40.0, "Solna")
