"""Countries an employer can be in: ISO 3166 alpha-2 codes, named in the page's language by Babel.

The codes are the territories Babel (CLDR) names, less its groupings and pseudo-regions (EU,
UN, ZZ, ...), so a form's country select offers every real country and refuses anything else.
"""

from __future__ import annotations

from babel import Locale

from service.web.i18n import current

#: CLDR's two-letter codes that are groupings or test regions, not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})
COUNTRY_CODES: frozenset[str] = frozenset(
    code
    for code in map(str, Locale.parse("en").territories)
    if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
)


def country_name(code: str | None) -> str:
    """The name of country ``code`` in the current locale ("SE" in French: "Suède"); "" for None."""
    if not code:
        return ""
    return Locale.parse(current()).territories.get(code.upper(), code)


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country, ordered by its name in the current locale."""
    names = Locale.parse(current()).territories
    return sorted(((code, names.get(code, code)) for code in COUNTRY_CODES), key=lambda c: c[1].casefold())
