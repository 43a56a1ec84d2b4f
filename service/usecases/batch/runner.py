"""The overnight batch: rank every active participant, cap exposure, write a lead batch.

Exactly the code and rules of ``POST /participants/{id}/leads``: the same `LeadEngine` goal vectors,
`Ranker.best` and `Ranker.leads`. Three phases, all streaming participants in chunks so memory
stays bounded:

1. **rank** each active participant's top ``candidates`` items (more than ``leads``, so a person
   who loses a lead to a cap can get their next-best one);
2. **assign** leads under the exposure caps (at most ``max_per_opening`` people per opening and
   ``max_per_employer`` per employer), greedily by score over *all* (participant, item) pairs:
   the strongest matches win capped slots, whatever order participants are read in, so nobody
   early in the list takes every capped slot. Zero exclusion: anyone the caps left short still
   gets their own best candidates, over the cap and flagged ``shared_over_cap``
   (`service.usecases.batch.caps`). The plan and each person's cap effects are stored in one
   transaction;
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
from dataclasses import dataclass
from typing import Any

from participants import ParticipantRecord, ParticipantStore
from participants.batches import BatchRecord, BatchStore
from service.runtime.database import Database
from service.usecases.batch.caps import assign, effect_columns, mark_shared, plan_columns
from service.usecases.batch.chunks import Chunk, executor_for, explain_chunk, rank_chunk
from service.usecases.batch.options import BatchOptions, Progress, Quiet
from service.usecases.lead_engine import LeadEngine
from service.usecases.rank_inputs import RankInputs
from storekit.transactions import now


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
    progress = progress or Quiet()
    store = BatchStore(db.cursor(), db.write_lock)
    batch_id = batch_id or str(uuid.uuid4())
    record = _begin(store, engine, options, batch_id, actor)
    if record.status == "finished":
        return record
    ranker = engine.ranker()
    executor = executor_for(ranker, options)
    try:
        run = _Run(db, engine, store, executor, options, batch_id, actor, progress)
        if record.status == "ranking":
            _rank_phase(run)
        _write_phase(run)
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
    inputs = RankInputs.load(db, engine.travel_area_km)  # exactly what on-demand leads rank with
    for records, planned in ids_after:
        yield [
            (i.participant_id, i.profile, g, planned.get(i.participant_id, []))
            for i, g in inputs.with_goals(records, engine.ranking)
        ]


def _active(
    db: Database, chunk: int, units: tuple[str, ...]
) -> Iterator[tuple[list[ParticipantRecord], dict[str, list[str]]]]:
    people = ParticipantStore(db.cursor())
    after = None
    while True:
        records = people.list(status="active", unit_ids=list(units) or None, limit=chunk, after=after)
        if not records:
            return
        yield records, {}  # no plan yet: rank from scratch
        after = records[-1].id


@dataclass(frozen=True, slots=True)
class _Run:
    """What both phases of one run work with."""

    db: Database
    engine: LeadEngine
    store: BatchStore
    executor: Any
    options: BatchOptions
    batch_id: str
    actor: str
    progress: Progress


def _rank_phase(run: _Run) -> None:
    db, engine, options = run.db, run.engine, run.options
    run.progress.phase(
        "rank", ParticipantStore(db.cursor()).count_active(unit_ids=list(options.units) or None)
    )
    candidates = []
    for result in run.executor.map(
        rank_chunk, _chunks(db, engine, _active(db, options.chunk, options.units)), options.candidates
    ):
        candidates += result
        run.progress.advance(len(result))
    assigned = assign(candidates, options)
    run.store.save_plan(
        batch_id=run.batch_id,
        plan=plan_columns(assigned),
        effects=effect_columns(assigned),
        counts=assigned.counts(),
        without_leads=[pid for pid, found in assigned.plan.items() if not found],
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


def _write_phase(run: _Run) -> None:
    record = run.store.get(batch_id=run.batch_id)
    run.progress.phase("write", record.participants - record.participants_done)
    pending = _pending(run.db, run.store, run.batch_id, run.options.chunk)
    for explained in run.executor.map(explain_chunk, _chunks(run.db, run.engine, pending)):
        leads = mark_shared(
            explained, run.store.shared(batch_id=run.batch_id, participant_ids=list(explained))
        )
        run.store.write_chunk(
            batch_id=run.batch_id, leads=leads, model_version=run.engine.model_version, actor=run.actor
        )
        run.progress.advance(len(leads))
