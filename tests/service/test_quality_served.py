"""`ipsmatch eval --model shipped`: the linker as served, and the team vocabulary in front of it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from service.cli.app import app
from service.cli.quality import default_model
from service.config import Settings
from tests.service.test_quality import env, write_melo  # noqa: F401  (env is a fixture)


def rows(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_shipped_is_the_default_outside_the_development_sets(tmp_path: Path) -> None:
    settings = Settings(melo_path=tmp_path / "dev")
    assert default_model(settings, None) == "cv"
    assert default_model(settings, tmp_path / "dev") == "cv"
    assert default_model(settings, tmp_path / "dev" / "swe_q_sv_c_sv") == "cv"
    assert default_model(settings, tmp_path / "other") == "shipped"


def test_eval_shipped_prints_the_served_figures_and_uses_the_vocabulary(
    tmp_path: Path,
    env: dict[str, str],  # noqa: F811
) -> None:
    folder = write_melo(tmp_path / "sets" / "tst_q_en_c_en", n=30)
    runner = CliRunner()
    args = ["eval", str(tmp_path / "sets"), "--format", "json", "--no-skills"]
    plain = rows(runner.invoke(app, args, env=env).stdout)
    assert [r["fusion"] for r in plain] == ["shipped"] and plain[0]["n_queries"] == 30
    # The team adds every query as an alias of its gold concept: the served figure becomes 1.
    queries = [line.split("\t") for line in (folder / "queries.tsv").read_text().splitlines()]
    gold = dict(line.split("\t") for line in (folder / "concept_mapping.tsv").read_text().splitlines())
    csv = ["kind,language,text,esco_uri"] + [
        f'occupation,en,"{q}",{gold[f"C{q_id[1:].zfill(4)}_en_000"]}' for q_id, q in queries
    ]
    (tmp_path / "aliases.csv").write_text("\n".join(csv) + "\n", encoding="utf-8")
    db = str(tmp_path / "team.duckdb")
    imported = runner.invoke(
        app, ["vocabulary", "import", str(tmp_path / "aliases.csv"), "--db", db], env=env
    )
    assert imported.exit_code == 0, imported.output
    served = rows(runner.invoke(app, [*args, "--model", "shipped", "--db", db], env=env).stdout)
    assert served[0]["fusion"] == "shipped+vocabulary" and served[0]["mrr_at_10"] == 1.0
