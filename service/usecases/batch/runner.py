"""The overnight batch: rank every active participant, cap exposure, write a lead batch.

Exactly the code and rules of ``POST /participants/{id}/leads``: the same `LeadEngine` goal vectors,
`Ranker.best` and `Ranker.leads`. Three phases, all streaming participants in chunks so memory
stays bounded:

1. **rank** each active participant's top ``candidates`` items (more than ``leads``, so a person
   who loses a lead to a cap can get their next-best one);
2. **assign** leads under the exposure caps (at most ``max_per_opening`` people per opening and
   ``max_per_employer`` per employer), greedily by score over *all* (participant, item) pairs:
   the strongest matches win capped slots, whatever order participants are read in, so nobody
   early in the list takes every capped slot. The plan is stored in one transaction;
3. **write** each participant's planned leads with explanations, a chunk per transaction, each with
   a done marker. A killed run resumes from the stored plan and the done markers; a rerun of a
   finished batch id adds nothing.

``engine="ray"`` runs phases 1 and 3 on Ray workers (`service.usecases.batch.ray_executor`); the
driver alone writes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import numpy as np

from matching import Ranker
from matching.types import Lead
from participants import ParticipantRecord, ParticipantStore, to_profile
from participants.batches import BatchRecord, BatchStore
from service.config import Settings
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine
from storekit.transactions import now


@dataclass(frozen=True)
class BatchOptions:
    """What a batch does; their hash is stored so a resume cannot change them midway."""

    leads: int = 50
    candidates: int = 100
    max_per_opening: int = 10
    max_per_employer: int = 100
    chunk: int = 500
    engine: str = "local"
    ray_address: str = ""

    def rules(self) -> dict[str, Any]:
        """The options that decide the result (not how it is computed)."""
        out = asdict(self)
        for how in ("chunk", "engine", "ray_address"):
            out.pop(how)
        return out

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> BatchOptions:
        """The batch settings as options; None overrides are ignored (unset CLI flags)."""
        values: dict[str, Any] = {
            "leads": settings.batch_leads,
            "candidates": max(settings.batch_candidates, settings.batch_leads),
            "max_per_opening": settings.batch_max_per_opening,
            "max_per_employer": settings.batch_max_per_employer,
            "chunk": settings.batch_chunk,
            "engine": settings.batch_engine,
            "ray_address": settings.ray_address,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


class Progress(Protocol):
    """Where a batch reports progress (a rich bar on the CLI; nothing over HTTP)."""

    def phase(self, name: str, total: int) -> None:
        """A phase starts with ``total`` participants."""

    def advance(self, done: int) -> None:
        """``done`` more participants finished."""


class _Quiet:
    def phase(self, name: str, total: int) -> None:
        pass

    def advance(self, done: int) -> None:
        pass


Chunk = list[tuple[str, Any, np.ndarray, list[str]]]  # (participant id, profile, goals, planned ids)


def rank_chunk(ranker: Ranker, chunk: Chunk, n: int) -> list[tuple[str, list[str], list[str], np.ndarray]]:
    """Phase 1 for one chunk: (participant id, item ids, employer ids, scores) best first."""
    out = []
    for pid, profile, goals, _ in chunk:
        best, _removed = ranker.best(profile, goals, n=n)
        items = ranker.store_.items_at(best.rows)
        out.append((pid, [i.id for i in items], [i.employer_id for i in items], best.scores))
    return out


def explain_chunk(ranker: Ranker, chunk: Chunk) -> dict[str, list[Lead]]:
    """Phase 3 for one chunk: each participant's planned leads, explained, ranked 1, 2, ..."""
    return {
        pid: ranker.leads(profile, ranker.score_ids(profile, goals, ids))
        for pid, profile, goals, ids in chunk
    }


def assign(
    candidates: list[tuple[str, list[str], list[str], np.ndarray]], options: BatchOptions
) -> tuple[dict[str, list[tuple[str, float]]], int, int]:
    """Greedy by score over all pairs under the caps.

    Returns:
        participant id -> [(item id, score)] in rank order; how many participants lost at least
        one of their top ``leads`` to a cap; how many such leads were lost in all.
    """
    pidx = np.concatenate([np.full(len(c[1]), i) for i, c in enumerate(candidates)] or [np.zeros(0, int)])
    rank = np.concatenate([np.arange(len(c[1])) for c in candidates] or [np.zeros(0, int)])
    score = np.concatenate([c[3] for c in candidates] or [np.zeros(0)])
    items = [i for c in candidates for i in c[1]]
    emps = [e for c in candidates for e in c[2]]
    order = np.lexsort((rank, pidx, -score))  # best score first; ties by participant, then rank
    taken = np.zeros(len(candidates), int)
    per_item: dict[str, int] = {}
    per_emp: dict[str, int] = {}
    lost = np.zeros(len(candidates), int)
    chosen: list[list[tuple[int, str, float]]] = [[] for _ in candidates]
    for k in order.tolist():
        p, item, emp = pidx[k], items[k], emps[k]
        if taken[p] >= options.leads:
            continue
        if (
            per_item.get(item, 0) >= options.max_per_opening
            or per_emp.get(emp, 0) >= options.max_per_employer
        ):
            lost[p] += rank[k] < options.leads
            continue
        per_item[item] = per_item.get(item, 0) + 1
        per_emp[emp] = per_emp.get(emp, 0) + 1
        taken[p] += 1
        chosen[p].append((int(rank[k]), item, float(score[k])))
    plan = {c[0]: [(item, s) for _, item, s in sorted(chosen[i])] for i, c in enumerate(candidates)}
    return plan, int((lost > 0).sum()), int(lost.sum())


def run_batch(
    db: Database,
    engine: LeadEngine,
    options: BatchOptions,
    *,
    batch_id: str | None = None,
    actor: str = "batch",
    progress: Progress | None = None,
) -> BatchRecord:
    """Run (or resume) a batch to the end and return its record.

    Raises:
        ValueError: ``batch_id`` exists with other rules or another model version.
    """
    progress = progress or _Quiet()
    store = BatchStore(db.cursor(), db.write_lock)
    batch_id = batch_id or str(uuid.uuid4())
    record = _begin(store, engine, options, batch_id, actor)
    if record.status == "finished":
        return record
    ranker = engine.ranker()
    executor = _executor(ranker, options)
    try:
        if record.status == "ranking":
            _rank_phase(db, engine, store, executor, options, batch_id, progress)
        _write_phase(db, engine, store, executor, options, batch_id, actor, progress)
    except BaseException as exc:
        store.update(batch_id=batch_id, status="failed", error=repr(exc)[:500])
        raise
    finally:
        executor.close()
    store.update(batch_id=batch_id, status="finished", finished_at=now(), error="")
    return store.get(batch_id=batch_id)


def _begin(
    store: BatchStore, engine: LeadEngine, options: BatchOptions, batch_id: str, actor: str
) -> BatchRecord:
    rules = options.rules()
    digest = hashlib.sha256(json.dumps([rules, engine.model_version], sort_keys=True).encode()).hexdigest()[
        :16
    ]
    try:
        record = store.get(batch_id=batch_id)
    except LookupError:
        return store.create(
            batch_id=batch_id,
            model_version=engine.model_version,
            settings=rules,
            settings_hash=digest,
            actor=actor,
        )
    if record.settings_hash != digest:
        raise ValueError(f"batch {batch_id} was started with other rules or model ({record.settings})")
    if record.status == "failed":  # resume: back to the phase its plan says
        store.update(
            batch_id=batch_id, status="writing" if store.has_plan_rows(batch_id=batch_id) else "ranking"
        )
        record = store.get(batch_id=batch_id)
    return record


def _chunks(
    db: Database,
    engine: LeadEngine,
    ids_after: Iterator[tuple[list[ParticipantRecord], dict[str, list[str]]]],
) -> Iterator[Chunk]:
    for records, planned in ids_after:
        goals = engine.goal_vectors_many([(to_profile(r), r.preferences.goals) for r in records])
        yield [(r.id, to_profile(r), g, planned.get(r.id, [])) for r, g in zip(records, goals, strict=True)]


def _active(db: Database, chunk: int) -> Iterator[tuple[list[ParticipantRecord], dict[str, list[str]]]]:
    people = ParticipantStore(db.cursor())
    after = None
    while True:
        records = people.list(status="active", limit=chunk, after=after)
        if not records:
            return
        yield records, {}  # no plan yet: rank from scratch
        after = records[-1].id


def _rank_phase(
    db: Database,
    engine: LeadEngine,
    store: BatchStore,
    executor: Any,
    options: BatchOptions,
    batch_id: str,
    progress: Progress,
) -> None:
    progress.phase("rank", ParticipantStore(db.cursor()).count_active())
    candidates = []
    for result in executor.map(
        rank_chunk, _chunks(db, engine, _active(db, options.chunk)), options.candidates
    ):
        candidates += result
        progress.advance(len(result))
    plan, capped_people, capped_leads = assign(candidates, options)
    rows = [(pid, r + 1, item, s) for pid, found in plan.items() for r, (item, s) in enumerate(found)]
    cols: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
    store.save_plan(
        batch_id=batch_id,
        participant_ids=cols[0],
        ranks=cols[1],
        item_ids=cols[2],
        scores=cols[3],
        capped=(capped_people, capped_leads),
        participants=len(plan),
        without_leads=[pid for pid, found in plan.items() if not found],
    )


def _pending(
    db: Database, store: BatchStore, batch_id: str, chunk: int
) -> Iterator[tuple[list[ParticipantRecord], dict[str, list[str]]]]:
    people = ParticipantStore(db.cursor())
    after = None
    while True:
        ids = store.pending(batch_id=batch_id, after=after, limit=chunk)
        if not ids:
            return
        plan = store.plan(batch_id=batch_id, participant_ids=ids)
        yield people.get_many(participant_ids=ids), {p: [i for i, _ in found] for p, found in plan.items()}
        after = ids[-1]


def _write_phase(
    db: Database,
    engine: LeadEngine,
    store: BatchStore,
    executor: Any,
    options: BatchOptions,
    batch_id: str,
    actor: str,
    progress: Progress,
) -> None:
    record = store.get(batch_id=batch_id)
    progress.phase("write", record.participants - record.participants_done)
    for leads in executor.map(
        explain_chunk, _chunks(db, engine, _pending(db, store, batch_id, options.chunk))
    ):
        store.write_chunk(batch_id=batch_id, leads=leads, model_version=engine.model_version, actor=actor)
        progress.advance(len(leads))


class LocalExecutor:
    """Runs chunk functions in this process."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def map(self, fn: Any, chunks: Iterator[Chunk], *args: Any) -> Iterator[Any]:
        """fn(ranker, chunk, *args) for each chunk, in order."""
        for chunk in chunks:
            yield fn(self.ranker, chunk, *args)

    def close(self) -> None:
        """Nothing to release."""


def _executor(ranker: Ranker, options: BatchOptions) -> Any:
    if options.engine == "ray":
        from service.usecases.batch.ray_executor import RayExecutor

        return RayExecutor(ranker, options.ray_address)
    if options.engine != "local":
        raise ValueError(f"unknown batch engine {options.engine!r}; use local or ray")
    return LocalExecutor(ranker)
