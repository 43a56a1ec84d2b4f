"""Migrations 010-012 upgrade a caseload at the earlier schema (001-006) that already holds people."""

from __future__ import annotations

import datetime as dt
import uuid

import duckdb

import participants
from participants import ParticipantStore
from participants.history import HistoryStore
from participants.profiles import ProfileStore

_OLD = [p for p in sorted(participants.MIGRATIONS.glob("*.sql")) if int(p.name.split("_")[0]) < 10]
_NEW = [p for p in sorted(participants.MIGRATIONS.glob("*.sql")) if int(p.name.split("_")[0]) >= 10]
AT = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def _old_person(con: duckdb.DuckDBPyConnection, status: str) -> str:
    pid = uuid.uuid4()
    con.execute(
        "INSERT INTO caseload_participants (id, unit_id, specialist_id, display_name, status, created_at, "
        "created_by, updated_at, updated_by) VALUES (?, 'unit-a', 'es-1', 'Old Person', ?, ?, 'x', ?, 'x')",
        [pid, status, AT, AT],
    )
    con.execute(
        "INSERT INTO caseload_preferences VALUES "
        "(?, [{'label': 'Cook', 'uri': 'occ:cook', 'isco_group': '5120'}], [], ['I56'], [], "
        "10, 20, false, NULL, false, [], false, "
        "'Laga mat', ?, 'x', false, false)",
        [pid, AT],
    )
    con.execute("INSERT INTO caseload_skills VALUES (?, 0, 'cooking', 'skill:cook', ?, 'x')", [pid, AT])
    con.execute(
        "INSERT INTO caseload_disclosure_plans VALUES (?, 'partial', true, ['I have support'], ?, 'x')",
        [pid, AT],
    )
    con.execute("INSERT INTO caseload_benefits_plans VALUES (?, 'sickness', 15, ?, 'x')", [pid, AT])
    return str(pid)


def test_upgrade_keeps_people_readable_and_writable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    for script in _OLD:
        con.execute(script.read_text())
    active, held, closed = (_old_person(con, s) for s in ("active", "on_hold", "closed"))
    con.close()
    con = duckdb.connect(path)  # as the service would: reopen, then migrate
    for script in _NEW:
        con.execute("BEGIN TRANSACTION")
        con.execute(script.read_text())
        con.execute("COMMIT")
    store = ParticipantStore(con)
    people = {p.id: p for p in store.get_many(participant_ids=[active, held, closed])}
    assert [people[i].phase for i in (active, held, closed)] == ["enrolled", "paused", "closed"]
    assert [people[i].status for i in (active, held, closed)] == ["active", "on_hold", "closed"]
    old = people[active]
    assert old.preferences.liked_sectors == ("I56",) and old.skills[0].uri == "skill:cook"
    assert old.disclosure.es_may_contact_employers and old.disclosure.contact_employers == ()
    assert [h.value for h in HistoryStore(con).statuses(participant_id=held)] == ["paused"]
    assert HistoryStore(con).assignments(participant_id=active)[0].effective_on == AT.date()
    assert ProfileStore(con).versions(participant_id=active) == []  # none until the first save
    changed = store.update(participant_id=active, values={"preferences": {"hours_max": 25}}, actor="ebba")
    assert changed.preferences.hours_max == 25 and changed.preferences.goals == "Laga mat"
    assert changed.preferences.preferred_occupations == old.preferences.preferred_occupations
    assert [v.version for v in ProfileStore(con).versions(participant_id=active)] == [1]
    assert store.count_active() == 1
    renamed = store.update(participant_id=closed, values={"display_name": "Renamed"}, actor="ebba")
    assert (renamed.display_name, renamed.phase, renamed.closure_reason) == ("Renamed", "closed", None)
    con.close()
