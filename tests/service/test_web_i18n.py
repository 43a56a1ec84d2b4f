"""The pages in four languages: every UI string translated, the locale chosen per request, and
codes and numbers shown in the page's language."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from service.web import i18n
from service.web.labels import LABELS, SECTORS
from tests.conftest import ROOT, Api
from tests.service.crm_helpers import contact, employer, participant

SV = {"Accept-Language": "sv-SE,sv;q=0.9,en-GB;q=0.8,en;q=0.7"}
TRANSLATED = [loc for loc in i18n.LOCALES if loc != i18n.DEFAULT]


def _extracted() -> dict[str, Any]:
    """msgid -> msgid (str, or (singular, plural)) of every string babel.cfg extracts today."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    rooms = [os.path.join(*r.split("/")) for r in ("service/web", "service/usecases", "matching/ranking")]

    def on_the_way(path: str) -> bool:  # walk only the rooms babel.cfg names, not data/ or the tests
        rel = os.path.relpath(path, ROOT)
        return any(room.startswith(rel) or rel.startswith(room) for room in rooms)

    found = extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords={**DEFAULT_KEYWORDS, "N_": None, "say": None},  # as `make messages` (-k N_ -k say)
        directory_filter=on_the_way,
    )
    return {(m if isinstance(m, str) else m[0]): m for _, _, m, _, _ in found}


def test_babel_cfg_finds_the_templates_and_the_labels() -> None:
    ids = _extracted()
    assert "My week" in ids and "Caseload" in ids  # templates
    assert SECTORS["I"] in ids and LABELS["mode"]["face_to_face"] in ids  # N_() labels in page code
    assert "Unknown user or wrong password." in ids  # gettext() in page code
    assert "has %(have)s of %(needed)s key skills" in ids and "seasonal" in ids  # the ranking's phrases
    assert "the person applies themselves" in ids  # the lead card's words for how to apply


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_ui_string_has_a_translation(locale: str) -> None:
    po = i18n.LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=locale)
    lacking = []
    for key in _extracted():
        message = catalog.get(key)
        strings = () if message is None else message.string
        strings = (strings,) if isinstance(strings, str) else strings
        if message is None or message.fuzzy or not all(strings):
            lacking.append(key)
    assert not lacking, f"{po}: no (or a fuzzy) translation for {lacking}; run `make messages` and translate"
    errors = [(m.id, [str(e) for e in errs]) for m, errs in catalog.check()]
    assert not errors, f"{po}: placeholders differ from the English: {errors}"


@pytest.mark.parametrize(
    ("cookie", "header", "want"),
    [
        (None, "sv-SE,sv;q=0.9,en;q=0.5", "sv"),
        (None, "de-DE, fr-CH;q=0.9, en;q=0.8", "fr"),
        (None, "en;q=0.2, da;q=0.9", "da"),
        (None, "da;q=0, fr", "fr"),
        (None, "de, ja", "en"),
        (None, "q=;;,", "en"),
        (None, None, "en"),
        ("da", "sv", "da"),
        ("xx", "sv", "sv"),
    ],
)
def test_the_locale_is_the_choice_then_the_browser_then_english(
    cookie: str | None, header: str | None, want: str
) -> None:
    assert i18n.choose_locale(cookie, header) == want


def test_numbers_dates_and_money_follow_the_locale() -> None:
    day = dt.date(2026, 12, 2)
    with i18n.rendering("en"):
        en = (i18n.decimal(0.5, "0.00"), i18n.day(day), i18n.money(12.5, "GBP"), i18n.percent(0.41))
    with i18n.rendering("sv"):
        sv = (i18n.decimal(0.5, "0.00"), i18n.day(day), i18n.money(125, "SEK"), i18n.percent(0.41))
    with i18n.rendering("fr"):
        fr = (i18n.day(day), i18n.language_name("sv"), i18n.percent(0.41))
    assert en[0] == "0.50" and sv[0] == "0,50"  # decimal separator
    assert "Dec" in en[1] and "dec." in sv[1] and "déc." in fr[0]  # month names
    assert en[2].startswith("£") and sv[2].endswith("kr")  # currency symbol and its place
    assert en[3] == "41%" and "41" in sv[3] and sv[3] != "41%"  # Swedish spaces the percent sign
    assert fr[1] == "suédois"


def _week_of(when: dt.datetime) -> str:
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"


def test_a_swedish_browser_gets_swedish_pages(api: Api) -> None:
    emp = employer(api, name="Kaffebaren AB", sector_nace="I56", stage="partnered")
    when = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    contact(api, emp["id"], occurred_at=when.isoformat())
    person = participant(api)

    week = api.call("GET", "/ui/week", params={"week": _week_of(when)}, headers=SV)
    assert week.status_code == 200, week.text
    assert '<html lang="sv">' in week.text and week.headers["content-language"] == "sv"
    assert "Min vecka" in week.text and "Ansikte mot ansikte" in week.text  # nav and the contact mode
    assert "Lära känna verksamheten" in week.text  # the purpose learn_business, as words
    shown = re.sub(r'value="[^"]*"', "", week.text)  # the forms' option values are codes, never shown
    assert "face_to_face" not in shown and "My week" not in shown

    employers = api.call("GET", "/ui/employers", headers=SV).text
    assert "Hotell och restaurang" in employers and "Samarbetspartner" in employers  # I56, partnered
    leads = api.call("GET", f"/ui/participants/{person['id']}", headers=SV)
    assert leads.status_code == 200, leads.text
    assert "Jobbförslag" in leads.text and "Endast att hen får stöd" in leads.text  # service_only
    assert "Leads" not in leads.text


def test_the_switcher_remembers_a_language_over_the_browsers(api: Api) -> None:
    chosen = api.client.get("/ui/lang", params={"lang": "da", "next": "/ui/week"}, follow_redirects=False)
    assert chosen.status_code == 303 and chosen.headers["location"] == "/ui/week"
    assert chosen.cookies.get(i18n.LANG_COOKIE) == "da"
    api.client.cookies.set(i18n.LANG_COOKIE, "da")
    page = api.call("GET", "/ui/participants", headers=SV)
    assert "Deltagere" in page.text and '<html lang="da">' in page.text
    api.client.cookies.clear()
    away = api.client.get(
        "/ui/lang", params={"lang": "fr", "next": "//evil.example/x"}, follow_redirects=False
    )
    assert away.headers["location"] == "/ui"  # never a redirect off the site
    cleared = api.client.get("/ui/lang", params={"lang": "xx"}, follow_redirects=False)
    assert cleared.status_code == 303 and i18n.LANG_COOKIE not in cleared.cookies
    english = api.call("GET", "/ui/participants")
    assert '<html lang="en">' in english.text and "Caseload" in english.text


def test_the_login_error_is_in_the_browsers_language(api: Api) -> None:
    r = api.client.post(
        "/ui/login",
        data={"username": "nobody", "password": "wrong password!"},
        headers={"Accept-Language": "fr", "Origin": "http://localhost"},
    )
    assert r.status_code == 401 and "Utilisateur inconnu ou mot de passe incorrect." in r.text


def test_translated_catalogs_ship_with_the_package() -> None:
    assert all((i18n.LOCALE_DIR / loc / "LC_MESSAGES" / "messages.po").is_file() for loc in TRANSLATED)
    assert Path(i18n.__file__).parent / "locale" == i18n.LOCALE_DIR
