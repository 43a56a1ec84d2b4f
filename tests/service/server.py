"""Start the real service (seeded DuckDB file + uvicorn in its own process) for end-to-end tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@contextmanager
def running_server(db: Path, env: Mapping[str, str], command: str = "serve") -> Iterator[str]:
    """Seed ``db`` with the demo data, serve it, yield the base URL, stop the server.

    ``command="demo"`` serves it without sign-in (the seeder made the file; loopback only).
    """
    cli(["seed", "--db", str(db)], env)
    port = free_port()
    proc = subprocess.Popen(
        [*CLI, command, "--db", str(db), "--port", str(port)],
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


#: The browser tests' Chromium flags: headless on a small shared box, no network of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (the test is skipped where it is not installed)."""
    from tests.needs import need

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    need(path is not None, "Debian chromium (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
