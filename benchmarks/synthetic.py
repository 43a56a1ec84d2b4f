"""Synthetic openings and people for the benchmarks, shaped like ESCO-linked job data.

Vectors are not uniform noise. 400 occupations sit in 40 ISCO-like sub-major groups: occupations of
one group point roughly the same way (cosine about 0.6 between their centres), and an opening's
title vector lies near its occupation's centre (cosine about 0.9 to it, 0.8 between two titles of
one occupation), as titles of one occupation do with sentence-embedding models. Openings are
spread around 12 cities, so a person's commute limit keeps one region, as in a national programme.

Two kinds of people: ``filtered`` ones (refused sectors, an hours range and a commute limit they
made hard constraints; about 5-10% of openings remain) and ``loose`` ones (refused sectors and
hours only; about half remain).
"""

from __future__ import annotations

import numpy as np

from matching.types import Concept, Disclosure, Opening, Place, Profile

DIM = 384
N_GROUPS = 40
N_OCCUPATIONS = 400
SECTORS = ("G47", "I56", "Q87", "N81", "H52", "C10", "F43", "A01", "J62", "N82")
SKILLS = [Concept(f"skill {i}", f"skill:{i}") for i in range(2000)]
CITIES = [(55.6 + 0.7 * i, 12.5 + 0.6 * (i % 5)) for i in range(12)]  # a 900 km long country
STAGES = ("prospect", "introduced", "learning", "partnered", "hired_from_us", "dormant")
CONTRACTS = ("permanent", "fixed_term", "temporary")


def unit(v: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, float32."""
    v = np.asarray(v, np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def centres(seed: int = 0) -> np.ndarray:
    """(N_OCCUPATIONS, DIM) float32 occupation centres, clustered by group."""
    rng = np.random.default_rng(seed)
    groups = unit(rng.normal(size=(N_GROUPS, DIM)))
    noise = rng.normal(size=(N_OCCUPATIONS, DIM)) / np.sqrt(DIM)
    return unit(groups[np.arange(N_OCCUPATIONS) % N_GROUPS] + 0.8 * noise)


def isco(occupation: int) -> str:
    """A 4-digit ISCO-like code: the first two digits are the occupation's group."""
    return f"{10 + occupation % N_GROUPS}{occupation // N_GROUPS:02d}"


def occupation(c: int) -> Concept:
    """The ESCO-like concept of occupation ``c``."""
    return Concept(f"occupation {c}", f"occ:{c}", isco(c))


def make_openings(n: int, seed: int = 0) -> tuple[list[Opening], np.ndarray]:
    """Make n openings and their (n, DIM) float32 unit title vectors."""
    rng = np.random.default_rng(seed)
    cent = centres()
    occ_skills = [tuple(SKILLS[j] for j in rng.choice(len(SKILLS), 15, replace=False)) for _ in cent]
    cluster = rng.integers(0, N_OCCUPATIONS, n)
    vectors = np.empty((n, DIM), np.float32)
    for start in range(0, n, 100_000):  # bounded temporaries at 1M
        part = cluster[start : start + 100_000]
        noise = rng.normal(size=(len(part), DIM)).astype(np.float32) / np.sqrt(DIM)
        vectors[start : start + len(part)] = unit(cent[part] + 0.5 * noise)
    lo = rng.choice([8.0, 10.0, 16.0, 20.0, 30.0], n)
    city = rng.integers(0, len(CITIES), n)
    jitter = rng.normal(scale=0.2, size=(n, 2))
    n_employers = max(1, n // 10)
    items = [
        Opening(
            id=f"{i:08d}",
            employer_id=f"e{i % n_employers}",
            employer_name=f"Employer {i % n_employers}",
            title=f"opening {i} as occupation {c}",
            occupation=occupation(c),
            sector=SECTORS[c % len(SECTORS)],
            stage=STAGES[i % len(STAGES)],
            hours_min=float(lo[i]),
            hours_max=float(lo[i] + 10),
            contract_type=CONTRACTS[i % len(CONTRACTS)],
            place=Place(CITIES[city[i]][0] + jitter[i, 0], CITIES[city[i]][1] + jitter[i, 1] * 1.8),
            essential_skills=occ_skills[c],
            application_route="either",
        )
        for i, c in enumerate(cluster.tolist())
    ]
    return items, vectors


def make_people(k: int, kind: str = "filtered", seed: int = 1) -> list[tuple[Profile, np.ndarray]]:
    """Make k people and their (2, DIM) goal vectors (two goals each, near two occupations' centres)."""
    rng = np.random.default_rng(seed)
    cent = centres()
    out = []
    for i in range(k):
        goals = rng.choice(N_OCCUPATIONS, 2, replace=False)
        home = CITIES[i % len(CITIES)]
        liked = SECTORS[int(goals[0]) % len(SECTORS)]
        others = [s for s in SECTORS if s != liked]
        profile = Profile(
            id=f"p{i}",
            preferred_occupations=tuple(occupation(int(g)) for g in goals),
            refused_sectors=tuple(str(s) for s in rng.choice(others, 3, replace=False)),
            liked_sectors=(liked,),
            hours_min=10.0,
            hours_max=25.0,
            hours_is_constraint=True,
            home=Place(*home),
            max_commute_km=35.0,
            commute_is_constraint=kind == "filtered",
            contract_types=("permanent",),
            skills=tuple(SKILLS[j] for j in rng.choice(len(SKILLS), 30, replace=False)),
            disclosure=Disclosure("service_only", True),
        )
        noise = rng.normal(size=(2, DIM)) / np.sqrt(DIM)
        out.append((profile, unit(cent[goals] + 0.15 * noise)))
    return out
