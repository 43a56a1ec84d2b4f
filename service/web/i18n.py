"""The pages' language: which locale a request gets, its gettext catalog, and locale-aware formats.

Catalogs are the gettext ``.po`` files under ``locale/<lang>/LC_MESSAGES/messages.po`` (Babel),
read and compiled in memory on first use, so a fresh clone needs no build step and no ``.mo``
files are committed. ``make messages`` re-extracts the strings and updates the catalogs
(docs/web.md). The locale of the page being rendered lives in a context variable set by
`rendering`: the Jinja2 i18n callables and the format filters read it, so one shared template
environment serves every language at once (each request renders on its own thread).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel import Locale, negotiate_locale
from babel.dates import format_date, format_skeleton, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import Translations

#: The UI's languages; English is the source language and the default.
LOCALES: tuple[str, ...] = ("en", "sv", "da", "fr")
DEFAULT = "en"
#: Set by the language switcher (`GET /ui/lang`): the user's own choice beats the browser's.
LANG_COOKIE = "ipsmatch_lang"
LOCALE_DIR = Path(__file__).parent / "locale"
_CURRENT: ContextVar[str] = ContextVar("ui_locale", default=DEFAULT)
#: The conventions dates and numbers follow: the UI's English is British ("5 Jan 2026", "£12.50").
_FORMATS = {"en": "en_GB"}


def choose_locale(cookie: str | None, accept_language: str | None) -> str:
    """The page language, one of LOCALES.

    The switcher's cookie if it names one, then the browser's ``Accept-Language`` (q-ordered;
    "sv-SE" matches "sv"), then English.
    """
    if cookie in LOCALES:
        return str(cookie)
    preferred = _accepted(accept_language or "")
    return negotiate_locale(preferred, LOCALES, sep="-") or DEFAULT


def _accepted(header: str) -> list[str]:
    """Language tags of an Accept-Language header, best first (q=0 and junk dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")[:20]):  # a header is short; bound the work anyway
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag and tag != "*" and q > 0:
            ranked.append((-q, i, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]


@cache
def translations(locale: str) -> Translations:
    """The compiled catalog of ``locale`` (an empty one for English, the source language)."""
    po = LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
    if locale == DEFAULT or not po.exists():
        return Translations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog)  # fuzzy entries are left out: an unchecked translation shows English
    buf.seek(0)
    return Translations(fp=buf)


def current() -> str:
    """The locale of the page being rendered."""
    return _CURRENT.get()


@contextmanager
def rendering(locale: str) -> Iterator[None]:
    """Render in ``locale`` inside the block."""
    token = _CURRENT.set(locale)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current locale (the English text when the catalog lacks it)."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the current locale."""
    return translations(current()).ngettext(singular, plural, n)


def _formats() -> str:
    return _FORMATS.get(current(), current())


def _day(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def day(value: dt.date | str | None, form: str = "medium") -> str:
    """A date in the current locale ("2 Dec 2026", "2 dec. 2026"); "" for None."""
    return "" if value is None else format_date(_day(value), form, locale=_formats())


def day_short(value: dt.date | str | None) -> str:
    """Weekday, day and month ("Wed 2 Dec", "ons 2 dec.") without the year; "" for None."""
    return "" if value is None else format_skeleton("MMMEd", _day(value), locale=_formats())


def moment(value: dt.datetime | None) -> str:
    """Weekday, day, month and time of day in the current locale; "" for None."""
    if value is None:
        return ""
    return f"{day_short(value)} {format_time(value, 'short', locale=_formats())}"


def decimal(value: float | None, pattern: str | None = None) -> str:
    """A number in the current locale ("0.83", "0,83"); ``pattern`` as Babel's (e.g. "0.00")."""
    return "" if value is None else format_decimal(value, format=pattern, locale=_formats())


def percent(value: float | None) -> str:
    """A share in [0, 1] as a percentage in the current locale ("41%", "41 %"); "–" for None."""
    return "–" if value is None else format_percent(value, locale=_formats())


def money(value: float | None, currency: str) -> str:
    """An amount with its ISO currency in the current locale ("£12.50", "125,00 kr")."""
    if value is None:
        return ""
    return format_currency(value, currency, locale=_formats()) if currency else decimal(value, "0.00")


def language_name(code: str) -> str:
    """The name of the language ``code`` in the current locale ("sv" in French: "suédois")."""
    return Locale.parse(current()).languages.get(code, code)


def language_names() -> list[tuple[str, str]]:
    """(code, name in its own language) for the switcher, in LOCALES order."""
    return [(code, Locale.parse(code).get_display_name(code) or code) for code in LOCALES]
