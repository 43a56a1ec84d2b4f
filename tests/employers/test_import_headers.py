"""Headers in sv, da, fr and en are read as the importer's fields, whatever their case and accents."""

from __future__ import annotations

import pytest

from employers.import_headers import Guess, header_key, recognise, recognise_all, shape_key


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Namn", "name"), ("navn", "name"), ("NOM", "name"), ("Name", "name"),
        ("Ort", "city"), ("by", "city"), ("Ville", "city"), ("town", "city"),
        ("Telefon", "phone"), ("Téléphone", "phone"), ("telephone", "phone"),
        ("Webbplats", "website"), ("Hjemmeside", "website"), ("Site web", "website"),
        ("Bransch", "sector_label"), ("Branche", "sector_label"), ("Secteur", "sector_label"),
        ("Land", "country"), ("Pays", "country"), ("Ansvarig", "owner"),
    ],
)  # fmt: skip
def test_headers_in_four_languages_name_fields(header: str, field: str) -> None:
    entity = "openings" if field == "city" else "employers"
    guess = recognise(entity, header)
    assert guess is not None and guess.field == field


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Orgnr", "org_nr"), ("Organisations-nummer", "org_nr"), ("CVR", "cvr"), ("CVR-nr.", "cvr"),
        ("SIREN", "siren"), ("N° SIRET", "siren"), ("siret", "siren"), ("Company number", "companies_house"),
        ("registry_number", None),
    ],
)  # fmt: skip
def test_registry_headers_say_the_kind(header: str, kind: str | None) -> None:
    assert recognise("employers", header) == Guess("registry_number", kind)


def test_folding_ignores_case_accents_and_punctuation() -> None:
    assert header_key(" Téléphone ") == header_key("TELEPHONE") == "telephone"
    assert header_key("E-post") == header_key("epost")
    assert header_key("Størrelse") == "storrelse"


def test_the_same_header_means_the_field_the_entity_has() -> None:
    assert recognise("employers", "Namn") == Guess("name")
    assert recognise("people", "Namn") == Guess("full_name")
    assert recognise("employers", "Ort") is None  # an employer row has no city column
    assert recognise("employers", "Favourite colour") is None


def test_a_field_is_given_to_its_first_column_only() -> None:
    mapping = recognise_all("employers", ["Namn", "Företag", "Orgnr", "Okänd"])
    assert mapping == {"Namn": "name", "Företag": "", "Orgnr": "registry_number", "Okänd": ""}


def test_shape_ignores_order_case_and_accents_but_not_the_headers() -> None:
    assert shape_key(["Namn", "Orgnr"]) == shape_key(["orgnr", "NAMN"])
    assert shape_key(["Téléphone"]) == shape_key(["telephone"])
    assert shape_key(["Namn", "Orgnr"]) != shape_key(["Namn", "Ort"])
