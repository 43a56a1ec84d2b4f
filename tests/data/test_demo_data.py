"""The synthetic demo data: reproducible from its seed, consistent, and free of sensitive text."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo"
ESCO = ROOT / "data" / "esco"
GENERATOR = ROOT / "data" / "generate_demo.py"
FILES = (
    "units.json",
    "employers.jsonl.gz",
    "openings.jsonl.gz",
    "participants.jsonl.gz",
    "people.jsonl.gz",
    "contacts.jsonl.gz",
    "tasks.jsonl.gz",
    "duplicate_employers.jsonl.gz",
)
CRM = ("people", "contacts", "tasks", "duplicate_employers")
DENYLIST = re.compile(
    r"diagnos|schizo|psychos|psychot|depress|bipolar|autis|adhd|disorder|"
    r"illness|sjukdom|sygdom|maladie",
    re.IGNORECASE,
)


def run_generator(out: Path, seed: int = 7) -> None:
    subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            "--seed",
            str(seed),
            "--out",
            str(out),
            "--as-of",
            "2026-11-01T00:00:00Z",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def payload(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    run_generator(out)
    return out


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    tables: dict[str, Any] = json.loads((DEMO / "units.json").read_text(encoding="utf-8"))
    for name in ("employers", "openings", "participants", *CRM):
        tables[name] = read_jsonl(DEMO / f"{name}.jsonl.gz")
    return tables


@pytest.fixture(scope="module")
def occupation_uris() -> set[str]:
    with gzip.open(ESCO / "occupations.tsv.gz", "rt", encoding="utf-8") as f:
        next(f)
        return {line.split("\t", 1)[0] for line in f}


# (a) reproducibility -------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_generator_reproduces_committed_file(fresh: Path, name: str) -> None:
    # Compare the content byte for byte; gzip streams are compared in the next tests, because
    # another zlib build (e.g. zlib-ng) may compress the same bytes differently.
    assert payload(fresh / name) == payload(DEMO / name)


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".gz")])
def test_gzip_header_has_no_time_or_name(name: str) -> None:
    header = (DEMO / name).read_bytes()[:10]
    assert header[:3] == b"\x1f\x8b\x08"
    assert header[3] == 0  # FLG: no file name, no comment
    assert header[4:8] == b"\x00\x00\x00\x00"  # MTIME = 0


def test_same_seed_gives_identical_bytes(fresh: Path, tmp_path: Path) -> None:
    run_generator(tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name


def test_other_seed_gives_other_data(tmp_path: Path) -> None:
    run_generator(tmp_path, seed=8)
    assert payload(tmp_path / "employers.jsonl.gz") != payload(DEMO / "employers.jsonl.gz")


# (b) counts --------------------------------------------------------------------------------


def test_counts_in_expected_ranges(demo: dict[str, Any]) -> None:
    assert len(demo["units"]) == 4
    assert len(demo["users"]) == 4 * 5 + 1
    assert len(demo["employers"]) == 300
    assert 2500 <= len(demo["openings"]) <= 3500
    assert len(demo["participants"]) == 60
    active = sum(p["status"] == "active" for p in demo["participants"])
    assert 50 <= active <= 58


def test_units_cover_four_countries_and_roles(demo: dict[str, Any]) -> None:
    assert sorted((u["country"], u["language"]) for u in demo["units"]) == [
        ("DK", "da"),
        ("FR", "fr"),
        ("GB", "en"),
        ("SE", "sv"),
    ]
    for unit in demo["units"]:
        roles = sorted(u["role"] for u in demo["users"] if u["unit_id"] == unit["id"])
        assert roles == ["job_developer", "specialist", "specialist", "specialist", "supervisor"]
    admins = [u for u in demo["users"] if u["role"] == "admin"]
    assert len(admins) == 1 and admins[0]["unit_id"] is None
    usernames = [u["username"] for u in demo["users"]]
    assert len(set(usernames)) == len(usernames)
    assert all(re.fullmatch(r"[a-z]+(\.[a-z]+)?", n) for n in usernames)


def test_openings_use_every_language(demo: dict[str, Any]) -> None:
    assert {o["language"] for o in demo["openings"]} == {"sv", "da", "fr", "en"}


# (c) referential integrity -----------------------------------------------------------------


def test_openings_point_at_existing_employers_and_sites(demo: dict[str, Any]) -> None:
    sites = {e["id"]: {s["id"] for s in e["sites"]} for e in demo["employers"]}
    for o in demo["openings"]:
        assert o["employer_id"] in sites
        assert o["site_id"] in sites[o["employer_id"]]


def test_every_occupation_uri_is_in_the_esco_subset(demo: dict[str, Any], occupation_uris: set[str]) -> None:
    used = {o["esco_occupation_uri"] for o in demo["openings"]}
    used |= {u for e in demo["employers"] for u in e["hiring_occupations"]}
    for p in demo["participants"]:
        prefs = p["preferences"]
        for entry in prefs["preferred_occupations"] + prefs["refused_occupations"]:
            if entry["esco_uri"]:
                used.add(entry["esco_uri"])
    assert used <= occupation_uris


def test_registry_numbers_and_ids_are_unique(demo: dict[str, Any]) -> None:
    numbers = [e["registry_number"] for e in demo["employers"]]
    assert len(set(numbers)) == len(numbers)
    ids = [e["id"] for e in demo["employers"]] + [o["id"] for o in demo["openings"]]
    ids += [s["id"] for e in demo["employers"] for s in e["sites"]]
    ids += [p["id"] for p in demo["participants"]] + [u["id"] for u in demo["users"]]
    assert len(set(ids)) == len(ids)


def test_opening_fields_are_consistent(demo: dict[str, Any]) -> None:
    for o in demo["openings"]:
        assert 0 < o["hours_min"] <= o["hours_max"] <= 40
        assert o["wage_hourly"] > 0
        assert o["posted_at"] < "2026-11-01T00:00:00Z"
        assert o["closes_at"] is None or o["closes_at"] > o["posted_at"]


# (d) participants belong to their unit's specialists ---------------------------------------


def test_participant_unit_and_specialist_exist(demo: dict[str, Any]) -> None:
    units = {u["id"] for u in demo["units"]}
    users = {u["username"]: u for u in demo["users"]}
    for p in demo["participants"]:
        assert p["unit_id"] in units
        specialist = users[p["specialist_username"]]
        assert specialist["role"] == "specialist"
        assert specialist["unit_id"] == p["unit_id"]


def test_liked_and_refused_sectors_are_disjoint(demo: dict[str, Any]) -> None:
    for p in demo["participants"]:
        prefs = p["preferences"]
        assert not set(prefs["liked_sectors"]) & set(prefs["refused_sectors"])


# (e) disclosure text never names a diagnosis -----------------------------------------------


def test_approved_statements_never_name_a_diagnosis(demo: dict[str, Any]) -> None:
    for p in demo["participants"]:
        for statement in p["disclosure"]["approved_statements"]:
            assert not DENYLIST.search(statement), statement


def test_no_statements_without_disclosure(demo: dict[str, Any]) -> None:
    for p in demo["participants"]:
        if p["disclosure"]["level"] == "none":
            assert p["disclosure"]["approved_statements"] == []


# (f) CRM activity ---------------------------------------------------------------------------


def test_crm_files_are_consistent(demo: dict[str, Any]) -> None:
    employers = {e["id"]: e for e in demo["employers"]}
    people = {p["id"] for p in demo["people"]}
    users = {u["username"]: u for u in demo["users"]}
    participants = {p["id"]: p for p in demo["participants"]}
    assert 300 <= len(demo["people"]) <= 700 and 1500 <= len(demo["contacts"]) <= 3000
    for c in demo["contacts"]:
        emp = employers[c["employer_id"]]
        assert not emp["do_not_contact"] and (c["person_id"] is None or c["person_id"] in people)
        assert users[c["specialist_username"]]["unit_id"] is not None
        assert (c["status"] == "planned") == (c["occurred_at"] >= "2026-11-01T00:00:00Z")
        if c["participant_id"]:
            person = participants[c["participant_id"]]
            assert person["disclosure"]["es_may_contact_employers"] and person["status"] == "active"
            assert person["specialist_username"] == c["specialist_username"]
    f2f = sum(c["mode"] == "face_to_face" for c in demo["contacts"])
    assert f2f > len(demo["contacts"]) / 2
    contact_ids = {c["id"] for c in demo["contacts"]}
    assert all(t["contact_id"] in contact_ids for t in demo["tasks"])
    assert {t["status"] for t in demo["tasks"]} == {"open", "done"}


def test_planted_duplicates_are_found_and_nothing_else() -> None:
    from employers.dedupe import Candidate, scan

    rows = read_jsonl(DEMO / "employers.jsonl.gz") + read_jsonl(DEMO / "duplicate_employers.jsonl.gz")
    pool = [
        Candidate(
            r["id"],
            r["name"],
            tuple(r["aliases"]),
            r["registry_number"],
            r["website"],
            r["phone"],
            r["country"],
        )
        for r in rows
    ]
    planted = {frozenset((r["id"], r["duplicate_of"])) for r in rows if r.get("duplicate_of")}
    assert 4 <= len(planted) <= 6
    assert {frozenset((m.a, m.b)) for m in scan(pool)} == planted
