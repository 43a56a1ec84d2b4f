"""Synthetic employers in each unit's area: names, registry numbers, stage, needs and sites."""

from __future__ import annotations

import random
from typing import Any

from demo_gen.common import ascii_fold, chance, jitter, new_id, pick_weighted, sample_upto
from demo_gen.esco import Esco
from demo_gen.ids import REGISTRY_KIND, phone_number, unique_registry_number
from demo_gen.names import LEGAL_FORMS, ORG_ROOTS, ROOT_FIRST, SURNAMES, TLD
from demo_gen.places import GAZETTEER, SITE_WORD, STREETS, Place, Unit
from demo_gen.sectors import SECTORS
from demo_gen.texts import NEEDS

EMPLOYERS_PER_UNIT = 75
STAGES: dict[str, float] = {
    "prospect": 30,
    "introduced": 20,
    "learning": 20,
    "partnered": 15,
    "hired_from_us": 8,
    "dormant": 7,
}
SIZE_BANDS: dict[str, float] = {"1-9": 30, "10-49": 35, "50-249": 22, "250+": 13}
SITE_COUNTS: dict[int, float] = {1: 60, 2: 28, 3: 12}
_UK_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def make_employers(
    rng: random.Random, unit: Unit, staff: dict[str, list[str]], esco: Esco
) -> list[dict[str, Any]]:
    """Return ``EMPLOYERS_PER_UNIT`` employers for ``unit``; ``staff`` maps role -> usernames."""
    used_names: set[str] = set()
    used_numbers: set[str] = set()
    sector_weights = {code: s.weight for code, s in SECTORS.items()}
    rows = []
    for _ in range(EMPLOYERS_PER_UNIT):
        sector = pick_weighted(rng, sector_weights)
        size = pick_weighted(rng, SIZE_BANDS)
        name, short = org_name(rng, unit, sector, size, used_names)
        row = {
            "id": new_id(rng),
            "name": name,
            "aliases": aliases(rng, name, short),
            "registry_number": unique_registry_number(rng, unit.country, used_numbers),
            "registry_kind": REGISTRY_KIND[unit.country],
            "country": unit.country,
            "sector_nace": sector,
            "sector_label": SECTORS[sector].label,
            "size_band": size,
            "website": "https://www." + domain(short, unit.country),
            "phone": phone_number(rng, unit.country),
        }
        row.update(relationship(rng, unit, sector, staff, esco))
        row["sites"] = make_sites(rng, unit, short, size)
        rows.append(row)
    return rows


def org_name(rng: random.Random, unit: Unit, sector: str, size: str, used: set[str]) -> tuple[str, str]:
    """Return a new ``(legal name, name without legal form)`` pair, unique within the unit."""
    words = SECTORS[sector].words[unit.language]
    big = size in ("50-249", "250+")
    forms = LEGAL_FORMS[unit.country]
    while True:
        pool = SURNAMES[unit.country] if chance(rng, 0.5) else ORG_ROOTS[unit.country]
        root, word = rng.choice(pool), rng.choice(words)
        short = f"{root} {word}" if ROOT_FIRST[unit.country] else f"{word} {root}"
        form = pick_weighted(rng, {f: (b if big else s) for f, s, b in forms})
        if short not in used:
            used.add(short)
            return f"{short} {form}", short


def aliases(rng: random.Random, name: str, short: str) -> list[str]:
    """Return 0-2 other spellings people use for the employer (for dedupe and search)."""
    options = [short, name.upper(), short.replace(" ", "")]
    initials = "".join(w[0] for w in short.split() if w[:1].isalpha()).upper()
    if len(initials) >= 2:
        options.append(initials)
    k = pick_weighted(rng, {0: 40, 1: 45, 2: 15})
    return sample_upto(rng, options, k)


def domain(short: str, country: str) -> str:
    """Return a web domain derived from the employer name, e.g. ``nordstrombygg.se``."""
    stem = "".join(c for c in ascii_fold(short) if c.isalnum())
    return stem + TLD[country]


def relationship(
    rng: random.Random, unit: Unit, sector: str, staff: dict[str, list[str]], esco: Esco
) -> dict[str, Any]:
    """Return stage, do-not-contact flag, learned needs, hiring occupations and owner."""
    stage = pick_weighted(rng, STAGES)
    pool = esco.pools[sector]
    if stage == "prospect" and chance(rng, 0.2):
        hiring: list[str] = []
    else:
        hiring = sample_upto(rng, pool, rng.randint(1, 3))
    needs = "" if stage == "prospect" else rng.choice(NEEDS[unit.language])
    owners = staff["job_developer"] if chance(rng, 0.5) else staff["specialist"]
    return {
        "stage": stage,
        "do_not_contact": chance(rng, 0.03),
        "needs_learned": needs,
        "hiring_occupations": hiring,
        "owner_username": rng.choice(owners),
    }


def make_sites(rng: random.Random, unit: Unit, short: str, size: str) -> list[dict[str, Any]]:
    """Return 1-3 sites in distinct places of the unit's area."""
    n = pick_weighted(rng, SITE_COUNTS) if size != "1-9" else 1
    places = rng.sample(GAZETTEER[unit.country], n)
    words = SITE_WORD[unit.language]
    sites = []
    for i, place in enumerate(places):
        lat, lon = jitter(rng, place.lat, place.lon, 1.5)
        label = words[0] if i == 0 else rng.choice(words[1:])
        sites.append(
            {
                "id": new_id(rng),
                "name": f"{short} {place.name} ({label})",
                "address": street_address(rng, unit.country),
                "postcode": postcode(rng, place, unit.country),
                "city": place.postal_town,
                "country": unit.country,
                "lat": lat,
                "lon": lon,
            }
        )
    return sites


def street_address(rng: random.Random, country: str) -> str:
    """Return an invented street address in the local format."""
    street = rng.choice(STREETS[country])
    number = rng.randint(1, 120)
    if country in ("FR", "GB"):
        return f"{number} {street}"
    return f"{street} {number}"


def postcode(rng: random.Random, place: Place, country: str) -> str:
    """Return a postcode in the local format built on the place's prefix."""
    if country == "SE":
        return f"{place.postcode} {rng.randint(10, 99)}"
    if country == "GB":
        letters = "".join(rng.choice(_UK_LETTERS) for _ in range(2))
        return f"{place.postcode} {rng.randint(1, 9)}{letters}"
    return place.postcode
