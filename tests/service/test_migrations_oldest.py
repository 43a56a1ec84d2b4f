"""Migrations from the oldest schema: a database made by only the 001 scripts of every store.

The file is built with the first migration of each package and given a few rows, then opened by
the current code: every later migration must run and the old rows must read back intact.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from employers import EmployerStore
from participants import ParticipantStore
from service.runtime import database
from service.runtime.database import MIGRATION_SOURCES, Database

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
EMPLOYER, OPENING, PERSON, ALIAS = (str(uuid.uuid4()) for _ in range(4))


def _oldest_sources(tmp_path: Path) -> tuple[tuple[str, Path], ...]:
    sources = []
    for package, folder in MIGRATION_SOURCES:
        first = tmp_path / "first" / package
        first.mkdir(parents=True)
        scripts = sorted(folder.glob("001_*.sql"))
        assert len(scripts) == 1, (package, scripts)
        shutil.copy(scripts[0], first)
        sources.append((package, first))
    return tuple(sources)


def _old_rows(db: Database) -> None:
    cur = db.cursor()
    cur.execute("INSERT INTO app_units (id, name) VALUES ('unit-a', 'Unit A')")
    cur.execute(
        "INSERT INTO crm_employers (id, name, created_at, created_by, updated_at, updated_by) "
        "VALUES (?, 'Lagerhuset AB', ?, 'old', ?, 'old')",
        [EMPLOYER, NOW, NOW],
    )
    cur.execute(
        "INSERT INTO crm_openings (id, employer_id, title, created_at, created_by, updated_at, updated_by) "
        "VALUES (?, ?, 'Lagerarbetare', ?, 'old', ?, 'old')",
        [OPENING, EMPLOYER, NOW, NOW],
    )
    cur.execute(
        "INSERT INTO caseload_participants (id, unit_id, display_name, created_at, created_by, updated_at, "
        "updated_by) VALUES (?, 'unit-a', 'Sara L.', ?, 'old', ?, 'old')",
        [PERSON, NOW, NOW],
    )
    cur.execute(
        "INSERT INTO caseload_preferences VALUES (?, [], [], ['Q87'], [], 10, 20, true, NULL, false, [], "
        "false, 'work with animals', ?, 'old')",
        [PERSON, NOW],
    )
    cur.execute(
        "INSERT INTO vocab_aliases (id, kind, language, text, folded, esco_uri, created_at, created_by, "
        "updated_at, updated_by) VALUES (?, 'occupation', 'sv', 'lagerjobb', 'lagerjobb', 'esco:x', "
        "?, 'o', ?, 'o')",
        [ALIAS, NOW, NOW],
    )


def test_a_database_of_the_oldest_schema_migrates_with_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "old.duckdb")
    with monkeypatch.context() as patch:
        patch.setattr(database, "MIGRATION_SOURCES", _oldest_sources(tmp_path))
        old = Database(path)
        assert len(old.migrate()) == len(MIGRATION_SOURCES)
        _old_rows(old)
        old.close()
    later = sorted(
        f"{package}/{s.name}"
        for package, folder in MIGRATION_SOURCES
        for s in folder.glob("*.sql")
        if not s.name.startswith("001_")
    )
    assert "participants/007_consent.sql" in later
    db = Database(path)
    try:
        assert sorted(db.migrate()) == later
        assert db.migrate() == []  # nothing twice
        person = ParticipantStore(db.cursor()).get(participant_id=PERSON)
        assert (person.display_name, person.unit_id, person.preferences.goals) == (
            "Sara L.",
            "unit-a",
            "work with animals",
        )
        assert (
            person.preferences.hours_min,
            person.preferences.liked_sectors,
            person.preferences.remote_ok,
        ) == (10, ("Q87",), False)
        assert EmployerStore(db.cursor()).get(employer_id=EMPLOYER).name == "Lagerhuset AB"
        cur = db.cursor()
        assert cur.execute("SELECT title, remote FROM crm_openings WHERE id = ?", [OPENING]).fetchone() == (
            "Lagerarbetare",
            False,
        )
        assert cur.execute("SELECT text FROM vocab_aliases WHERE id = ?", [ALIAS]).fetchone() == (
            "lagerjobb",
        )
        assert cur.execute("SELECT travel_area_km FROM app_units").fetchone() == (None,)
        assert cur.execute("SELECT erased_at FROM caseload_participants").fetchone() == (None,)
        assert cur.execute("SELECT count(*) FROM caseload_consents").fetchone() == (0,)
    finally:
        db.close()
