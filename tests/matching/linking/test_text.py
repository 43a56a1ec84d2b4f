from __future__ import annotations

import pytest

from matching.linking.text import fold, singular_en, stem_tokens, title_variants


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Agent d'entretien (H/F)", "fr", "Agent d'entretien"),
        ("Serveur H/F", "fr", "Serveur"),
        ("Vendeur(se)", "fr", "Vendeur"),
        ("Opérateur / Opératrice de production", "fr", "Opérateur de production"),
        ("Opérateur / Opératrice de production", "fr", "Opératrice de production"),
        (
            "Accueillant familial / Accueillante familiale auprès d'adultes",
            "fr",
            "Accueillant familial auprès d'adultes",
        ),
        ("Försäljningsassistent/Säljadministratör", "sv", "Säljadministratör"),
        ("Chief Executives", "en", "Chief Executive"),
    ],
)
def test_variants_include_the_plain_form(title: str, lang: str, expected: str) -> None:
    variants = title_variants(title, lang)
    assert variants[0] == title  # the title as written always comes first
    assert expected in variants


def test_variants_never_repeat_and_plural_rules_are_english_only() -> None:
    assert title_variants("kitchen porter", "en") == ["kitchen porter"]
    assert title_variants("Lagerarbetare", "sv") == ["Lagerarbetare"]
    assert title_variants("Chiropractors", "fr") == ["Chiropractors"]


def test_typography_and_stems() -> None:
    assert fold("Auxiliaire  de vie auprès d’enfants") == "auxiliaire de vie auprès d'enfants"
    assert stem_tokens("Serveuse") == stem_tokens("serveur") == ["serve"]
    assert singular_en("Batteries and Boxes") == "Battery and Box"
    assert singular_en("Business Analysts") == "Business Analyst"
