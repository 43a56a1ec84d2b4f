"""Synthetic job openings: ESCO-coded titles, template descriptions, hours, wages and dates."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from demo_gen.common import chance, iso, minutes_before, new_id, pick_weighted, sample_upto
from demo_gen.esco import Esco
from demo_gen.places import Unit
from demo_gen.sectors import LICENCE_RULES
from demo_gen.texts import CLOSING, CONTRACT, DECIMAL_COMMA, DECORATIONS, HOURS, INTRO, SKILLS

CONTRACTS: dict[str, float] = {
    "permanent": 55,
    "fixed_term": 18,
    "temporary": 14,
    "seasonal": 8,
    "apprenticeship": 5,
}
ROUTES: dict[str, float] = {"self_apply": 50, "either": 35, "via_specialist": 15}
STATUSES: dict[str, float] = {"open": 80, "lead": 8, "filled": 7, "closed": 5}
HOUR_BANDS: dict[str, float] = {"10-20": 20, "16-25": 20, "20-30": 25, "full": 35}
MODE_BY_SIZE: dict[str, float] = {"1-9": 2, "10-49": 3, "50-249": 5, "250+": 7}
# Entry hourly wage (low, high) per currency; ISCO major group multiplies it.
WAGE_RANGE: dict[str, tuple[float, float]] = {
    "SEK": (135.0, 175.0),
    "DKK": (140.0, 180.0),
    "EUR": (12.1, 14.5),
    "GBP": (12.7, 15.0),
}
WAGE_FACTOR: dict[str, float] = {"2": 1.7, "3": 1.3, "4": 1.05, "7": 1.15, "8": 1.1}
DAY = 24 * 60


def make_openings(
    rng: random.Random, unit: Unit, employers: list[dict[str, Any]], esco: Esco, as_of: datetime
) -> list[dict[str, Any]]:
    """Return 2-25 openings per employer (about 10 on average) for one unit."""
    rows = []
    for emp in employers:
        count = int(rng.triangular(2, 25.999, MODE_BY_SIZE[emp["size_band"]]))
        for _ in range(count):
            rows.append(make_opening(rng, unit, emp, esco, as_of))
    return rows


def make_opening(
    rng: random.Random, unit: Unit, emp: dict[str, Any], esco: Esco, as_of: datetime
) -> dict[str, Any]:
    """Return one opening of employer ``emp``."""
    hiring = emp["hiring_occupations"]
    pool = esco.pools[emp["sector_nace"]]
    occ = rng.choice(hiring) if hiring and chance(rng, 0.6) else rng.choice(pool)
    lang = unit.language if chance(rng, 0.8) else "en"
    site = rng.choice(emp["sites"])
    hours_min, hours_max = pick_hours(rng, unit)
    contract = pick_weighted(rng, CONTRACTS)
    label, title = pick_title(rng, esco, occ, lang, part_time=hours_max < unit.full_time_hours)
    posted, closes = pick_dates(rng, as_of)
    return {
        "id": new_id(rng),
        "employer_id": emp["id"],
        "site_id": site["id"],
        "title": title,
        "description": describe(
            rng, esco, occ, lang, emp["name"], site["city"], label, (hours_min, hours_max), contract
        ),
        "language": lang,
        "esco_occupation_uri": occ,
        "hours_min": hours_min,
        "hours_max": hours_max,
        "contract_type": contract,
        "wage_hourly": wage(rng, unit, esco.isco(occ)),
        "currency": unit.currency,
        "required_licences": licences_for(rng, esco.isco(occ)),
        "application_route": pick_weighted(rng, ROUTES),
        "status": pick_weighted(rng, STATUSES),
        "posted_at": iso(posted),
        "closes_at": iso(closes) if closes else None,
    }


def pick_hours(rng: random.Random, unit: Unit) -> tuple[float, float]:
    """Return a weekly hours band; the full-time band ends at the country's full-time hours."""
    band = pick_weighted(rng, HOUR_BANDS)
    if band == "full":
        return 30.0, round(unit.full_time_hours, 1)
    low, high = (float(x) for x in band.split("-"))
    return round(low, 1), round(high, 1)


def pick_title(rng: random.Random, esco: Esco, occ: str, lang: str, part_time: bool) -> tuple[str, str]:
    """Return ``(label, title)``: an ESCO label of ``occ`` in ``lang`` and the posted title.

    The label is the preferred one (60%) or a random alternative; the title capitalises it and
    sometimes (25%) decorates it ("– deltid", "(H/F)", ...).
    """
    choices = esco.label_choices(occ, lang)
    alts = [label for kind, label in choices if kind == "alt"]
    label = choices[0][1] if not alts or chance(rng, 0.6) else rng.choice(alts)
    title = label[:1].upper() + label[1:]
    if chance(rng, 0.25):
        forms = [f for only_part, f in DECORATIONS[lang] if part_time or not only_part]
        title = rng.choice(forms).format(t=title)
    return label, title


def pick_dates(rng: random.Random, as_of: datetime) -> tuple[datetime, datetime | None]:
    """Return ``(posted_at, closes_at)``: posted within 60 days; ~20% no closing date, ~10% past."""
    roll = rng.random()
    if roll < 0.2:
        return minutes_before(as_of, rng.randrange(60 * DAY)), None
    if roll < 0.3:
        age = rng.randrange(15 * DAY, 60 * DAY)
        duration = rng.randrange(14 * DAY, age)
    else:
        age = rng.randrange(58 * DAY)
        duration = rng.randrange(max(14 * DAY, age + 60), 60 * DAY + 1)
    posted = minutes_before(as_of, age)
    return posted, posted + timedelta(days=0, minutes=duration)


def describe(
    rng: random.Random,
    esco: Esco,
    occ: str,
    lang: str,
    employer: str,
    city: str,
    label: str,
    hours: tuple[float, float],
    contract: str,
) -> str:
    """Return a 3-4 sentence description naming employer, city, skills, hours and contract."""
    skills = [esco.skill_label[s] for s in sample_upto(rng, esco.essential.get(occ, []), rng.randint(3, 5))]
    parts = [INTRO[lang].format(employer=employer, title=label, city=city)]
    if skills:
        parts.append(SKILLS[lang].format(skills=", ".join(skills)))
    parts.append(HOURS[lang].format(hours=hours_text(hours, lang), contract=CONTRACT[lang][contract]))
    if chance(rng, 0.5):
        parts.append(rng.choice(CLOSING[lang]))
    return " ".join(parts)


def hours_text(hours: tuple[float, float], lang: str) -> str:
    """Format an hours band as ``20–30`` (decimal comma in sv, da, fr)."""

    def one(h: float) -> str:
        text = f"{h:g}"
        return text.replace(".", ",") if lang in DECIMAL_COMMA else text

    return f"{one(hours[0])}–{one(hours[1])}"


def wage(rng: random.Random, unit: Unit, isco: str) -> float:
    """Return an hourly wage in the unit's currency, scaled by ISCO major group, 2 decimals."""
    low, high = WAGE_RANGE[unit.currency]
    return round(rng.uniform(low, high) * WAGE_FACTOR.get(isco[:1], 1.0), 2)


def licences_for(rng: random.Random, isco: str) -> list[str]:
    """Return the licences an opening of this ISCO group requires (usually none), sorted."""
    found = [lic for lic, p in LICENCE_RULES.get(isco, ()) if chance(rng, p)]
    if not found and chance(rng, 0.02):
        found.append("first_aid")
    return sorted(found)
