"""Synthetic IPS units and their staff users (specialists, job developer, supervisor, admin)."""

from __future__ import annotations

import random
from typing import Any

from demo_gen.common import ascii_fold, new_id
from demo_gen.names import FIRST_NAMES, SURNAMES
from demo_gen.places import UNITS

STAFF_ROLES: tuple[str, ...] = ("specialist", "specialist", "specialist", "job_developer", "supervisor")


def make_units(rng: random.Random) -> dict[str, Any]:
    """Return ``{"units": [...], "users": [...]}`` for the four demo units plus one admin."""
    units: list[dict[str, Any]] = []
    users: list[dict[str, Any]] = []
    for unit in UNITS:
        unit_id = new_id(rng)
        units.append(
            {
                "id": unit_id,
                "name": unit.name,
                "country": unit.country,
                "language": unit.language,
                "city": unit.city,
                "lat": unit.lat,
                "lon": unit.lon,
            }
        )
        users += make_staff(rng, unit_id, unit.country, unit.language)
    users.append(
        {
            "id": new_id(rng),
            "username": "admin",
            "display_name": "Demo Admin",
            "role": "admin",
            "unit_id": None,
        }
    )
    return {"units": units, "users": users}


def make_staff(rng: random.Random, unit_id: str, country: str, lang: str) -> list[dict[str, Any]]:
    """Return the five staff users of one unit, with distinct first names."""
    firsts = rng.sample(FIRST_NAMES[country], len(STAFF_ROLES))
    staff = []
    for first, role in zip(firsts, STAFF_ROLES, strict=True):
        staff.append(
            {
                "id": new_id(rng),
                "username": f"{ascii_fold(first)}.{lang}",
                "display_name": f"{first} {rng.choice(SURNAMES[country])}",
                "role": role,
                "unit_id": unit_id,
            }
        )
    return staff


def unit_staff(users: list[dict[str, Any]], unit_id: str, role: str) -> list[str]:
    """Return the usernames of ``unit_id``'s users with ``role``, in file order."""
    return [u["username"] for u in users if u["unit_id"] == unit_id and u["role"] == role]
