"""The import-linter contract for stores must list every matching module except `types`."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_store_contract_covers_every_matching_module() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(
        c for c in config["tool"]["importlinter"]["contracts"] if c["name"].startswith("stores use")
    )
    modules = {
        f"matching.{p.stem}" for p in (ROOT / "matching").glob("*.py") if p.stem not in ("__init__", "types")
    }
    assert modules <= set(contract["forbidden_modules"]), modules - set(contract["forbidden_modules"])
