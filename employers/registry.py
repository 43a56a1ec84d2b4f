"""Registry numbers in their normal form per kind, so two spellings of one number compare equal.

The kind is read from the number's shape and prefix (the four countries' numbers do not collide):

- GB Companies House: 8 characters, digits or two letters and six digits. Spreadsheets drop the
  leading zeros (``1234567``, ``SC89123``), so digits are padded back: ``01234567``, ``SC089123``.
- DK CVR: 8 digits, often written ``DK12345678`` (the VAT form) or ``CVR 12 34 56 78``.
- FR SIREN: 9 digits; a SIRET (14 digits: SIREN + 5 for the establishment) or the VAT form
  ``FR32 813456780`` (key + SIREN) names the same company, so both reduce to the SIREN.
- SE organisationsnummer: 10 digits; the 12-digit form with the ``16`` prefix and the VAT form
  ``SE556677889901`` reduce to the 10.

Anything else keeps its letters and digits, upper case (``HRB 12345`` -> ``HRB12345``).
"""

from __future__ import annotations

import re

#: Words written before a number that are not part of it.
_LABELS = re.compile(r"^(CVR|SIREN|SIRET|ORGNR|CRN|RCS)")


def registry_key(number: str | None) -> str | None:
    """The normal form of a registry number (see the module rules); None if empty."""
    if not number:
        return None
    key = _LABELS.sub("", re.sub(r"[^0-9A-Za-z]", "", number).upper())
    for rule in (_danish, _french, _swedish, _british):
        normal = rule(key)
        if normal is not None:
            return normal
    return key or None


def _danish(key: str) -> str | None:
    found = re.fullmatch(r"DK(\d{8})", key)
    return found.group(1) if found else None


def _french(key: str) -> str | None:
    if re.fullmatch(r"\d{14}", key):  # SIRET: the SIREN and an establishment number
        return key[:9]
    found = re.fullmatch(r"FR[0-9A-Z]{2}(\d{9})", key)
    return found.group(1) if found else None


def _swedish(key: str) -> str | None:
    found = re.fullmatch(r"16(\d{10})|SE(\d{10})01", key)
    return (found.group(1) or found.group(2)) if found else None


def _british(key: str) -> str | None:
    if re.fullmatch(r"\d{1,7}", key):  # a Companies House number that lost its leading zeros
        return key.zfill(8)
    found = re.fullmatch(r"GB(\d{8})|([A-Z]{2})(\d{1,6})", key)
    if not found:
        return None
    return found.group(1) or found.group(2) + found.group(3).zfill(6)


def registry_problem(number: str, kind: str) -> str | None:
    """Why ``number`` is not a valid number of ``kind`` (its check digit, its length), or None.

    org_nr and siren carry a Luhn check digit, cvr a modulus-11 one (weights 2765432 and 1);
    a Companies House number has none, only its shape (8 digits, or 2 letters and 6 digits);
    ``other`` is not checked.
    """
    key = registry_key(number) or ""
    if kind == "companies_house":
        return None if re.fullmatch(r"\d{8}|[A-Z]{2}\d{6}", key) else "is not a Companies House number"
    length, check = _CHECKS.get(kind, (0, None))
    if check is None:
        return None
    if not re.fullmatch(rf"\d{{{length}}}", key):
        return f"must have {length} digits as a {kind} number"
    return None if check(key) else f"{number!r} fails the {kind} check digit"


def _luhn(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _modulus_11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2, 1), strict=True)) % 11 == 0


#: kind -> (digits in the normal form, check); see `registry_problem`.
_CHECKS = {"org_nr": (10, _luhn), "cvr": (8, _modulus_11), "siren": (9, _luhn)}
