"""Exposure caps with zero exclusion: spread openings across the caseload, never leave anyone out.

The rule (`assign`):

1. **Within the caps**, greedily by (travel tier, score) over all (participant, item) pairs, so
   each person's pairs are taken in their own rank order, as the API ranks them: a pair is taken
   while its opening has fewer than ``max_per_opening`` people and its employer fewer than
   ``max_per_employer`` leads, until the person has ``leads``.
2. **Over a cap, as the fallback**: anyone left with fewer than ``min(leads, their candidates)``
   gets their own best remaining candidates anyway, each marked with the cap it goes over and
   how many others in this batch hold the same opening (or a lead at the same employer). Caps
   bind only the leads given inside them.

So every person gets ``min(leads, candidates)`` leads; fewer than ``leads`` only when their own
constraints (or the catalogue) left fewer candidates, and the reason is recorded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from matching.types import Flag, Lead
from service.usecases.batch.options import BatchOptions

SHARED_FLAG = "shared_over_cap"


class Candidates(NamedTuple):
    """One person's ranked candidates (best first) and what their own constraints removed.

    ``tiers`` is each candidate's (k,) int8 travel tier (`matching.ranking.travel`; None: all 0):
    candidates come ordered by (tier, score), as the API ranks them.
    """

    participant_id: str
    item_ids: list[str]
    employer_ids: list[str]
    scores: np.ndarray
    removed: tuple[tuple[str, int], ...] = ()
    tiers: np.ndarray | None = None


@dataclass(frozen=True, slots=True)
class Planned:
    """A planned lead; ``over_cap`` is "" inside the caps, else "opening" or "employer"."""

    item_id: str
    score: float
    over_cap: str = ""
    shared_with: int = 0


@dataclass(frozen=True, slots=True)
class Effect:
    """What the caps did to one person (a row of the caseload_lead_batch_effects table).

    Attributes:
        candidates: Ranked items left after the person's own constraints (at most the batch's).
        wanted: ``min(leads, candidates)``, what the batch gives them.
        within_caps, over_caps: Leads given inside the caps, and over one as the fallback.
        lost_to_caps: Of their top ``wanted`` candidates, how many a cap gave to others instead.
        short_reason: Why ``candidates < leads`` (`short_reason`); "" when not short.
    """

    candidates: int
    wanted: int
    within_caps: int
    over_caps: int
    lost_to_caps: int
    short_reason: str


@dataclass
class Assignment:
    """The plan (participant id -> planned leads in rank order) and each person's effects."""

    plan: dict[str, list[Planned]] = field(default_factory=dict)
    effects: dict[str, Effect] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Batch-wide counts: lost to caps, given over a cap, short of ``leads`` (people / leads)."""
        e = list(self.effects.values())
        return {
            "capped_participants": sum(x.lost_to_caps > 0 for x in e),
            "capped_leads": sum(x.lost_to_caps for x in e),
            "over_cap_participants": sum(x.over_caps > 0 for x in e),
            "over_cap_leads": sum(x.over_caps for x in e),
            "short_participants": sum(bool(x.short_reason) for x in e),
        }


def assign(candidates: Sequence[Candidates], options: BatchOptions) -> Assignment:
    """Leads for everyone: within the caps greedily by score, then over a cap as the fallback."""
    chosen, per_item = _within_caps(candidates, options)
    over = [_fallback(c, mine, per_item, options) for c, mine in zip(candidates, chosen, strict=True)]
    holders = _holders(candidates, chosen, over)
    out = Assignment()
    for c, mine, extra in zip(candidates, chosen, over, strict=True):
        out.plan[c.participant_id] = [
            _planned(c, k, extra.get(k, ""), holders) for k in sorted({*mine, *extra})
        ]
        out.effects[c.participant_id] = _effect(c, mine, extra, options)
    return out


def _fallback(
    c: Candidates, mine: set[int], per_item: dict[str, int], options: BatchOptions
) -> dict[int, str]:
    """Step 2: the person's best candidates not given inside the caps, up to ``min(leads, candidates)``.

    Returns:
        Candidate rank -> the cap it goes over ("opening" when its opening is full, else "employer").
    """
    missing = min(options.leads, len(c.item_ids)) - len(mine)
    if missing <= 0:
        return {}
    rest = [k for k in range(len(c.item_ids)) if k not in mine][:missing]
    return {k: "opening" if per_item[c.item_ids[k]] >= options.max_per_opening else "employer" for k in rest}


def _holders(
    candidates: Sequence[Candidates], chosen: list[set[int]], over: list[dict[int, str]]
) -> dict[tuple[str, str], set[str]]:
    """(cap, opening or employer id) -> the participants holding it, for the keys a fallback went over."""
    keys = {
        (cap, c.item_ids[k] if cap == "opening" else c.employer_ids[k])
        for c, extra in zip(candidates, over, strict=True)
        for k, cap in extra.items()
    }
    holders: dict[tuple[str, str], set[str]] = {key: set() for key in keys}
    if not keys:
        return holders
    for c, mine, extra in zip(candidates, chosen, over, strict=True):
        for k in [*mine, *extra]:
            for key in (("opening", c.item_ids[k]), ("employer", c.employer_ids[k])):
                if key in holders:
                    holders[key].add(c.participant_id)
    return holders


def _within_caps(
    candidates: Sequence[Candidates], options: BatchOptions
) -> tuple[list[set[int]], dict[str, int]]:
    """Step 1: each person's chosen candidate ranks, and how many people each opening has."""
    pidx = np.concatenate(
        [np.full(len(c.item_ids), i) for i, c in enumerate(candidates)] or [np.zeros(0, int)]
    )
    rank = np.concatenate([np.arange(len(c.item_ids)) for c in candidates] or [np.zeros(0, int)])
    score = np.concatenate([np.asarray(c.scores, float) for c in candidates] or [np.zeros(0)])
    tier = np.concatenate([_tiers(c) for c in candidates] or [np.zeros(0, np.int8)])
    # Local work first, then best score; ties by participant, then rank. By score alone a far
    # lead would push a person's local ones out of their own list (the API orders by tier too).
    order = np.lexsort((rank, pidx, -score, tier))
    chosen: list[set[int]] = [set() for _ in candidates]
    per_item: dict[str, int] = {i: 0 for c in candidates for i in c.item_ids}
    per_emp: dict[str, int] = {e: 0 for c in candidates for e in c.employer_ids}
    for p, r in zip(pidx[order].tolist(), rank[order].tolist(), strict=True):
        c = candidates[p]
        item, emp = c.item_ids[r], c.employer_ids[r]
        if len(chosen[p]) >= options.leads:
            continue
        if per_item[item] >= options.max_per_opening or per_emp[emp] >= options.max_per_employer:
            continue
        per_item[item] += 1
        per_emp[emp] += 1
        chosen[p].add(r)
    return chosen, per_item


def _tiers(c: Candidates) -> np.ndarray:
    """(k,) int8 travel tiers of ``c``'s candidates (all 0 when not given)."""
    return np.zeros(len(c.item_ids), np.int8) if c.tiers is None else np.asarray(c.tiers, np.int8)


def _planned(c: Candidates, k: int, cap: str, holders: dict[tuple[str, str], set[str]]) -> Planned:
    if not cap:
        return Planned(c.item_ids[k], float(c.scores[k]))
    key = c.item_ids[k] if cap == "opening" else c.employer_ids[k]
    return Planned(c.item_ids[k], float(c.scores[k]), cap, len(holders[(cap, key)] - {c.participant_id}))


def _effect(c: Candidates, mine: set[int], extra: dict[int, str], options: BatchOptions) -> Effect:
    wanted = min(options.leads, len(c.item_ids))
    given = mine | set(extra)
    return Effect(
        candidates=len(c.item_ids),
        wanted=wanted,
        within_caps=len(mine),
        over_caps=len(extra),
        lost_to_caps=sum(k not in given for k in range(wanted)),
        short_reason=short_reason(len(c.item_ids), options.leads, c.removed),
    )


def short_reason(candidates: int, leads: int, removed: Sequence[tuple[str, int]]) -> str:
    """Why a person gets fewer than ``leads``: only their own constraints (or a small catalogue)."""
    if candidates >= leads:
        return ""
    cut = ", ".join(f"{why}: {n}" for why, n in removed if n)
    if cut:
        return f"{candidates} items left after the person's own constraints ({cut})"
    return f"only {candidates} items in the catalogue fit the person's lead kinds"


def mark_shared(
    leads: dict[str, list[Lead]], shared: dict[str, dict[str, tuple[str, int]]]
) -> dict[str, list[Lead]]:
    """Flag each lead given over a cap: ``shared[pid][item id] = (cap, others holding it)``."""
    return {
        pid: [_flag(lead, shared.get(pid, {}).get(lead.id)) for lead in found] for pid, found in leads.items()
    }


def _flag(lead: Lead, over: tuple[str, int] | None) -> Lead:
    if over is None:
        return lead
    cap, others = over
    where = "this opening" if cap == "opening" else "leads at this employer"
    note = Flag(
        SHARED_FLAG,
        f"shared with {others} others in this batch: given over the {cap} cap so that nobody is left "
        f"without leads ({others} other participants also hold {where})",
    )
    explanation = dataclasses.replace(lead.explanation, flags=(*lead.explanation.flags, note))
    return dataclasses.replace(lead, explanation=explanation)


def plan_columns(assigned: Assignment) -> dict[str, list[Any]]:
    """The plan as the store's columns: participant_id, rank from 1, item_id, score, over_cap, shared_with."""
    rows = [
        (pid, r + 1, p.item_id, p.score, p.over_cap, p.shared_with)
        for pid, found in assigned.plan.items()
        for r, p in enumerate(found)
    ]
    names = ("participant_id", "rank", "item_id", "score", "over_cap", "shared_with")
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}


def effect_columns(assigned: Assignment) -> dict[str, list[Any]]:
    """Each person's effects as the store's columns: participant_id, then the `Effect` fields."""
    names = [f.name for f in dataclasses.fields(Effect)]
    out: dict[str, list[Any]] = {"participant_id": list(assigned.effects)}
    for name in names:
        out[name] = [getattr(e, name) for e in assigned.effects.values()]
    return out
