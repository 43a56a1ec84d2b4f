from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb


def test_a_locked_database_gives_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    duckdb.connect(str(path)).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ok', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    commands = [
        ["token", "someone"],
        ["export", "employers", "--out", str(tmp_path / "employers.csv")],
        ["import", str(Path(__file__).parents[1] / "data" / "employer_pairs.csv"), "--dry-run"],
    ]
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        outs = [
            subprocess.run(
                [sys.executable, "-m", "service.cli", *command, "--db", str(path)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            for command in commands
        ]
    finally:
        holder.kill()
    for out in outs:
        assert out.returncode == 3, out.stderr
        assert f"process {holder.pid}" in out.stderr
        assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
