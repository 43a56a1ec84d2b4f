"""The import-linter contracts stay complete: a new room or package cannot slip past them.

import-linter checks what the contracts name; these tests check that the contracts name every
room there is (service subpackages and top-level modules, matching subpackages, root packages),
so adding a folder without placing it in the layers fails here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())
CONTRACTS: list[dict[str, Any]] = CONFIG["tool"]["importlinter"]["contracts"]
PACKAGES = [
    "matching",
    "embeddings",
    "storekit",
    "employers",
    "participants",
    "vocabulary",
    "reports",
    "feeds",
    "service",
]
# The value rooms of matching that stores and feeds may use: types, and the phrases types carry.
VALUE_ROOMS = {"matching.types", "matching.phrase"}
HTTP_EDGE = {"service.app", "service.errors", "service.deps", "service.api", "service.web"}


def contract(prefix: str) -> dict[str, Any]:
    return next(c for c in CONTRACTS if c["name"].startswith(prefix))


def rooms(package: str) -> set[str]:
    """Subpackages and modules directly under ``package`` (dotted), ``__init__``/``__main__`` aside."""
    folder = ROOT / package.replace(".", "/")
    subpackages = {p.parent.name for p in folder.glob("*/__init__.py")}
    modules = {p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__")}
    return {f"{package}.{name}" for name in subpackages | modules}


def layer_members(layers: list[str]) -> set[str]:
    return {m.strip() for layer in layers for m in layer.replace(":", "|").split("|")}


def test_every_root_package_is_linted_typed_and_installed() -> None:
    assert set(CONFIG["tool"]["importlinter"]["root_packages"]) == set(PACKAGES)
    assert set(CONFIG["tool"]["mypy"]["packages"]) == set(PACKAGES)
    include = CONFIG["tool"]["setuptools"]["packages"]["find"]["include"]
    assert {p.rstrip("*") for p in include} == set(PACKAGES)
    on_disk = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert on_disk == set(PACKAGES), on_disk ^ set(PACKAGES)


def test_every_service_room_has_a_layer() -> None:
    members = layer_members(contract("service rooms")["layers"])
    assert rooms("service") == members, rooms("service") ^ members


def test_every_matching_room_has_a_layer() -> None:
    members = layer_members(contract("matching: ranking and linking")["layers"])
    assert rooms("matching") == members, rooms("matching") ^ members


def test_stores_may_use_only_types_of_matching() -> None:
    forbidden = set(contract("stores use")["forbidden_modules"])
    assert rooms("matching") - VALUE_ROOMS <= forbidden
    assert {"embeddings", "reports", "service", "fastapi", "pydantic"} <= forbidden


def test_framework_contracts_cover_every_room_outside_their_edge() -> None:
    service = rooms("service") - {"service.main"}
    fastapi_free = set(contract("fastapi only")["source_modules"])
    assert fastapi_free == service - HTTP_EDGE, fastapi_free ^ (service - HTTP_EDGE)
    typer_free = set(contract("typer only")["source_modules"])
    assert typer_free == service - {"service.cli"}, typer_free ^ (service - {"service.cli"})
    pydantic_free = set(contract("pydantic only")["source_modules"])
    api_rooms = rooms("service.api") - {"service.api.schemas"}
    expected = (service - {"service.api", "service.config"}) | api_rooms
    assert pydantic_free == expected, pydantic_free ^ expected


def test_feeds_are_pure_parsers() -> None:
    forbidden = set(contract("feeds are pure")["forbidden_modules"])
    assert set(PACKAGES) - {"feeds", "matching"} <= forbidden  # of our packages, VALUE_ROOMS only
    assert rooms("matching") - VALUE_ROOMS <= forbidden
    assert {"fastapi", "duckdb", "pydantic", "httpx"} <= forbidden
    assert "feeds" in contract("Nothing imports service")["source_modules"]
    assert "feeds" in contract("stores use")["forbidden_modules"]
