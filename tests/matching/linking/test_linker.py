from __future__ import annotations

from pathlib import Path

import pytest

from matching.linking.esco import EscoCatalog
from matching.linking.fusion import TreeEnsemble
from matching.linking.linker import TitleLinker

DATA = Path(__file__).resolve().parents[3] / "data"


@pytest.fixture(scope="module")
def catalog() -> EscoCatalog:
    return EscoCatalog.load(DATA / "esco")


@pytest.fixture(scope="module")
def linker(catalog: EscoCatalog) -> TitleLinker:
    """The shipped lexical fusion (what runs when no sentence vectors are available)."""
    fusion = TreeEnsemble.load(DATA / "linker" / "fusion-lexical.npz")
    return TitleLinker(fusion=fusion).fit(catalog.linker_labels())


# Real titles per language, and the ISCO unit group a specialist would expect.
KNOWN = [
    ("Lagerarbetare", "sv", "9333"),  # warehouse worker
    ("Butikssäljare", "sv", "5223"),  # shop sales assistant
    ("Städare", "sv", "9112"),  # cleaner
    ("rengøringsassistent", "da", "9112"),  # cleaner
    ("kok", "da", "5120"),  # cook
    ("social- og sundhedsassistent", "da", "5321"),  # health care assistant
    ("lagerarbejder", "da", "9333"),  # warehouse worker
    ("Agent d'entretien", "fr", "9112"),  # cleaner
    ("Agent d'entretien d'immeubles", "fr", "9112"),  # building cleaner
    ("Serveur", "fr", "5131"),  # waiter
    ("Serveur en restauration", "fr", "5131"),
    ("Chauffeur livreur", "fr", "8322"),  # delivery driver
    ("Aide-soignant / Aide-soignante", "fr", "5321"),  # nursing assistant
    ("kitchen porter", "en", "9412"),
    ("warehouse worker", "en", "9333"),
    ("office cleaner", "en", "9112"),
    ("shop assistant", "en", "5223"),
]


@pytest.mark.parametrize(("title", "lang", "isco"), KNOWN)
def test_known_titles_link_to_the_expected_group(
    linker: TitleLinker, catalog: EscoCatalog, title: str, lang: str, isco: str
) -> None:
    best = linker.best(title, lang=lang)
    assert best is not None, title
    assert catalog.occupations[best.uri][0] == isco, (title, best)


def test_serveur_is_a_waiter_not_a_barista(linker: TitleLinker, catalog: EscoCatalog) -> None:
    first, second = linker.link(["Serveur"], k=2, lang="fr")[0]
    assert catalog.occupations[first.uri][0] == "5131"
    assert first.score > second.score  # no tie any more (char TF-IDF alone gave both 1.0)


def test_nonsense_links_to_nothing(linker: TitleLinker) -> None:
    assert linker.best("qzxv wrrk") is None


def test_groups_only_when_asked(linker: TitleLinker) -> None:
    found = linker.link(["Domare"], k=10, lang="sv", groups="all")[0]
    assert any("/isco/" in c.uri for c in found)
    assert all("/isco/" not in c.uri for c in linker.link(["Domare"], k=10, lang="sv")[0])


def test_without_a_fusion_model_char_tfidf_decides(catalog: EscoCatalog) -> None:
    plain = TitleLinker().fit(catalog.labels)  # the published baseline, no ISCO tree
    best = plain.best("Lagerarbetare")
    assert best is not None and catalog.occupations[best.uri][0] == "9333"
    assert plain.best("qzxv wrrk") is None


def test_catalog_gives_essential_skills(catalog: EscoCatalog) -> None:
    uri = next(u for u, (_, label) in catalog.occupations.items() if label == "kitchen porter")
    skills = catalog.essential_skills(uri)
    assert len(skills) >= 5 and all(s.uri.startswith("http://data.europa.eu/esco/skill/") for s in skills)
    assert catalog.occupation(uri).isco_group == "9412"


def test_a_title_in_an_unstated_language_is_linked_in_the_right_one(
    linker: TitleLinker, catalog: EscoCatalog
) -> None:
    wrong = linker.best("Lagerarbetare", lang="en")  # read as English: forklift operator (8344)
    assert wrong is not None and catalog.occupations[wrong.uri][0] != "9333"
    found, lang = linker.best_any_language("Lagerarbetare")
    assert found is not None and catalog.occupations[found.uri][0] == "9333" and lang == "sv"
    found, lang = linker.best_any_language("Agent d'entretien")
    assert found is not None and catalog.occupations[found.uri][0] == "9112" and lang == "fr"
    found, lang = linker.best_any_language("kitchen porter")
    assert found is not None and catalog.occupations[found.uri][0] == "9412" and lang == "en"
    assert linker.best_any_language("qzxv wrrk") == (None, None)
    assert linker.best_any_language("-") == (None, None)


def test_a_title_linked_before_is_answered_from_memory_unchanged(linker: TitleLinker) -> None:
    titles = ["Lagerarbetare", "Kock till vårt kök", "Lagerarbetare"]
    fresh = linker.with_encoder(None)  # shares the index, starts with an empty memory
    first = fresh.link(titles, k=3, lang="sv", groups="unit")
    assert fresh.cache.misses == 3 and len(fresh.cache) == 2  # the repeated title scored once
    again = fresh.link(titles[::-1], k=3, lang="sv", groups="unit")
    assert fresh.cache.hits == 3
    assert again == first[::-1] and first[0] == first[2]
    unremembered = TitleLinker(fusion=linker.fusion, cache_size=0)
    unremembered.index_ = linker.index_
    assert unremembered.link(titles, k=3, lang="sv", groups="unit") == first
    assert len(unremembered.cache) == 0


def test_a_different_question_or_model_is_not_answered_from_memory(linker: TitleLinker) -> None:
    fresh = linker.with_encoder(None)
    fused = fresh.link(["Städare"], k=2, lang="sv")[0]
    assert fresh.link(["Städare"], k=1, lang="sv")[0] == fused[:1]
    assert fresh.cache.hits == 0  # k is part of the question
    fresh.fusion = None  # character TF-IDF alone scores differently
    plain = fresh.link(["Städare"], k=2, lang="sv")[0]
    assert [c.score for c in plain] != [c.score for c in fused] and fresh.cache.hits == 0


def test_a_linker_with_another_encoder_shares_settings_and_index_not_memory(linker: TitleLinker) -> None:
    tuned = TitleLinker(fusion=linker.fusion, pool=12, min_score=0.2, cache_size=7, workers=2)
    tuned.index_ = linker.index_
    tuned.link(["Städare"], k=1, lang="sv")
    other = tuned.with_encoder(None)
    settings = ("fusion", "pool", "min_score", "reranker", "workers", "index_")
    assert all(getattr(other, name) is getattr(tuned, name) for name in settings)
    assert other.cache is not tuned.cache and other.cache.size == 7 and len(other.cache) == 0
    assert len(tuned.cache) == 1 and other._encode_lock is not tuned._encode_lock
    other.pool = 3  # its own attributes: the original keeps its settings
    assert tuned.pool == 12
