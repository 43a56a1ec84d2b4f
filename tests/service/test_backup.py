"""Backup and restore: POST /admin/backup while the service works, and restore as a round trip."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from service.runtime.backup import BackupError, restore_backup, table_stats
from tests.conftest import Api
from tests.service.gdpr_helpers import seeded_person


def _stats(path: Path) -> dict[str, dict[str, object]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return table_stats(con)


def test_a_backup_restores_to_equal_row_counts_and_checksums(make_api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api(backup_dir=tmp_path / "backups")
    seeded_person(api)
    r = api.call("POST", "/admin/backup", user="admin")
    assert r.status_code == 201, r.text
    body = r.json()
    assert (
        body["tables"]["caseload_participants"]["rows"] == 1 and body["tables"]["crm_contacts"]["rows"] == 1
    )
    folder = tmp_path / "backups" / body["name"]
    assert set(body["files"]) >= {"schema.sql", "load.sql", "caseload_participants.parquet"}
    assert {p.stat().st_mode & 0o077 for p in [folder, *folder.iterdir()]} == {0}  # owner only
    source = Path(api.db.path)
    api.client.__exit__(None, None, None)
    restored = tmp_path / "restored.duckdb"
    restore_backup(folder, restored)
    original, copy = _stats(source), _stats(restored)
    audit = original.pop("app_audit_log"), copy.pop("app_audit_log")
    assert copy == original and len(copy) > 20
    assert audit[1]["rows"] == audit[0]["rows"] - 1  # the backup's own audit row came after the snapshot
    assert {t: s for t, s in copy.items()} == {t: body["tables"][t] for t in copy}


def test_only_an_admin_may_take_a_backup(make_api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api(backup_dir=tmp_path / "backups")
    for user in ("spec.a", "sup.a"):
        assert api.call("POST", "/admin/backup", user=user).status_code == 403
    assert api.call("POST", "/admin/backup", user=None).status_code == 401
    assert not (tmp_path / "backups").exists()


def test_a_backup_taken_during_writes_is_one_consistent_snapshot(make_api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api(backup_dir=tmp_path / "backups")
    stop = threading.Event()
    written: list[int] = []

    def write() -> None:
        while not stop.is_set():
            r = api.call(
                "POST",
                "/employers",
                json={"name": f"Firma {len(written)}"},
                headers={"X-Skip-Duplicate-Check": "true"},
            )
            written.append(r.status_code)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while len(written) < 5:
            stop.wait(0.05)
        r = api.call("POST", "/admin/backup", user="admin")
    finally:
        stop.set()
        writer.join()
    assert r.status_code == 201, r.text
    assert set(written) == {201}
    backed_up = r.json()["tables"]["crm_employers"]["rows"]
    assert 5 <= backed_up <= len(written)
    restored = tmp_path / "restored.duckdb"
    restore_backup(
        tmp_path / "backups" / r.json()["name"], restored
    )  # checks every table against the manifest
    with duckdb.connect(str(restored), read_only=True) as con:
        employers, logged = con.execute(
            "SELECT (SELECT count(*) FROM crm_employers), "
            "(SELECT count(*) FROM crm_change_log WHERE entity = 'employer' AND action = 'create')"
        ).fetchone()
    assert employers == logged == backed_up  # each employer with its change-log row, none half-written


def test_restore_refuses_an_existing_file_and_a_changed_backup(make_api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api(backup_dir=tmp_path / "backups")
    seeded_person(api)
    folder = tmp_path / "backups" / api.call("POST", "/admin/backup", user="admin").json()["name"]
    with pytest.raises(BackupError, match="exists"):
        restore_backup(folder, Path(api.db.path))
    parquet = folder / "caseload_participants.parquet"
    parquet.write_bytes(parquet.read_bytes()[:-8] + b"\0" * 8)
    with pytest.raises(BackupError, match="changed"):
        restore_backup(folder, tmp_path / "new.duckdb")
    assert not (tmp_path / "new.duckdb").exists()
    with pytest.raises(BackupError, match="not an ipsmatch backup"):
        restore_backup(tmp_path, tmp_path / "new.duckdb")


def test_the_cli_backs_up_and_restores_a_stopped_servers_file(make_api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api()
    pid = seeded_person(api)["id"]
    path = api.db.path
    api.client.__exit__(None, None, None)
    cli = [sys.executable, "-m", "service.cli"]
    out = subprocess.run(
        [*cli, "backup", str(tmp_path / "bk"), "--db", path], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    restored = tmp_path / "restored.duckdb"
    out = subprocess.run(
        [*cli, "restore", str(tmp_path / "bk"), "--db", str(restored)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert _stats(restored) == _stats(Path(path))
    with duckdb.connect(str(restored), read_only=True) as con:
        assert con.execute(
            "SELECT display_name FROM caseload_participants WHERE id = ?", [pid]
        ).fetchone() == ("Sara Lindqvist",)
    again = subprocess.run(
        [*cli, "restore", str(tmp_path / "bk"), "--db", str(restored)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 2 and "exists" in again.stderr and "Traceback" not in again.stderr
