from __future__ import annotations

from pathlib import Path

import pytest

from matching.esco import EscoCatalog
from matching.linker import TitleLinker

DATA = Path(__file__).resolve().parents[2] / "data" / "esco"


@pytest.fixture(scope="module")
def catalog() -> EscoCatalog:
    return EscoCatalog.load(DATA)


@pytest.fixture(scope="module")
def linker(catalog: EscoCatalog) -> TitleLinker:
    return TitleLinker().fit(catalog.labels)


# A handful of real titles per language, and the ISCO unit group a specialist would expect.
KNOWN = [
    ("Lagerarbetare", "9333"),  # sv: warehouse worker
    ("Butikssäljare", "5223"),  # sv: shop sales assistant
    ("rengøringsassistent", "9112"),  # da: cleaner
    ("kok", "5120"),  # da: cook
    ("Agent d'entretien d'immeubles", "9112"),  # fr: building cleaner
    ("Serveur en restauration", "5131"),  # fr: waiter
    ("Chauffeur livreur", "8322"),  # fr: delivery driver
    ("kitchen porter", "9412"),
    ("warehouse worker", "9333"),
]


@pytest.mark.parametrize(("title", "isco"), KNOWN)
def test_known_titles_link_to_the_expected_group(
    linker: TitleLinker, catalog: EscoCatalog, title: str, isco: str
) -> None:
    best = linker.best(title)
    assert best is not None, title
    assert catalog.occupations[best.uri][0] == isco


def test_nonsense_links_to_nothing(linker: TitleLinker) -> None:
    assert linker.best("qzxv wrrk") is None


def test_catalog_gives_essential_skills(catalog: EscoCatalog) -> None:
    uri = next(u for u, (_, label) in catalog.occupations.items() if label == "kitchen porter")
    skills = catalog.essential_skills(uri)
    assert len(skills) >= 5 and all(s.uri.startswith("http://data.europa.eu/esco/skill/") for s in skills)
    assert catalog.occupation(uri).isco_group == "9412"
