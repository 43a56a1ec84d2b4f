"""Hypothesis strategies and small builders for ranking tests."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from matching.types import (
    APPLICATION_ROUTES,
    CONTRACT_TYPES,
    LICENCES,
    STAGES,
    Concept,
    Disclosure,
    Opening,
    Place,
    Profile,
)

SECTORS = ("G47", "I56", "Q87", "N81", "H52", "")
OCCUPATIONS = (
    Concept("shop assistant", "occ:shop", "5223"),
    Concept("cashier", "occ:cashier", "5230"),
    Concept("cook", "occ:cook", "5120"),
    Concept("kitchen porter", "occ:porter", "9412"),
    Concept("cleaner", "occ:cleaner", "9112"),
    Concept("", "", ""),
)
SKILLS = tuple(Concept(f"skill {i}", f"skill:{i}") for i in range(12))
HOURS = st.one_of(st.none(), st.floats(0, 60).map(lambda x: round(x, 1)))
COUNTRIES = ("", "SE", "DK")
PLACES = st.one_of(
    st.none(),
    st.builds(Place, st.floats(55.0, 60.0), st.floats(10.0, 19.0), st.just(""), st.sampled_from(COUNTRIES)),
)


@st.composite
def openings(draw: st.DrawFn, n_max: int = 40) -> list[Opening]:
    """A list of items with unique ids, both kinds, every field varied."""
    n = draw(st.integers(1, n_max))
    ids = draw(st.lists(st.uuids().map(str), min_size=n, max_size=n, unique=True))
    out = []
    for i in ids:
        lo, hi = draw(HOURS), draw(HOURS)
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        out.append(
            Opening(
                id=i,
                employer_id=draw(st.sampled_from(["e1", "e2", "e3"])),
                kind=draw(st.sampled_from(["opening", "opening", "employer"])),
                title="t",
                occupation=draw(st.sampled_from(OCCUPATIONS)),
                sector=draw(st.sampled_from(SECTORS)),
                stage=draw(st.sampled_from(STAGES)),
                hours_min=lo,
                hours_max=hi,
                contract_type=draw(st.sampled_from((*CONTRACT_TYPES, ""))),
                place=draw(PLACES),
                essential_skills=tuple(draw(st.lists(st.sampled_from(SKILLS), max_size=6, unique=True))),
                required_licences=tuple(draw(st.lists(st.sampled_from(LICENCES), max_size=2, unique=True))),
                application_route=draw(st.sampled_from(APPLICATION_ROUTES)),
                employer_do_not_contact=draw(st.booleans()),
                remote=draw(st.sampled_from((False, False, False, True))),
            )
        )
    return out


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    """Any profile a person could state, including empty and contradictory-looking ones."""
    lo, hi = draw(HOURS), draw(HOURS)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Profile(
        id="p",
        preferred_occupations=tuple(draw(st.lists(st.sampled_from(OCCUPATIONS[:-1]), max_size=3))),
        refused_occupations=tuple(draw(st.lists(st.sampled_from(OCCUPATIONS), max_size=2))),
        liked_sectors=tuple(draw(st.lists(st.sampled_from(SECTORS[:-1]), max_size=2, unique=True))),
        refused_sectors=tuple(draw(st.lists(st.sampled_from(SECTORS[:-1]), max_size=2, unique=True))),
        hours_min=lo,
        hours_max=hi,
        hours_is_constraint=draw(st.booleans()),
        home=draw(PLACES),
        max_commute_km=draw(st.one_of(st.none(), st.floats(1, 200))),
        commute_is_constraint=draw(st.booleans()),
        contract_types=tuple(draw(st.lists(st.sampled_from(CONTRACT_TYPES), max_size=2, unique=True))),
        skills=tuple(draw(st.lists(st.sampled_from(SKILLS), max_size=8, unique=True))),
        licences=tuple(draw(st.lists(st.sampled_from(LICENCES), max_size=3, unique=True))),
        exclude_missing_licence=draw(st.booleans()),
        benefit_hours_threshold=draw(HOURS),
        disclosure=Disclosure(
            level=draw(st.sampled_from(("none", "service_only", "partial", "full"))),
            es_may_contact_employers=draw(st.booleans()),
            approved_statements=("I get support from an employment service.",),
        ),
        travel_area_km=draw(st.one_of(st.none(), st.floats(5, 150))),
        willing_to_relocate=draw(st.sampled_from((False, False, True))),
        remote_ok=draw(st.booleans()),
    )


def unit_vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    """(n, dim) float32 random unit vectors."""
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)
