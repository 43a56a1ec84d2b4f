"""Invented registry numbers (valid check digits where the scheme has one) and phone numbers."""

from __future__ import annotations

import random

REGISTRY_KIND: dict[str, str] = {
    "SE": "org_nr",
    "DK": "cvr",
    "FR": "siren",
    "GB": "companies_house",
}


def luhn_digit(digits: str) -> str:
    """Return the Luhn check digit for ``digits`` (used by Swedish org.nr and French SIREN)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def cvr_check(first7: str) -> int | None:
    """Return the CVR modulus-11 check digit for seven digits, or ``None`` if there is none."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    rest = sum(int(d) * w for d, w in zip(first7, weights, strict=True)) % 11
    check = (11 - rest) % 11
    return None if check == 10 else check


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def registry_number(rng: random.Random, country: str) -> str:
    """Return one invented registry number in the country's format."""
    if country == "SE":
        body = "556" + _digits(rng, 6)
        full = body + luhn_digit(body)
        return f"{full[:6]}-{full[6:]}"
    if country == "DK":
        while True:
            first7 = str(rng.randrange(1, 10)) + _digits(rng, 6)
            check = cvr_check(first7)
            if check is not None:
                return f"{first7}{check}"
    if country == "FR":
        body = str(rng.randrange(3, 10)) + _digits(rng, 7)
        return body + luhn_digit(body)
    return "0" + str(rng.randrange(1, 10)) + _digits(rng, 6)


def unique_registry_number(rng: random.Random, country: str, used: set[str]) -> str:
    """Return a registry number not yet in ``used`` and record it there."""
    while True:
        number = registry_number(rng, country)
        if number not in used:
            used.add(number)
            return number


def phone_number(rng: random.Random, country: str) -> str:
    """Return an invented landline number in the national format of the unit's city."""
    if country == "SE":
        return f"08-{_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}"
    if country == "DK":
        return f"{rng.randrange(32, 49)} {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)}"
    if country == "FR":
        return f"04 {rng.choice(('72', '78'))} {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)}"
    return f"0161 {rng.randrange(200, 1000)} {_digits(rng, 4)}"
