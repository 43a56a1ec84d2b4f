"""The ranking's sentences in the page's language (issue 15 item 1, issue 12 item 3).

Every phrase the ranking can say has a translation in each catalog; a Swedish leads page says its
reasons, flags, notes and disclosure note in Swedish (numbers kept), also when the recorded set is
shown again; the English page and the API keep the English text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings

from matching import Ranker
from matching.phrase import Joined, Param, Phrase
from matching.ranking.explain import person_note_phrases
from matching.ranking.reranker import _annotate
from matching.types import Lead, Opening, Profile
from service.usecases.lead_cards import HOW_TO_APPLY
from service.web import i18n
from tests.conftest import Api
from tests.matching.builders import openings, profiles, unit_vectors
from tests.service.test_api import _employer, _opening, _participant

TRANSLATED = [loc for loc in i18n.LOCALES if loc != i18n.DEFAULT]
SV = {"Accept-Language": "sv-SE,sv;q=0.9"}
#: Words of the English reasons that no Swedish lead card may show.
ENGLISH = (
    "their goal",
    "key skills",
    "counts as neutral",
    "applies",
    "benefits plan",
    "travel area",
    "h/week",
)


@cache
def _catalog(locale: str) -> Catalog:
    with (i18n.LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=locale)


def _msgids(param: Param) -> Iterator[str]:
    """Every message id in ``param``, nested ones too."""
    if isinstance(param, Phrase):
        yield param.msgid
        for _, value in param.params:
            yield from _msgids(value)
    elif isinstance(param, Joined):
        for item in param.items:
            yield from _msgids(item)


def _phrases(lead: Lead) -> Iterator[tuple[str, Phrase | None]]:
    """(English text, its phrase) of everything a lead card says from the ranking."""
    ex = lead.explanation
    yield ex.summary, ex.summary_phrase
    yield ex.disclosure_note, ex.disclosure_phrase
    yield from ((p.because, p.phrase) for p in ex.parts)
    yield from ((f.message, f.phrase) for f in ex.flags)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=openings(), profile=profiles())
def test_every_phrase_the_ranking_says_is_translated(items: list[Opening], profile: Profile) -> None:
    leads = (
        Ranker(similarity_floor=0.0)
        .fit(items, unit_vectors(len(items)))
        .rank(profile, unit_vectors(2, seed=1), n=50)
    )
    said: list[tuple[str, Phrase | None]] = [(str(p), p) for p in person_note_phrases(profile)]
    for lead in leads:
        said.extend(_phrases(lead))
        said.extend(_phrases(_annotate(lead, lead.rank, 0.3)) if lead.rank > 1 else ())
        said.extend(_phrases(_annotate(lead, lead.rank + 1, -0.3)))
    for text, phrase in said:
        assert phrase is not None and str(phrase) == text  # the API's English is the phrase's
        for msgid in _msgids(phrase):
            for locale in TRANSLATED:
                message = _catalog(locale).get(msgid)
                assert message is not None and message.string and not message.fuzzy, (locale, msgid)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_how_to_apply_is_translated(locale: str) -> None:
    assert all(_catalog(locale).get(words).string for words in HOW_TO_APPLY.values())


def _world(api: Api) -> str:
    """A painter 17 km from a seasonal 30–40 h opening, hours and contract preferences, a benefits plan."""
    emp = _employer(
        api, name="Måleri Farsta AB", sites=[{"name": "Farsta", "city": "Farsta", "lat": 59.24, "lon": 18.09}]
    )
    _opening(
        api, emp, title="Målare", hours_min=30, hours_max=40, contract_type="seasonal",
        application_route="self_apply",
    )  # fmt: skip
    _employer(api, name="Tom Firma AB")  # an employer lead: the specialist's disclosure note
    _employer(api, name="Stäng Dörren AB", do_not_contact=True)  # left out: a contact rule's reason
    person = _participant(
        api,
        preferences={
            "preferred_occupations": [{"label": "målare"}],
            "hours_min": 10,
            "hours_max": 20,
            "max_commute_km": 25,
            "contract_types": ["permanent"],
        },
        skills=[{"label": "paint surfaces"}],
        benefits={"status": "unemployment", "hours_threshold": 15},
        disclosure={"level": "service_only", "es_may_contact_employers": True},
    )
    return str(person["id"])


def _leads_text(page: str) -> str:
    """The leads part of a page (person notes, lead cards) as text, without the ESCO skill chips."""
    part = page[page.index('<p class="person-note">') :]
    part = re.sub(r'<p class="skills">.*?</p>', " ", part, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())


def _lead_ids(page: str) -> list[str]:
    return re.findall(r'data-lead-id="([^"]+)"', page)


def test_a_swedish_leads_page_says_the_reasons_in_swedish(api: Api) -> None:
    pid = _world(api)
    first = api.call("GET", f"/ui/participants/{pid}", headers=SV)
    assert first.status_code == 200, first.text
    text = _leads_text(first.text)
    assert not [w for w in ENGLISH if w in text], text
    assert "ersättningsplan: kontrollera timmar över 15 tim/vecka" in text  # the person note
    assert re.search(r"Farsta, \d+ km, 30–40 tim, säsongsanställning — matchar hens mål 'målare'", text)
    assert re.search(r"har \d+ av \d+ nyckelkompetenser", text)  # the skills part keeps its counts
    assert re.search(r"\d+ km hemifrån, inom hens eget reseområde på 25 km", text)
    assert (
        "säsongsanställning, inte en anställningsform hen har nämnt (hen vill ha tillsvidareanställning)"
        in text
    )
    assert "upp till 40 tim/vecka är över de 15 tim" in text  # the benefits flag
    assert "Ansökan personen söker själv" in text  # the Apply fact
    assert "Personen söker direkt; inget om stöd eller hälsa går till arbetsgivaren" in text
    assert "IPS-coachen får presentera personen (öppenhetsplan: endast att hen får stöd)." in text
    assert "arbetsgivaren har bett att inte bli kontaktad av programmet" in first.text  # "Not shown"

    again = api.call("GET", f"/ui/participants/{pid}", headers=SV)  # the recorded set, shown again
    assert _lead_ids(again.text) == _lead_ids(first.text)
    assert _leads_text(again.text) == text


def test_the_english_page_and_the_api_keep_the_english_sentences(api: Api) -> None:
    pid = _world(api)
    page = api.call("GET", f"/ui/participants/{pid}").text
    answer = api.call("POST", f"/participants/{pid}/leads", json={"reuse": True}).json()
    assert answer["reused"] and answer["person_notes"] == ["benefits plan: check hours above 15 h/week"]
    text = _leads_text(page)
    for lead in answer["leads"]:
        ex = lead["explanation"]
        said = [ex["summary"], ex["disclosure_note"], lead["card"]["how_to_apply"]]
        said += [p["because"] for p in ex["parts"]] + [f["message"] for f in ex["flags"]]
        assert all(s in text for s in said), [s for s in said if s not in text]
    opening = next(lead for lead in answer["leads"] if lead["kind"] == "opening")
    assert re.fullmatch(
        r"Farsta, \d+ km, 30–40 h, seasonal — matches their goal 'målare'; has \d+ of \d+ key skills",
        opening["explanation"]["summary"],
    )
    assert "counts as neutral" in text and "key skills" in text
