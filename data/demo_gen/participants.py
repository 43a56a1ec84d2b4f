"""Synthetic, pseudonymous IPS participants: preferences, skills, disclosure and benefits plans."""

from __future__ import annotations

import random
from typing import Any

from demo_gen.common import chance, jitter, new_id, pick_weighted, sample_upto
from demo_gen.esco import Esco
from demo_gen.names import FIRST_NAMES, FREE_TEXT_OCCUPATIONS, SURNAMES
from demo_gen.places import GAZETTEER, Unit
from demo_gen.sectors import LICENCES, SECTORS
from demo_gen.texts import GOAL_THEMES, GOALS, STATEMENT_TIERS, STATEMENTS

PARTICIPANTS_PER_UNIT = 15
DISCLOSURE: dict[str, float] = {"none": 40, "service_only": 30, "partial": 20, "full": 10}
BENEFITS: dict[str, float] = {"none": 45, "disability_pension": 20, "unemployment": 20, "sickness": 15}
CONTRACT_TYPES: tuple[str, ...] = ("permanent", "fixed_term", "temporary", "seasonal", "apprenticeship")
OTHER_LICENCES: dict[str, float] = {
    "driving_c": 0.03,
    "forklift": 0.06,
    "food_hygiene": 0.06,
    "security": 0.02,
    "first_aid": 0.06,
}


def make_participants(
    rng: random.Random, unit: Unit, unit_id: str, specialists: list[str], esco: Esco, closed: set[int]
) -> list[dict[str, Any]]:
    """Return the unit's participants; indexes in ``closed`` get status ``closed``."""
    used_names: set[str] = set()
    rows = []
    for i in range(PARTICIPANTS_PER_UNIT):
        lang = unit.language if chance(rng, 0.85) else "en"
        place = rng.choice(GAZETTEER[unit.country])
        lat, lon = jitter(rng, place.lat, place.lon, 2.0)
        preferences, occupations = make_preferences(rng, esco, lang)
        rows.append(
            {
                "id": new_id(rng),
                "unit_id": unit_id,
                "specialist_username": specialists[i % len(specialists)],
                "display_name": pseudonym(rng, unit.country, used_names),
                "language": lang,
                "home": {"city": place.name, "lat": lat, "lon": lon},
                "status": "closed" if i in closed else "active",
                "preferences": preferences,
                "skills": make_skills(rng, esco, occupations),
                "licences": make_licences(rng),
                "exclude_missing_licence": chance(rng, 0.2),
                "disclosure": make_disclosure(rng, lang),
                "benefits": make_benefits(rng),
            }
        )
    return rows


def pseudonym(rng: random.Random, country: str, used: set[str]) -> str:
    """Return a first name plus surname initial (e.g. ``Sara L.``), unique within the unit."""
    while True:
        name = f"{rng.choice(FIRST_NAMES[country])} {rng.choice(SURNAMES[country])[0]}."
        if name not in used:
            used.add(name)
            return name


def make_preferences(rng: random.Random, esco: Esco, lang: str) -> tuple[dict[str, Any], list[str]]:
    """Return the preferences block and the URIs of the preferred ESCO occupations."""
    theme = rng.choice(sorted(GOAL_THEMES))
    liked = pick_liked_sectors(rng, GOAL_THEMES[theme])
    preferred = pick_occupations(rng, esco, liked, rng.choices((1, 2, 3), (45, 35, 20))[0])
    wanted = set(preferred) | {u for code in liked for u in esco.pools[code]}
    refused_pool = sorted({u for pool in esco.pools.values() for u in pool} - wanted)
    refused = sample_upto(rng, refused_pool, rng.choices((0, 1, 2), (50, 35, 15))[0])
    others = [c for c in sorted(SECTORS) if c not in liked and not set(esco.pools[c]) & set(preferred)]
    prefs = {
        "preferred_occupations": [occupation_entry(rng, esco, u, lang) for u in preferred],
        "refused_occupations": [{"label": esco.label(u, lang), "esco_uri": u} for u in refused],
        "liked_sectors": liked,
        "refused_sectors": sample_upto(rng, others, rng.choices((0, 1, 2), (55, 30, 15))[0]),
        "contract_types": sorted(sample_upto(rng, CONTRACT_TYPES, rng.randint(1, 2)))
        if chance(rng, 0.2)
        else [],
        "goals": GOALS[lang][theme],
    }
    prefs.update(make_hours_and_commute(rng))
    return prefs, preferred


def pick_liked_sectors(rng: random.Random, suggested: tuple[str, ...]) -> list[str]:
    """Return 0-3 liked sectors, starting with one the goal suggests when there is one."""
    k = rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]
    liked = [rng.choice(suggested)] if suggested and k else []
    weights = {c: s.weight for c, s in SECTORS.items() if c not in liked}
    while len(liked) < k:
        code = pick_weighted(rng, weights)
        weights.pop(code)
        liked.append(code)
    return liked


def pick_occupations(rng: random.Random, esco: Esco, liked: list[str], k: int) -> list[str]:
    """Return ``k`` distinct occupation URIs, mostly from the liked sectors' pools."""
    weights = {c: s.weight for c, s in SECTORS.items()}
    chosen: list[str] = []
    for _ in range(50):
        if len(chosen) == k:
            break
        sector = rng.choice(liked) if liked and chance(rng, 0.75) else pick_weighted(rng, weights)
        uri = rng.choice(esco.pools[sector])
        if uri not in chosen:
            chosen.append(uri)
    return chosen


def occupation_entry(rng: random.Random, esco: Esco, uri: str, lang: str) -> dict[str, str]:
    """Return ``{"label", "esco_uri"}``; ~15% are free text typed by the person (no URI)."""
    if chance(rng, 0.15):
        return {"label": rng.choice(FREE_TEXT_OCCUPATIONS[lang]), "esco_uri": ""}
    return {"label": esco.label(uri, lang), "esco_uri": uri}


def make_hours_and_commute(rng: random.Random) -> dict[str, Any]:
    """Return hours (None when not stated) and commute preferences with constraint flags."""
    hours: tuple[float | None, float | None] = (None, None)
    if not chance(rng, 0.3):
        hours = rng.choice(((10.0, 20.0), (20.0, 30.0), (30.0, 40.0)))
    commute = None if chance(rng, 0.2) else rng.randint(5, 30)
    return {
        "hours_min": hours[0],
        "hours_max": hours[1],
        "hours_is_constraint": hours[0] is not None and chance(rng, 0.25),
        "max_commute_km": commute,
        "commute_is_constraint": commute is not None and chance(rng, 0.25),
    }


def make_skills(rng: random.Random, esco: Esco, occupations: list[str]) -> list[dict[str, str]]:
    """Return 3-10 skills: mostly essential skills of the preferred occupations, some transversal."""
    n = rng.randint(3, 10)
    n_other = rng.randint(0, max(1, n // 3))
    pool: list[str] = []
    for uri in occupations:
        pool += [s for s in esco.essential.get(uri, []) if s not in pool]
    picked = sample_upto(rng, pool, n - n_other)
    extra = [s for s in rng.sample(esco.transversal, n) if s not in picked]
    picked += extra[: n - len(picked)]
    return [{"label": esco.skill_label[s], "esco_uri": s} for s in picked]


def make_licences(rng: random.Random) -> list[str]:
    """Return the licences a person holds: driving_b for ~30%, others rarely."""
    held = ["driving_b"] if chance(rng, 0.3) else []
    held += [lic for lic, p in OTHER_LICENCES.items() if chance(rng, p)]
    return sorted(held, key=LICENCES.index)


def make_disclosure(rng: random.Random, lang: str) -> dict[str, Any]:
    """Return a disclosure plan; approved statements are generic and never name a diagnosis."""
    level = pick_weighted(rng, DISCLOSURE)
    may_contact = chance(rng, 0.5) if level == "none" else chance(rng, 0.85)
    statements: list[str] = []
    if level != "none":
        pool = [s for tier in STATEMENT_TIERS[level] for s in STATEMENTS[lang][tier]]
        statements = sample_upto(rng, pool, rng.randint(1, 2))
    return {"level": level, "es_may_contact_employers": may_contact, "approved_statements": statements}


def make_benefits(rng: random.Random) -> dict[str, Any]:
    """Return a benefits plan (sensitive; kept for benefits counselling, never for ranking)."""
    status = pick_weighted(rng, BENEFITS)
    threshold = None
    if status != "none" and chance(rng, 0.6):
        threshold = rng.choice((15.0, 20.0, 25.0))
    return {"status": status, "hours_threshold": threshold}
