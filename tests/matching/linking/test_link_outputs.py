"""The fast linker answers exactly as the linker did before it was made fast.

``fixtures/links_recorded.json`` holds what the linker of commit 6447d5d (per-row feature
loops, the numpy tree walk) returned for a sample of real titles, with the shipped lexical
fusion: the top 5 concepts of each title, their scores, labels and label languages. It was
written by running this file as a script on that commit::

    PYTHONPATH=. python tests/matching/linking/test_link_outputs.py --record

The test links the same titles with today's linker and wants the same concepts in the same
order, the same labels, and scores within 1e-9.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from matching.linking.esco import EscoCatalog
from matching.linking.fusion import TreeEnsemble
from matching.linking.linker import Groups, TitleLinker

ROOT = Path(__file__).resolve().parents[3]
RECORDED = Path(__file__).with_name("fixtures") / "links_recorded.json"
TOLERANCE = 1e-9

#: Headlines as a job board writes them (the feed benchmark's patterns), plain titles in each
#: language, and titles in no stated language (linked against every label).
TITLES: dict[str, list[str]] = {
    "sv": [
        "Lagerarbetare",
        "Truckförare till lagret",
        "Undersköterska sökes till hemtjänsten i Malmö",
        "Vårdbiträde, Uppsala",
        "Erfaren Personlig assistent till äldreboendet",
        "Lokalvårdare – deltid, Göteborg",
        "Kock till vårt kök (12)",
        "Restaurangbiträde sökes till butiken i Lund",
        "Kassabiträde, Örebro",
        "Barnskötare till skolan",
        "Lastbilschaufför – deltid, Umeå",
        "Busschaufför sökes till produktionen i Gävle",
        "Montör, verkstad",
        "Maskinoperatör till produktionen",
        "Svetsare, industri",
        "Snickare till kontoret (40)",
        "Elektriker sökes till skolan i Kiruna",
        "VVS-montör",
        "Fastighetsskötare, fastighet",
        "Kundtjänstmedarbetare, kundservice",
        "Ekonomiassistent till kontoret",
        "Sjuksköterska, sjukhus",
        "Tandsköterska – deltid, Visby",
        "Frisör",
        "Väktare, säkerhet",
        "Postsorterare, post",
        "Plockare till lagret",
        "Hotellstädare, hotell",
        "Servitör sökes till vårt kök i Solna",
        "Pizzabagare, restaurang",
        "Förskollärare, förskola",
        "Mekaniker, fordon",
        "Däckmontör – deltid, Borås",
        "Bilrekonditionerare",
        "Butikssäljare",
        "Städare",
    ],
    "da": ["rengøringsassistent", "kok", "social- og sundhedsassistent", "lagerarbejder", "chauffør"],
    "fr": [
        "Agent d'entretien H/F",
        "Serveur / Serveuse",
        "Vendeur(se) en boulangerie",
        "Chauffeur livreur",
        "Aide-soignant / Aide-soignante",
        "Préparateur de commandes",
    ],
    "en": ["kitchen porter", "warehouse worker", "office cleaner", "shop assistant", "Chief Executives"],
    "": ["Lagerarbetare", "kok", "Serveur", "forklift driver", "Undersköterska", "x"],
}
#: (groups, k) asked of every language's titles.
ASKS: list[tuple[Groups, int]] = [("unit", 5), ("all", 5)]


def _link_all(linker: TitleLinker) -> dict[str, Any]:
    """Per "lang|groups|k" key, per title, its top concepts as [uri, score, label, lang]."""
    out: dict[str, Any] = {}
    for lang, titles in TITLES.items():
        for groups, k in ASKS:
            found = linker.link(titles, k=k, lang=lang or None, groups=groups)
            out[f"{lang}|{groups}|{k}"] = {
                title: [[c.uri, c.score, c.label, c.lang] for c in cands]
                for title, cands in zip(titles, found, strict=True)
            }
    return out


def _shipped_linker() -> TitleLinker:
    catalog = EscoCatalog.load(ROOT / "data" / "esco")
    fusion = TreeEnsemble.load(ROOT / "data" / "linker" / "fusion-lexical.npz")
    return TitleLinker(fusion=fusion).fit(catalog.linker_labels())


@pytest.fixture(scope="module")
def linker() -> TitleLinker:
    return _shipped_linker()


def test_links_equal_those_of_the_linker_before_it_was_made_fast(linker: TitleLinker) -> None:
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    now = _link_all(linker)
    assert now.keys() == recorded.keys()
    linked = 0
    for key, titles in recorded.items():
        for title, before in titles.items():
            after = now[key][title]
            assert [c[0] for c in after] == [c[0] for c in before], (key, title)  # same concepts, same order
            assert [c[2:] for c in after] == [c[2:] for c in before], (key, title)  # same labels
            for (_, new, *_), (_, old, *_) in zip(after, before, strict=True):
                assert abs(new - old) <= TOLERANCE, (key, title, new, old)
            linked += bool(before)
    assert linked > 100  # the sample links, so the comparison compares something


if __name__ == "__main__" and "--record" in sys.argv:
    RECORDED.parent.mkdir(exist_ok=True)
    RECORDED.write_text(
        json.dumps(_link_all(_shipped_linker()), ensure_ascii=False, indent=1), encoding="utf-8"
    )
