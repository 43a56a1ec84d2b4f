"""Training, storing and loading the feedback re-ranker; feeding the offline simulation."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl

from matching.evaluation.rerank_sim import SimOutcome, Specialist, simulate
from matching.ranking.reranker import FEATURES, LeadReranker
from matching.ranking.scoring import DEFAULT_WEIGHTS
from participants import POSITIVE_FEEDBACK, LeadRecord, LeadStore, ParticipantStore, to_profile
from service.config import Settings
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine

log = logging.getLogger("ipsmatch")
#: pursued, applied, interview, offer, hired (``discussed`` says nothing about the fit).
POSITIVE = POSITIVE_FEEDBACK
NEGATIVE = frozenset({"not_relevant"})


def reranker_path(settings: Settings) -> Path:
    """Where the trained model lives: IPSMATCH_RERANKER_PATH, else next to the database."""
    if settings.reranker_path is not None:
        return settings.reranker_path
    base = "ipsmatch.duckdb" if settings.db_path == ":memory:" else settings.db_path
    return Path(f"{base}.reranker.json")


def training_frame(records: Sequence[LeadRecord]) -> pl.DataFrame:
    """Score parts and label (1 positive, 0 not_relevant) of labelled leads; other feedback is left out.

    Declines by the person or the employer say nothing about whether the lead fitted.
    """
    rows = [
        [float(r.parts.get(name, 0.5)) for name in FEATURES] + [int(r.feedback in POSITIVE)]
        for r in records
        if r.feedback in POSITIVE | NEGATIVE
    ]
    return pl.DataFrame(rows, schema=[*FEATURES, "label"], orient="row")


def train_reranker(db: Database, path: Path) -> LeadReranker:
    """Fit on every labelled lead in the database and save it as JSON at ``path``."""
    frame = training_frame(LeadStore(db.cursor(), db.write_lock).labelled())
    model = LeadReranker().fit(frame)
    values = model.to_dict() | {
        "trained_at": datetime.now(UTC).isoformat(),
        "positives": int(frame["label"].sum()),
    }
    path.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")
    return model


def load_reranker(settings: Settings) -> LeadReranker | None:
    """The re-ranker when IPSMATCH_RERANKER=logistic and a trained model exists, else None."""
    if settings.reranker == "off":
        return None
    path = reranker_path(settings)
    if not path.is_file():
        log.warning(
            "IPSMATCH_RERANKER=%s but %s does not exist: run `ipsmatch rerank train`", settings.reranker, path
        )
        return None
    return LeadReranker.from_dict(json.loads(path.read_text(encoding="utf-8")))


def candidate_parts(db: Database, engine: LeadEngine, depth: int) -> list[np.ndarray]:
    """Per active participant, (m, len(FEATURES)) part values of their top ``depth`` leads, in order."""
    store = ParticipantStore(db.cursor(), db.write_lock)
    people = []
    for record in store.list(status="active", limit=100_000):
        leads = engine.rank(to_profile(record), goals_text=record.preferences.goals, n=depth).leads
        if len(leads) >= 10:
            people.append(
                np.array([[p.value for p in lead.explanation.parts if p.name in FEATURES] for lead in leads])
            )
    return people


def simulation_table(
    people: Sequence[np.ndarray], *, draws: int = 20, seed: int = 0
) -> tuple[str, dict[str, SimOutcome]]:
    """Markdown summary: specialists with random hidden preferences, and one agreeing with the ranker."""
    rng = np.random.default_rng(seed)
    default = np.array([DEFAULT_WEIGHTS[n] for n in FEATURES])
    outcomes: dict[str, list[SimOutcome]] = {"random preferences": [], "agrees with the default weights": []}
    for d in range(draws):
        for name, weights in (
            ("random preferences", rng.dirichlet(np.ones(len(FEATURES)))),
            ("agrees with the default weights", default),
        ):
            got = simulate(people, Specialist(weights=weights), default, seed=seed + d)
            if got is not None:
                outcomes[name].append(got)
    head = ["specialist", "runs", "feedback per fold", "NDCG@10 ranker", "NDCG@10 re-ranked"]
    head += ["P@5 ranker", "P@5 re-ranked", "re-ranked better"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, runs in outcomes.items():
        if not runs:
            continue
        nb, nr = [o.ndcg_base for o in runs], [o.ndcg_reranked for o in runs]
        pb, pr = [o.precision_base for o in runs], [o.precision_reranked for o in runs]
        better = sum(r > b for r, b in zip(nr, nb, strict=True))
        lines.append(
            f"| {name} | {len(runs)} | {np.mean([o.n_feedback for o in runs]):.0f} | {_ms(nb)} | {_ms(nr)} "
            f"| {_ms(pb)} | {_ms(pr)} | {better}/{len(runs)} |"
        )
    return "\n".join(lines), {k: v[0] for k, v in outcomes.items() if v}


def _ms(values: Sequence[float]) -> str:
    return f"{np.mean(values):.3f} ± {np.std(values):.3f}"
