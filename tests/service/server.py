"""Start the real service (seeded DuckDB file + uvicorn in its own process) for end-to-end tests."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

CLI = [sys.executable, "-m", "service.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env_for(encoder: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "IPSMATCH_ENCODER": encoder, "HF_HUB_OFFLINE": "1", **extra}


def cli(
    args: list[str], env: Mapping[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([*CLI, *args], env=env, input=stdin, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return out


#: The demo file ``ipsmatch seed`` made, per set of IPSMATCH_* settings, for this test run. The
#: seed is deterministic and costs a minute of CPU, so a test's new file is a copy of it.
_SEEDED: dict[tuple[tuple[str, str], ...], Path] = {}


def seed(db: Path, env: Mapping[str, str]) -> None:
    """Seed ``db`` with the demo data as ``ipsmatch seed --db`` does, copying this run's seeded file.

    A ``db`` that exists already is handed to the real command (which leaves a seeded file
    alone), so whatever a test wrote to it stays.
    """
    if db.exists():
        cli(["seed", "--db", str(db)], env)
        return
    key = tuple(sorted((k, v) for k, v in env.items() if k.startswith("IPSMATCH_")))
    if key not in _SEEDED:
        folder = tempfile.mkdtemp(prefix="ipsmatch-demo-")
        atexit.register(shutil.rmtree, folder, True)
        made = Path(folder) / "demo.duckdb"
        cli(["seed", "--db", str(made)], env)
        _SEEDED[key] = made
    for suffix in ("", ".wal"):  # the command closed the file, so there is normally no WAL
        made = Path(f"{_SEEDED[key]}{suffix}")
        if made.exists():
            shutil.copy2(made, f"{db}{suffix}")


@contextmanager
def running_server(
    db: Path, env: Mapping[str, str], command: str = "serve", options: Sequence[str] = ()
) -> Iterator[str]:
    """Seed ``db`` with the demo data (`seed`), serve it, yield the base URL, stop the server.

    ``command="demo"`` serves it without sign-in (the seeder made the file; loopback only);
    ``options`` go to the command as they are (e.g. ``["--as", "ebba.sv"]``).
    """
    seed(db, env)
    port = free_port()
    proc = subprocess.Popen(
        [*CLI, command, "--db", str(db), "--port", str(port), *options],
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# The one Chromium launcher lives in `tests.service.browser`; modules that import it from here keep working.
from tests.service.browser import chromium  # noqa: E402, F401
