"""Retention: `ipsmatch retention --dry-run` lists what is past the periods, `--apply` acts on it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

from tests.conftest import Api


def _person(api: Api, name: str, status: str, closed_at: str | None = None) -> str:
    closing = {"closure_reason": "moved_away"} if status == "closed" else {}  # a reason is required
    if closed_at:
        closing["closed_at"] = closed_at
    r = api.call("POST", "/participants", json={"display_name": name, "status": status, **closing})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _retention(path: str, flag: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", "retention", flag, "--db", path],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_retention_lists_then_pseudonymises_old_closed_people_and_drops_old_audit_rows(make_api) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api(retention_closed_months=24, retention_audit_years=5)
    now = datetime.now(UTC)
    old_closed = _person(api, "Old Closed", "closed", closed_at=f"{now - timedelta(days=800):%Y-%m-%d}")
    new_closed = _person(api, "New Closed", "closed")
    old_active = _person(api, "Old Active", "active")
    cur = api.db.cursor()
    cur.execute(
        "UPDATE caseload_participants SET updated_at = ? WHERE list_contains(?::UUID[], id)",
        [now - timedelta(days=800), [old_closed, old_active]],  # 26 months: past 24 for the closed one only
    )
    cur.execute(
        "UPDATE app_audit_log SET logged_at = ? WHERE entity_id = ?",
        [now - timedelta(days=6 * 366), new_closed],
    )
    old_audit = cur.execute(
        "SELECT count(*) FROM app_audit_log WHERE entity_id = ?", [new_closed]
    ).fetchone()[0]
    total_audit = cur.execute("SELECT count(*) FROM app_audit_log").fetchone()[0]
    assert old_audit >= 1
    path = api.db.path
    api.client.__exit__(None, None, None)

    dry = _retention(path, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert old_closed in dry.stdout and new_closed not in dry.stdout and old_active not in dry.stdout
    assert f": {old_audit}" in dry.stdout
    applied = _retention(path, "--apply")
    assert applied.returncode == 0, applied.stderr
    again = _retention(path, "--dry-run")
    assert old_closed not in again.stdout and "audit rows before" in again.stdout and ": 0" in again.stdout

    import duckdb

    with duckdb.connect(path, read_only=True) as con:
        names = dict(con.execute("SELECT id::VARCHAR, display_name FROM caseload_participants").fetchall())
        audit = con.execute("SELECT count(*) FROM app_audit_log WHERE action = 'retention'").fetchone()[0]
        left = con.execute("SELECT count(*) FROM app_audit_log").fetchone()[0]
    assert names == {
        old_closed: f"participant {old_closed[:8]}",
        new_closed: "New Closed",
        old_active: "Old Active",
    }
    assert audit == 1 and left == total_audit - old_audit + 2  # + the pseudonymisation and the retention row


def test_retention_counts_from_the_closure_date_not_the_last_change(make_api) -> None:  # type: ignore[no-untyped-def]
    api: Api = make_api(retention_closed_months=24)
    now = datetime.now(UTC)
    long_ago = f"{now - timedelta(days=800):%Y-%m-%d}"  # 26 months: past 24
    # Closed long ago, then changed today for another reason (a name corrected): still due.
    old_closed = _person(api, "Old Closed", "closed", closed_at=long_ago)
    fixed = api.call("PATCH", f"/participants/{old_closed}", json={"display_name": "Old Closed-Fixed"})
    assert fixed.status_code == 200, fixed.text
    # Closed last week, but its record was last changed long ago (as an import or a clock could
    # leave it): not due.
    recent = _person(api, "Recently Closed", "closed", closed_at=f"{now - timedelta(days=7):%Y-%m-%d}")
    # Closed before closed_at existed: the lifecycle history's closure day counts.
    by_history = _person(api, "History Closed", "closed")
    cur = api.db.cursor()
    cur.execute(
        "UPDATE caseload_participants SET updated_at = ? WHERE id = ?", [now - timedelta(days=900), recent]
    )
    cur.execute("UPDATE caseload_participants SET closed_at = NULL WHERE id = ?", [by_history])
    cur.execute(
        "INSERT INTO caseload_status_history VALUES (uuid(), ?, 'closed', 'job_search', ?, ?, 't', '')",
        [by_history, now.date() - timedelta(days=900), now],
    )
    assert cur.execute(
        "SELECT updated_at > ? FROM caseload_participants WHERE id = ?", [now - timedelta(days=1), old_closed]
    ).fetchone() == (True,)
    path = api.db.path
    api.client.__exit__(None, None, None)

    dry = _retention(path, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert old_closed in dry.stdout and by_history in dry.stdout and recent not in dry.stdout
    assert f"closed {long_ago}" in dry.stdout
