"""Synthetic load data at any size, written through the stores (for benchmarks, not demos).

Employers sit in four cities; openings are titled with ESCO preferred labels in en/fr/sv/da and
carry their occupation, so no linking is needed; participants state two goals, hours and a travel
limit, and some refuse a sector. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import uuid
from typing import cast

from employers import EmployerStore, EmployerValues, OpeningStore, OpeningValues
from matching.linking.esco import EscoCatalog
from participants import ParticipantStore, ParticipantValues
from service.access.users import create_units, create_users
from service.runtime.database import Database

CITIES = (
    ("Stockholm", 59.33, 18.07),
    ("København", 55.68, 12.57),
    ("Lyon", 45.76, 4.84),
    ("Manchester", 53.48, -2.24),
)
SECTORS = ("G47", "I56", "Q87", "N81", "H52", "C10", "F43", "A01", "J62", "N82")
ACTOR = "bulk-seed"


def seed_synthetic(
    db: Database, catalog: EscoCatalog, *, openings: int, participants: int, seed: int = 7
) -> tuple[str, list[str]]:
    """Write one unit with a specialist, employers, ``openings`` openings and ``participants`` people.

    Returns:
        The specialist's user id and the participant ids.
    """
    rng = random.Random(seed)
    unit, user = "bulk-unit", str(uuid.UUID(int=rng.getrandbits(128), version=4))
    create_units(db, units=[{"id": unit, "name": "Bulk unit", "language": "en"}])
    create_users(
        db, users=[{"id": user, "username": "bulk.specialist", "role": "specialist", "unit_id": unit}]
    )
    labels = catalog.labels.filter(catalog.labels["kind"] == "preferred").select("uri", "label").rows()
    employers = [_employer(rng, i) for i in range(max(1, openings // 40))]
    EmployerStore(db.cursor(), db.write_lock).create_many(
        rows=cast(list[EmployerValues], employers), actor=ACTOR
    )
    store = OpeningStore(db.cursor(), db.write_lock)
    for start in range(0, openings, 20_000):
        rows = [_opening(rng, employers, labels, catalog) for _ in range(min(20_000, openings - start))]
        store.create_many(rows=cast(list[OpeningValues], rows), actor=ACTOR)
    people = [_person(rng, unit, user, labels, catalog) for _ in range(participants)]
    ParticipantStore(db.cursor(), db.write_lock).create_many(
        rows=cast(list[ParticipantValues], people), actor=ACTOR
    )
    return user, [str(p["id"]) for p in people]


def _employer(rng: random.Random, i: int) -> dict[str, object]:
    city, lat, lon = rng.choice(CITIES)
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "name": f"Synthetic employer {i}",
        "sector_nace": rng.choice(SECTORS),
        "stage": rng.choice(("prospect", "introduced", "learning", "partnered", "hired_from_us", "dormant")),
        "sites": [
            {
                "name": city,
                "city": city,
                "lat": lat + rng.uniform(-0.2, 0.2),
                "lon": lon + rng.uniform(-0.3, 0.3),
            }
        ],
    }


def _opening(
    rng: random.Random,
    employers: list[dict[str, object]],
    labels: list[tuple[str, str]],
    catalog: EscoCatalog,
) -> dict[str, object]:
    employer = rng.choice(employers)
    site = employer["sites"][0]  # type: ignore[index]
    uri, title = rng.choice(labels)
    lo = rng.choice((8.0, 10.0, 16.0, 20.0, 30.0))
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "employer_id": employer["id"],
        "title": title,
        "occupation_uri": uri,
        "isco_group": catalog.occupation(uri).isco_group,
        "hours_min": lo,
        "hours_max": lo + rng.choice((5.0, 10.0)),
        "contract_type": rng.choice(("permanent", "fixed_term", "temporary")),
        "application_route": rng.choice(("self_apply", "either", "via_specialist")),
        "city": site["city"],
        "lat": site["lat"],
        "lon": site["lon"],
    }


def _person(
    rng: random.Random, unit: str, user: str, labels: list[tuple[str, str]], catalog: EscoCatalog
) -> dict[str, object]:
    city, lat, lon = rng.choice(CITIES)
    goals = [rng.choice(labels) for _ in range(2)]
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "unit_id": unit,
        "specialist_id": user,
        "display_name": f"Person {rng.randrange(10_000)}",
        "home": {"city": city, "lat": lat, "lon": lon},
        "preferences": {
            "preferred_occupations": [
                {"label": label, "uri": uri, "isco_group": catalog.occupation(uri).isco_group}
                for uri, label in goals
            ],
            "refused_sectors": rng.sample(SECTORS, rng.choice((0, 1, 2))),
            "hours_min": 10.0,
            "hours_max": rng.choice((20.0, 30.0, 40.0)),
            "hours_is_constraint": rng.random() < 0.5,
            "max_commute_km": rng.choice((10.0, 20.0, 40.0)),
            "commute_is_constraint": rng.random() < 0.5,
        },
        "disclosure": {"level": "service_only", "es_may_contact_employers": rng.random() < 0.7},
    }
