"""`ipsmatch eval` on a small MELO-format folder built from the ESCO subset (hashing encoder)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from matching.linking.esco import EscoCatalog
from service.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def write_melo(folder: Path, n: int = 60) -> Path:
    """English alt labels as queries; the corpus is every English label of those occupations."""
    catalog = EscoCatalog.load(ROOT / "data" / "esco")
    labels = catalog.labels.filter(pl.col("lang") == "en")
    uris = sorted(set(labels.filter(pl.col("kind") == "alt")["uri"].to_list()))[:n]
    corpus, mapping, queries, qrels = [], [], [], []
    for c, uri in enumerate(uris):
        mine = labels.filter(pl.col("uri") == uri)
        alt = mine.filter(pl.col("kind") == "alt")["label"].to_list()
        queries.append(f"Q{c}\t{alt[0].upper()}")
        for e, label in enumerate(mine["label"].to_list()):
            eid = f"C{c:04d}_en_{e:03d}"
            corpus.append(f"{eid}\t{label}")
            mapping.append(f"{eid}\t{uri}")
        qrels.append(f"Q{c}\t0\tC{c:04d}_en_000\t1")
    folder.mkdir(parents=True)
    for name, rows in (
        ("queries", queries),
        ("corpus_elements", corpus),
        ("concept_mapping", mapping),
        ("annotations", qrels),
    ):
        (folder / f"{name}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"IPSMATCH_ENCODER": "hashing", "IPSMATCH_CACHE_DIR": str(tmp_path / "cache")}


def test_eval_prints_one_json_object_per_set(tmp_path: Path, env: dict[str, str]) -> None:
    write_melo(tmp_path / "sets" / "tst_q_en_c_en")
    write_melo(tmp_path / "sets" / "two_q_en_c_en", n=50)
    out = CliRunner().invoke(
        app, ["eval", str(tmp_path / "sets"), "--format", "json", "--no-skills", "--folds", "2",
              "--model", "cv", "--out", str(tmp_path / "q.md")], env=env,
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert [r["dataset"] for r in rows] == ["tst_q_en_c_en", "two_q_en_c_en"]
    for row in rows:
        assert row["n_queries"] in (50, 60) and row["fusion"] == "cv-2"
        assert 0 <= row["hit_at_1"] <= row["hit_at_10"] <= 1 and 0 <= row["mrr_at_10"] <= 1
        assert row["mrr_at_10_ci95"][0] <= row["mrr_at_10"] <= row["mrr_at_10_ci95"][1]
        assert row["hit_at_10"] > 0.5  # the queries are ESCO labels, so this is easy
    assert "| tst_q_en_c_en |" in (tmp_path / "q.md").read_text()


def test_eval_without_data_says_what_to_do(tmp_path: Path, env: dict[str, str]) -> None:
    out = CliRunner().invoke(app, ["eval", str(tmp_path / "missing")], env=env)
    assert out.exit_code == 2
    assert "MELO data not found" in out.output and "IPSMATCH_MELO_PATH" in out.output
