"""Realistic openings and people for `bench_rank.py`: the headline data.

Unlike `synthetic.py` (400 occupation clusters, attributes tied to the occupation or the row
index, goals placed near occupation centres), every opening here is its own employer at its own
site, with its own hours, contract, stage, route and skills:

- occupation: any of the 3,007 ESCO occupations in ``data/esco``; the title is one of its labels
  (preferred or alternative, en/fr/sv/da), sometimes with a qualifier ("junior", "part-time"), and
  the vector is that title embedded plus a little per-opening noise (the advert's wording);
- skills: a random half-to-all of the occupation's essential skills plus 0-3 unrelated ones;
- site: one of 60 towns (Zipf-weighted, as population is) with ~10 km of jitter, in a
  900 x 600 km country; sector: usually one tied to the ISCO major group, else any;
- hours, contract, stage, application route: drawn independently per opening, some unknown.

People type 1-3 goals as titles (a label of some occupation, lower-cased, sometimes with a typo),
embedded with the same encoder (not centroids); most goals were linked to their occupation, some
are free text only. Each has a home town, and a mix of constraints: refused sectors, hours
(stated or not, hard or soft), a travel limit (hard or soft), contract wishes, skills.

The only constraints used are refused sectors, hours and commute, which `peers.Columns.mask`
reproduces with numpy (the harness checks that it allows exactly our rows).
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from embeddings import load_encoder
from matching.linking.esco import EscoCatalog
from matching.types import CONTRACT_TYPES, STAGES, Concept, Disclosure, Opening, Place, Profile

ROOT = Path(__file__).resolve().parents[1]
ENCODER = "hashing:384"
SECTORS = tuple(f"{s}{d:02d}" for s, d in zip("ACFGHIJMNPQRS" * 2, range(10, 36), strict=False))
QUALIFIERS = ("", "", "", "junior", "senior", "assistant", "trainee", "part-time", "temporary")
ROUTES = ("either", "either", "self_apply", "via_specialist")
NOISE = 0.05  # per-opening wording noise, relative to a unit title vector


def towns(rng: random.Random) -> list[tuple[float, float, float]]:
    """60 (lat, lon, weight) towns, Zipf-weighted, in a 900 x 600 km country."""
    return [(rng.uniform(55.0, 63.0), rng.uniform(10.0, 20.0), 1.0 / (i + 1)) for i in range(60)]


def _place(rng: random.Random, town: tuple[float, float, float]) -> Place:
    return Place(town[0] + rng.gauss(0, 0.09), town[1] + rng.gauss(0, 0.16))


class Catalog:
    """The ESCO occupations with their labels and essential skills, loaded once."""

    def __init__(self) -> None:
        esco = EscoCatalog.load(ROOT / "data" / "esco")
        self.esco = esco
        labels: dict[str, list[str]] = {}
        for uri, label in esco.labels.select("uri", "label").iter_rows():
            labels.setdefault(uri, []).append(label)
        self.uris = sorted(u for u in esco.occupations if u in labels)
        self.labels = labels
        self.skills = {u: esco.essential_skills(u) for u in self.uris}
        self.all_skills = [esco.skill(s) for s in sorted(esco.skill_labels)]
        self.encoder = load_encoder(ENCODER)

    def sector_of(self, uri: str) -> str:
        """The sector most employers of this occupation's ISCO major group are in."""
        major = self.esco.occupations[uri][0][:1] or "0"
        return SECTORS[int(major) % len(SECTORS)]

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), d) float32 unit vectors; each distinct text encoded once."""
        distinct = sorted(set(texts))
        vectors = np.asarray(self.encoder.encode(distinct), np.float32)
        at = {t: i for i, t in enumerate(distinct)}
        return vectors[[at[t] for t in texts]]


def unit(v: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, float32."""
    v = np.asarray(v, np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def make_openings(n: int, cat: Catalog, seed: int = 0) -> tuple[list[Opening], np.ndarray]:
    """Make n openings, each its own employer, and their (n, d) float32 unit title vectors."""
    rng = random.Random(seed)
    places = towns(random.Random(99))
    weights = [t[2] for t in places]
    items, titles = [], []
    for i in range(n):
        uri = rng.choice(cat.uris)
        title = f"{rng.choice(QUALIFIERS)} {rng.choice(cat.labels[uri])}".strip()
        essential = cat.skills[uri]
        skills = rng.sample(essential, rng.randint((len(essential) + 1) // 2, len(essential)))
        skills += rng.sample(cat.all_skills, rng.randint(0, 3))
        lo = None if rng.random() < 0.08 else float(rng.randint(4, 37))
        items.append(
            Opening(
                id=f"{i:08d}",
                employer_id=f"e{i:08d}",
                employer_name=f"Employer {i}",
                title=title,
                occupation=cat.esco.occupation(uri),
                sector=cat.sector_of(uri) if rng.random() < 0.7 else rng.choice(SECTORS),
                stage=rng.choice(STAGES),
                hours_min=lo,
                hours_max=None if lo is None else min(40.0, lo + rng.randint(3, 16)),
                contract_type=rng.choice((*CONTRACT_TYPES, "")),
                place=_place(rng, rng.choices(places, weights)[0]),
                essential_skills=tuple(skills),
                application_route=rng.choice(ROUTES),
            )
        )
        titles.append(title)
    noise = np.random.default_rng(seed).normal(size=(n, cat.encoder.dim)).astype(np.float32)
    vectors = unit(cat.embed(titles) + NOISE * noise / np.sqrt(cat.encoder.dim))
    return items, vectors


def _typed(rng: random.Random, label: str) -> str:
    """A title as a person or their specialist types it: lower case, now and then a typo."""
    text = label.lower()
    if len(text) > 4 and rng.random() < 0.3:
        j = rng.randrange(len(text) - 1)
        text = text[:j] + text[j + 1] + text[j] + text[j + 2 :]
    return text


def make_people(k: int, cat: Catalog, seed: int = 1) -> list[tuple[Profile, np.ndarray]]:
    """Make k people and their (g, d) float32 goal vectors, g = 1-3 typed titles each."""
    rng = random.Random(seed)
    places = towns(random.Random(99))
    weights = [t[2] for t in places]
    out = []
    for i in range(k):
        goal_uris = rng.sample(cat.uris, rng.randint(1, 3))
        texts = [_typed(rng, rng.choice(cat.labels[u])) for u in goal_uris]
        stated = tuple(
            cat.esco.occupation(u, t) if rng.random() < 0.75 else Concept(t)
            for u, t in zip(goal_uris, texts, strict=True)
        )
        known = [s for u in goal_uris for s in cat.skills[u]]
        skills = rng.sample(known, min(len(known), rng.randint(0, 12))) + rng.sample(cat.all_skills, 3)
        lo = float(rng.randint(5, 25)) if rng.random() < 0.6 else None
        commute = rng.choice((10.0, 20.0, 30.0, 50.0, 80.0)) if rng.random() < 0.8 else None
        profile = Profile(
            id=f"p{i}",
            preferred_occupations=stated,
            refused_sectors=tuple(rng.sample(SECTORS, rng.choice((0, 0, 1, 2, 3)))),
            liked_sectors=tuple(rng.sample(SECTORS, 1)) if rng.random() < 0.3 else (),
            hours_min=lo,
            hours_max=None if lo is None else lo + rng.randint(5, 20),
            hours_is_constraint=lo is not None and rng.random() < 0.5,
            home=_place(rng, rng.choices(places, weights)[0]),
            max_commute_km=commute,
            commute_is_constraint=commute is not None and rng.random() < 0.5,
            contract_types=("permanent",) if rng.random() < 0.4 else (),
            skills=tuple(skills),
            disclosure=Disclosure("service_only", True),
            travel_area_km=30.0,
        )
        out.append((profile, cat.embed(texts)))
    return out
