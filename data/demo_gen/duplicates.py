"""Planted duplicate employers: variants of existing ones, as people really type them.

Each variant has no registry number (so it can exist next to the original), a new id and one
site, and names the original in ``duplicate_of`` so the demo and its tests can check that the
duplicate scan finds it.
"""

from __future__ import annotations

import random
from typing import Any

from demo_gen.common import ascii_fold, new_id

#: (country, how the variant differs) in the order they are planted.
PLANTS: tuple[tuple[str, str], ...] = (
    ("SE", "suffix"),
    ("SE", "typo"),
    ("DK", "phone"),
    ("FR", "accents"),
    ("GB", "website"),
)
_LONG_FORM = {
    "AB": "Aktiebolag",
    "Handelsbolag": "HB",
    "ApS": "ApS.",
    "A/S": "AS",
    "SAS": "S.A.S.",
    "SARL": "S.A.R.L.",
    "Ltd": "Limited",
}
_E164 = {"SE": ("0", "+46 "), "DK": ("", "+45 "), "FR": ("0", "+33 "), "GB": ("0", "+44 ")}


def plant_duplicates(rng: random.Random, employers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One variant per entry of `PLANTS`, each of a different original employer."""
    planted = []
    used: set[str] = set()
    for country, kind in PLANTS:
        pool = [e for e in employers if e["country"] == country and e["id"] not in used and _fits(e, kind)]
        original = rng.choice(pool)
        used.add(original["id"])
        planted.append(_variant(rng, original, kind))
    return planted


def _fits(emp: dict[str, Any], kind: str) -> bool:
    words = emp["name"].split()
    if kind == "typo":
        return any(len(w) >= 7 and w.isalpha() for w in words[:-1])
    if kind == "accents":
        return ascii_fold(emp["name"]) != emp["name"].lower()
    return True


def _variant(rng: random.Random, emp: dict[str, Any], kind: str) -> dict[str, Any]:
    words = emp["name"].split()
    name, phone, website = emp["name"], None, None
    if kind == "suffix":
        name = " ".join([*words[:-1], _LONG_FORM.get(words[-1], words[-1])])
    elif kind == "typo":
        i = next(i for i, w in enumerate(words[:-1]) if len(w) >= 7 and w.isalpha())
        j = rng.randrange(2, len(words[i]) - 1)
        words[i] = words[i][:j] + words[i][j + 1 :]  # one letter dropped
        name = " ".join(words)
    elif kind == "phone":
        name = " ".join(words[:-1]).upper()
        trunk, code = _E164[emp["country"]]
        phone = code + emp["phone"].removeprefix(trunk)
    elif kind == "accents":
        name = ascii_fold(emp["name"]).title()
    else:
        name = " ".join([*words[:-1], _LONG_FORM.get(words[-1], words[-1])])
        website = "http://" + emp["website"].removeprefix("https://www.") + "/contact"
    site = dict(emp["sites"][0], id=new_id(rng))
    return {
        **{k: emp[k] for k in ("country", "sector_nace", "sector_label", "size_band", "owner_username")},
        "id": new_id(rng),
        "name": name,
        "aliases": [],
        "registry_number": None,
        "registry_kind": None,
        "stage": "prospect",
        "do_not_contact": False,
        "website": website,
        "phone": phone,
        "needs_learned": "",
        "hiring_occupations": [],
        "sites": [site],
        "duplicate_of": emp["id"],
    }
