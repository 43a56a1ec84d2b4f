"""`ipsmatch demo --as USER` serves the demo as another demo user, and refuses one that is not there."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx

from tests.service.server import CLI, env_for, running_server, seed


def test_the_demo_serves_as_the_named_user(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    with running_server(db, env_for("hashing"), command="demo", options=["--as", "ebba.sv"]) as base:
        page = httpx.get(f"{base}/ui/participants", headers={"accept-language": "sv"}).text
    assert "Ebba Björk · IPS-coach" in page and "Owen" not in page


def test_an_unknown_demo_user_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    env = env_for("hashing")
    seed(db, env)
    out = subprocess.run(
        [*CLI, "demo", "--db", str(db), "--as", "nobody.xx"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 2
    assert "the demo user 'nobody.xx' does not exist or is disabled" in out.stderr
    assert "Traceback" not in out.stderr
