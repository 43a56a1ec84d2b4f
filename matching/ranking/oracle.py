"""The ranking rules as a plain per-item Python loop.

It is the oracle for tests and the "naive loop" peer in benchmarks. Deliberately written without
numpy or the columnar table, so it checks `Ranker` rather than repeating it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matching.ranking.scoring import DEFAULT_STAGE_VALUES, DEFAULT_WEIGHTS, HOURS_DECAY, NEUTRAL, PART_NAMES
from matching.types import Opening, Profile

EARTH_RADIUS_KM = 6371.0088
FAR_FACTOR = 3.0  # stated again, not imported: the oracle checks matching.ranking.travel


def reference_rank(
    openings: Sequence[Opening],
    vectors: Sequence[Sequence[float]],
    profile: Profile,
    goals: Sequence[Sequence[float]],
    *,
    n: int = 10,
    similarity_floor: float = 0.0,
    weights: Mapping[str, float] | None = None,
) -> list[tuple[str, float]]:
    """(id, score) of the top n items, best first, computed one item at a time.

    Order: travel tier (`tier`), then score, then id.
    """
    w = dict(weights or DEFAULT_WEIGHTS)
    total_w = sum(w.get(p, 0.0) for p in PART_NAMES)
    tiers = reference_tiers(openings, profile)
    scored = []
    for item, vec in zip(openings, vectors, strict=True):
        if item.id not in tiers:
            continue
        parts = part_values(item, vec, profile, goals, similarity_floor)
        score = sum(w.get(p, 0.0) / total_w * parts[p] for p in PART_NAMES)
        scored.append((tiers[item.id], item.id, score))
    scored.sort(key=lambda t: (t[0], -t[2], t[1]))
    return [(i, s) for _, i, s in scored[:n]]


def reference_tiers(openings: Sequence[Opening], profile: Profile) -> dict[str, int]:
    """Item id -> travel tier, for the items the person's constraints allow."""
    kept = [item for item in openings if allowed(item, profile)]
    local_groups = {_minor(item) for item in kept if _where(item, profile) == "inside"}
    return {item.id: tier(item, profile, local_groups) for item in kept}


def area_km(p: Profile) -> float | None:
    """The person's travel area: their own limit, else the programme's default."""
    for km in (p.max_commute_km, p.travel_area_km):
        if km is not None and km > 0:
            return km
    return None


def tier(item: Opening, p: Profile, local_groups: set[int]) -> int:
    """0 local (or nothing known), 1 outside the area with a local lead of its ISCO minor group, 2 far."""
    where = _where(item, p)
    if where == "far":
        return 2
    return 1 if where == "outside" and _minor(item) in local_groups else 0


def _where(item: Opening, p: Profile) -> str:
    """Where the item lies: inside, outside, far, or "" (remote, no place, no area, willing to move)."""
    area = area_km(p)
    if item.remote or p.willing_to_relocate or p.home is None or area is None or item.place is None:
        return ""
    if p.home.country and item.place.country and p.home.country != item.place.country:
        return "far"
    d = distance_km(p, item)
    return "inside" if d <= area else "outside" if d <= FAR_FACTOR * area else "far"


def _minor(item: Opening) -> int:
    isco = item.occupation.isco_group
    return int(isco) // 10 if isco.isdigit() else -1


def allowed(item: Opening, p: Profile) -> bool:
    """The person's own constraints and disclosure rules, one item at a time."""
    via_specialist = item.kind == "employer" or item.application_route == "via_specialist"
    checks = [
        not (item.employer_do_not_contact and via_specialist),
        p.disclosure.may_contact(item.employer_id) or not via_specialist,
        item.sector not in p.refused_sectors or not item.sector,
        item.occupation.uri not in {c.uri for c in p.refused_occupations if c.uri} or not item.occupation.uri,
    ]
    if p.hours_is_constraint:
        lo, hi = item.hours_min, item.hours_max
        checks.append(not (p.hours_max is not None and lo is not None and lo > p.hours_max))
        checks.append(not (p.hours_min is not None and hi is not None and hi < p.hours_min))
    if p.commute_is_constraint and p.home and p.max_commute_km is not None and item.place:
        checks.append(distance_km(p, item) <= p.max_commute_km)
    if p.exclude_missing_licence:
        checks.append(set(item.required_licences) <= set(p.licences))
    return all(checks)


def part_values(
    item: Opening, vec: Sequence[float], p: Profile, goals: Sequence[Sequence[float]], floor: float
) -> dict[str, float]:
    """Every score part of one item, in [0, 1]."""
    sim = max(sum(a * b for a, b in zip(vec, g, strict=True)) for g in goals)
    return {
        "preference": min(1.0, max(0.0, (sim - floor) / max(1e-6, 1.0 - floor))),
        "occupation": _occupation(item, p),
        "skills": _skills(item, p),
        "hours": _hours(item, p),
        "commute": _commute(item, p),
        "sector": _liked(item.sector, p.liked_sectors),
        "contract": _liked(item.contract_type, p.contract_types),
        "stage": DEFAULT_STAGE_VALUES[item.stage],
    }


def distance_km(p: Profile, item: Opening) -> float:
    """Great-circle distance from home to the item (both must be known)."""
    assert p.home is not None and item.place is not None
    la1, lo1, la2, lo2 = map(math.radians, (p.home.lat, p.home.lon, item.place.lat, item.place.lon))
    a = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _occupation(item: Opening, p: Profile) -> float:
    best = 0.0
    isco = item.occupation.isco_group
    for goal in p.preferred_occupations:
        if goal.uri and goal.uri == item.occupation.uri:
            best = max(best, 1.0)
        elif isco.isdigit() and goal.isco_group.isdigit():
            for digits, value in ((4, 0.7), (3, 0.4), (2, 0.2)):
                if isco[:digits] == goal.isco_group[:digits]:
                    best = max(best, value)
                    break
    return best


def _skills(item: Opening, p: Profile) -> float:
    needed = {s.uri for s in item.essential_skills if s.uri}
    have = {s.uri for s in p.skills if s.uri}
    if not needed or not have:  # nothing known on one side: neither good nor bad
        return NEUTRAL
    return len(needed & have) / len(needed)


def _hours(item: Opening, p: Profile) -> float:
    if p.hours_min is None and p.hours_max is None:
        return NEUTRAL
    lo = item.hours_min if item.hours_min is not None else item.hours_max
    hi = item.hours_max if item.hours_max is not None else item.hours_min
    if lo is None or hi is None:
        return NEUTRAL
    want_lo = p.hours_min if p.hours_min is not None else -math.inf
    want_hi = p.hours_max if p.hours_max is not None else math.inf
    gap = max(want_lo - hi, lo - want_hi, 0.0)
    return min(1.0, max(0.0, 1.0 - gap / HOURS_DECAY))


def _commute(item: Opening, p: Profile) -> float:
    if item.remote:
        return 1.0 if p.remote_ok else NEUTRAL
    limit = area_km(p)
    if p.home is None or limit is None or item.place is None:
        return NEUTRAL
    d = distance_km(p, item)
    return 1.0 if d <= limit else min(1.0, max(0.0, 1.0 - (d - limit) / limit))


def _liked(value: str, liked: Sequence[str]) -> float:
    if not liked or not value:
        return NEUTRAL
    return 1.0 if value in liked else 0.0
