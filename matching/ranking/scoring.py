"""Score parts, computed vectorised over the candidate rows.

Every part is a value in [0, 1]; the score is the weighted sum, so each part's contribution
(weight * value) is shown in the explanation and the contributions add up to the score. Where the
person stated nothing (no hours, no sector likes) a part takes the neutral value 0.5: missing data
is never a penalty (the Tabiya matching engine's rule).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from matching.ranking.parts import NEUTRAL, PartMatrix
from matching.ranking.table import OpeningTable
from matching.ranking.travel import commute_bound, commute_values, distances
from matching.types import STAGES, Profile

__all__ = ["NEUTRAL", "commute_bound"]

#: Part names in the order they are summed and shown.
PART_NAMES: tuple[str, ...] = (
    "preference",
    "occupation",
    "skills",
    "hours",
    "commute",
    "sector",
    "contract",
    "stage",
)

#: Preferences first: the first seven parts all come from what the person said they want (or,
#: for the commute, from where they live and their programme's travel area). Place weighs 0.15:
#: with distance counted for everyone whose home is known, a local lead of the same fit gains
#: 0.15 over one at twice the area; the travel tiers (`matching.ranking.travel`) do the rest.
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "preference": 0.30,
    "occupation": 0.15,
    "skills": 0.15,
    "hours": 0.10,
    "commute": 0.15,
    "sector": 0.05,
    "contract": 0.05,
    "stage": 0.05,
}

#: A warmer employer relationship makes an introduction more likely to be heard.
DEFAULT_STAGE_VALUES: Mapping[str, float] = {
    "prospect": 0.3,
    "introduced": 0.5,
    "learning": 0.6,
    "partnered": 1.0,
    "hired_from_us": 0.9,
    "dormant": 0.2,
}

#: Taxonomy closeness between a goal and an opening's occupation.
OCCUPATION_LEVELS: tuple[tuple[str, float], ...] = (
    ("same ESCO occupation", 1.0),
    ("same ISCO unit group", 0.7),
    ("same ISCO minor group", 0.4),
    ("same ISCO sub-major group", 0.2),
)

#: Parts that are equal for every row of a group (no vector, no place), in PART_NAMES order.
STATIC_PARTS: tuple[str, ...] = ("occupation", "skills", "hours", "sector", "contract", "stage")

HOURS_DECAY = 10.0  # a 10 h/week gap to the preferred range brings the hours part to 0


def normalise_weights(weights: Mapping[str, float] | None) -> npt.NDArray[np.float64]:
    """(len(PART_NAMES),) float64 weights summing to 1; raises ValueError on unknown names."""
    given = dict(DEFAULT_WEIGHTS if weights is None else weights)
    unknown = set(given) - set(PART_NAMES)
    if unknown:
        raise ValueError(f"unknown score parts: {sorted(unknown)}; known: {list(PART_NAMES)}")
    w = np.array([float(given.get(name, 0.0)) for name in PART_NAMES], np.float64)
    if (w < 0).any() or w.sum() <= 0:
        raise ValueError("weights must be non-negative and not all zero")
    normalised: npt.NDArray[np.float64] = w / w.sum()
    return normalised


def score_parts(
    table: OpeningTable,
    vectors: npt.NDArray[np.float32],
    rows: npt.NDArray[np.int64],
    profile: Profile,
    goals: npt.NDArray[np.float32],
    *,
    similarity_floor: float,
    stage_values: npt.NDArray[np.float64],
    distance: npt.NDArray[np.float64] | None = None,
) -> PartMatrix:
    """Compute every part for ``rows``.

    Args:
        table: Columns of the fitted items.
        vectors: (n, d) float32 L2-normalised item vectors.
        rows: (m,) int64 candidate row indices.
        profile: The person.
        goals: (k, d) float32 L2-normalised goal vectors (k >= 1).
        similarity_floor: Cosine similarity that maps to 0 (the model's "unrelated" level).
        stage_values: (len(STAGES),) float64 value per relationship stage.
        distance: (m,) float64 km from home to each row (`travel.distances`) when the caller has
            them already; computed here otherwise.
    """
    # einsum, not BLAS: its sum order per row does not depend on how many rows are scored
    # together, so a row's score is bit-identical whichever candidate set it was scored in (the
    # batch and the HTTP path must agree exactly). It is also faster than sgemm for few goals.
    sims = similarities(vectors, rows, goals)
    best_goal = np.argmax(sims, axis=1) if len(rows) else np.zeros(0, np.int64)
    similarity = sims[np.arange(len(rows)), best_goal] if len(rows) else np.zeros(0, np.float32)
    static, level, goal = static_parts(table, rows, profile, stage_values)
    if distance is None:
        distance = distances(table, rows, profile)
    values = np.vstack(
        [
            preference_values(similarity, similarity_floor),
            static[:3],
            commute_values(distance, table.remote[rows], profile),
            static[3:],
        ]
    )
    return PartMatrix(values, similarity, best_goal, level, distance, goal)


#: Rows gathered per block when computing similarities (~1.5 MB of 384-dim float32).
SIMILARITY_BLOCK = 1024


def similarities(
    vectors: npt.NDArray[np.float32], rows: npt.NDArray[np.int64], goals: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """(m, k) float32 cosine of every row in ``rows`` with every goal, block by block.

    Gathering all candidate rows at once (``vectors[rows]``) copies up to the whole matrix into
    fresh memory on every request; its page faults cost more than the arithmetic. One small
    buffer, refilled per block, stays in cache. Each row's sum order is the same either way.
    """
    out = np.empty((len(rows), len(goals)), np.float32)
    if len(rows) == 0:
        return out
    buffer = np.empty((min(SIMILARITY_BLOCK, len(rows)), vectors.shape[1]), vectors.dtype)
    for start in range(0, len(rows), SIMILARITY_BLOCK):
        block = rows[start : start + SIMILARITY_BLOCK]
        gathered = buffer[: len(block)]
        # mode="clip": rows are valid indices, and the default mode="raise" gathers through a
        # temporary copy when out= is given.
        np.take(vectors, block, axis=0, out=gathered, mode="clip")
        out[start : start + len(block)] = np.einsum("ij,kj->ik", gathered, goals)
    return out


def preference_values(
    similarity: npt.NDArray[np.float32] | npt.NDArray[np.float64], similarity_floor: float
) -> npt.NDArray[np.float64]:
    """(m,) float64 preference part from (m,) cosine similarities."""
    span = max(1e-6, 1.0 - similarity_floor)
    return np.clip((similarity.astype(np.float64) - similarity_floor) / span, 0.0, 1.0)


def static_parts(
    table: OpeningTable, rows: npt.NDArray[np.int64], profile: Profile, stage_values: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The parts that depend on neither the vector nor the place, for ``rows``.

    Every row of a group (`matching.ranking.groups`) has the same values, so the ranker computes these
    once per group to bound scores before any similarity is known.

    Returns:
        (len(STATIC_PARTS), m) float64 values in STATIC_PARTS order, (m,) int64 occupation
        level (index into OCCUPATION_LEVELS, -1 for no match) and (m,) int64 index of the goal
        in ``profile.preferred_occupations`` that level matched (-1 for none).
    """
    level, goal = _occupation_level(table, rows, profile)
    level_values = np.array([v for _, v in OCCUPATION_LEVELS] + [0.0])
    values = np.vstack(
        [
            level_values[level],
            _skills(table, rows, profile),
            _hours(table, rows, profile),
            _membership(table.sector[rows], table.sectors.codes, profile.liked_sectors),
            _membership(table.contract[rows], table.contracts.codes, profile.contract_types),
            stage_values[table.stage[rows]],
        ]
    )
    return values, level, goal


def stage_value_array(stage_values: Mapping[str, float] | None) -> npt.NDArray[np.float64]:
    """(len(STAGES),) float64 values, defaults filled in."""
    merged = {**DEFAULT_STAGE_VALUES, **(stage_values or {})}
    return np.array([float(merged[s]) for s in STAGES], np.float64)


def _occupation_level(
    table: OpeningTable, rows: npt.NDArray[np.int64], profile: Profile
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(m,) int64 finest level any goal reaches (-1 none) and (m,) int64 the first goal reaching it."""
    none = len(OCCUPATION_LEVELS)
    best = np.full(len(rows), none, np.int64)
    goal = np.full(len(rows), -1, np.int64)
    isco = table.isco[rows]
    known = isco >= 0
    occupation = table.occupation[rows]
    for g, concept in enumerate(profile.preferred_occupations):
        level = np.full(len(rows), none, np.int64)
        if concept.isco_group.isdigit():
            code = int(concept.isco_group)
            for i, div in ((3, 100), (2, 10), (1, 1)):  # coarse to fine: the finest wins
                level[known & (isco // div == code // div)] = i
        if concept.uri and concept.uri in table.occupations.codes:
            level[occupation == table.occupations.codes[concept.uri]] = 0
        better = level < best
        best[better] = level[better]
        goal[better] = g
    best[best == none] = -1
    return best, goal


def _skills(table: OpeningTable, rows: npt.NDArray[np.int64], profile: Profile) -> npt.NDArray[np.float64]:
    col = table.skills
    have = frozenset(s.uri for s in profile.skills if s.uri)
    if not have:  # nothing recorded about the person's skills is not "has none of them"
        return np.full(len(rows), NEUTRAL)
    hits, sizes = col.hits_of_rows(rows, have)
    return np.where(sizes > 0, hits / np.maximum(sizes, 1), NEUTRAL)


def _hours(table: OpeningTable, rows: npt.NDArray[np.int64], profile: Profile) -> npt.NDArray[np.float64]:
    if profile.hours_min is None and profile.hours_max is None:
        return np.full(len(rows), NEUTRAL)
    lo = -np.inf if profile.hours_min is None else profile.hours_min
    hi = np.inf if profile.hours_max is None else profile.hours_max
    a, b = table.hours_min[rows], table.hours_max[rows]
    a = np.where(np.isnan(a), b, a)
    b = np.where(np.isnan(b), a, b)
    gap = np.maximum(np.maximum(lo - b, a - hi), 0.0)
    value = np.clip(1.0 - gap / HOURS_DECAY, 0.0, 1.0)
    return np.where(np.isnan(gap), NEUTRAL, value)


def _membership(
    codes: npt.NDArray[np.int32], vocab: Mapping[str, int], liked: tuple[str, ...]
) -> npt.NDArray[np.float64]:
    if not liked:
        return np.full(len(codes), NEUTRAL)
    wanted = np.asarray([vocab[x] for x in liked if x in vocab], np.int32)
    value = np.isin(codes, wanted).astype(np.float64)
    return np.where(codes == 0, NEUTRAL, value)  # code 0 = the item does not say
