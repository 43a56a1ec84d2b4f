"""Training the feedback re-ranker from recorded leads, through the CLI."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from typer.testing import CliRunner

from matching.ranking.reranker import FEATURES
from matching.ranking.scoring import DEFAULT_WEIGHTS
from matching.types import Explanation, Lead, ScorePart
from participants import LeadStore
from service.cli.app import app
from service.runtime.database import Database
from service.usecases.rerank import training_frame


def _lead(i: int, stage: float) -> Lead:
    parts = tuple(ScorePart(n, DEFAULT_WEIGHTS[n], stage if n == "stage" else 0.5, 0.0, "") for n in FEATURES)
    return Lead(str(uuid.uuid4()), "opening", "e", "E", f"t{i}", 0.5, i, Explanation(parts, (), (), (), ""))


def _seed_feedback(path: Path, n: int = 40) -> None:
    db = Database(str(path))
    db.migrate()
    store = LeadStore(db.cursor(), db.write_lock)
    person = str(uuid.uuid4())
    leads = [_lead(i, stage=(i % 10) / 10) for i in range(n)]
    ids = store.create_many(participant_id=person, leads=leads, model_version="m", actor="t")
    for lead_id, lead in zip(ids, leads, strict=True):
        stage = lead.explanation.parts[FEATURES.index("stage")].value
        feedback = "pursued" if stage >= 0.5 else ("not_relevant" if stage < 0.3 else "person_declined")
        store.add_feedback(lead_id=lead_id, feedback=feedback, actor="t")
    assert training_frame(store.labelled()).height == n - n // 10 * 2  # declines are left out
    db.close()


def test_rerank_train_learns_from_feedback_and_writes_json(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    _seed_feedback(db)
    out = CliRunner().invoke(app, ["rerank", "train", "--db", str(db)])
    assert out.exit_code == 0, out.output
    model = json.loads(Path(f"{db}.reranker.json").read_text())
    assert model["features"] == list(FEATURES) and model["n_train"] == 32
    assert max(model["coef"]) == model["coef"][FEATURES.index("stage")]


def test_rerank_train_without_feedback_is_one_clear_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["rerank", "train", "--db", str(tmp_path / "empty.duckdb")])
    assert out.exit_code == 2 and "need both positive and negative feedback" in out.output
