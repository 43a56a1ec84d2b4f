"""France Travail offres d'emploi v2 -> FeedAd."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from feeds import adapter_for
from tests.feeds.helpers import FIXTURES, parsed


def test_an_offer_with_siret_rome_hours_and_an_hourly_wage() -> None:
    feed = parsed("francetravail", "francetravail_sample.json")
    ads = {ad.ad_id: ad for ad in feed.ads}
    clean = ads["190ABCD"]
    assert (clean.title, clean.language, clean.country) == ("Agent de propreté (H/F)", "fr", "FR")
    assert (clean.registry_number, clean.registry_kind) == ("412345678", "siren")  # SIRET -> its SIREN
    assert (clean.city, clean.lat, clean.lon) == ("LYON 03", 45.7597, 4.8422)
    assert (clean.hours_min, clean.scope, clean.contract_type) == (22.5, "part_time", "permanent")
    assert (clean.wage_hourly, clean.currency) == (12.02, "EUR")
    assert (clean.occupation_code, clean.occupation_label) == ("rome:K2204", "Agent / Agente de propreté")
    assert clean.how_to_apply == "recrutement@lumiere-proprete.example.fr"
    assert clean.updated_at == datetime(2030, 5, 2, 9, 14, 22, tzinfo=UTC)
    assert not clean.removed and clean.closes_at is None


def test_a_monthly_wage_is_spread_over_the_stated_week() -> None:
    ads = {ad.ad_id: ad for ad in parsed("francetravail", "francetravail_sample.json").ads}
    resto = ads["190ABCE"]
    assert (resto.hours_min, resto.contract_type, resto.city) == (35.0, "fixed_term", "Villeurbanne")
    assert resto.wage_hourly == round(1850 * 12 / (52 * 35), 2)  # the lowest figure of the range
    assert resto.how_to_apply == "https://bouchon-des-halles.example.fr/candidature"


def test_an_offer_without_title_is_rejected() -> None:
    feed = parsed("francetravail", "francetravail_sample.json")
    assert [(r.ad_id, r.reason) for r in feed.rejected] == [("190ABCF", "intitule: is required")]


def test_the_update_changes_hours_and_wage() -> None:
    (ad,) = parsed("francetravail", "francetravail_update.json").ads
    assert (ad.hours_min, ad.wage_hourly) == (25.0, 12.5)


def test_a_place_label_with_a_line_break_is_read_not_a_crash() -> None:
    raw = json.loads((FIXTURES / "francetravail_update.json").read_bytes())
    raw["resultats"][0]["lieuTravail"]["libelle"] = "69 - Lyon\n3e arrondissement"
    (ad,) = adapter_for("francetravail").parse(json.dumps(raw).encode()).ads
    assert ad.city == "Lyon\n3e arrondissement"
