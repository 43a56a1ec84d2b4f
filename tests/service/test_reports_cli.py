"""``ipsmatch report ...`` on the database file the API wrote (the caseload of report_world)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from service.cli.app import app
from tests.conftest import Api
from tests.service import report_world


def test_report_commands_write_json_and_csv(api: Api, tmp_path: Path) -> None:
    world = report_world.build(api)
    api.client.__exit__(None, None, None)  # the server lets go of the file, as `ipsmatch report` needs
    db = str(tmp_path / "test.duckdb")
    window = ["--since", "2025-01-01", "--until", "2025-06-30"]
    runner = CliRunner()
    out = tmp_path / "fidelity.json"
    r = runner.invoke(app, ["report", "fidelity", "--db", db, *window, "--unit", "unit-a", "--out", str(out)])
    assert r.exit_code == 0, r.output
    v4 = next(i for i in json.loads(out.read_text()) if i["id"] == "V4")
    assert (v4["numerator"], v4["denominator"], v4["band"]) == (181, 3, 3)  # as in test_reports_api
    r = runner.invoke(app, ["report", "outcomes", "--db", db, *window, "--by", "unit", "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = {(x["quarter"], x["group"]): x for x in csv.DictReader(io.StringIO(r.stdout))}
    assert rows[("2025Q1", "unit-a")]["served"] == "3" and rows[("2025Q1", "unit-b")]["served"] == "1"
    r = runner.invoke(app, ["report", "ips-grow", "--db", db, "--quarter", "2025-Q1", "--format", "csv"])
    assert r.exit_code == 0, r.output
    ids = {x["Client ID"] for x in csv.DictReader(io.StringIO(r.stdout))}
    assert ids == set(world["a"]) | set(world["b"])  # the operator sees every unit
    r = runner.invoke(app, ["report", "ips-grow", "--db", db, "--quarter", "2025-Q9"])
    assert r.exit_code == 2 and "quarter like 2026-Q3" in r.output
    r = runner.invoke(app, ["report", "key-dates", "--db", db, "--format", "xml"])
    assert r.exit_code == 2
