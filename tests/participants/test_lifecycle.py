"""The participant lifecycle in the store: updates, phases with history, referral, closure rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import InvalidError, ParticipantStore
from participants.history import HistoryStore
from participants.lifecycle import REFUSED_CLOSURE_REASONS

PERSON = {
    "unit_id": "unit-a",
    "specialist_id": "es-1",
    "display_name": "Sara L.",
    "preferences": {
        "preferred_occupations": [{"label": "Undersköterska", "uri": "occ:1", "isco_group": "5321"}],
        "hours_min": 20,
    },
    "skills": [{"label": "hygiene", "uri": "skill:1"}],
}


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield con
    con.close()


@pytest.fixture
def store(con) -> ParticipantStore:  # type: ignore[no-untyped-def]
    return ParticipantStore(con)


def test_update_changes_every_top_level_field_and_logs_each(store: ParticipantStore, con) -> None:  # type: ignore[no-untyped-def]
    rec = store.create(values=PERSON, actor="ebba")
    changed = store.update(
        participant_id=rec.id,
        values={
            "display_name": "Sara Lind",
            "language": "sv",
            "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
            "licences": ["driving_b"],
            "referral_source": "self",
            "referral_received_at": "2026-01-05",
            "referral_accepted_at": "2026-01-07",
            "first_meeting_at": "2026-01-12",
            "employment_status_at_entry": "employed_at_risk",
        },
        actor="ebba",
    )
    assert (changed.display_name, changed.language, changed.home_city) == ("Sara Lind", "sv", "Solna")
    assert changed.licences == ("driving_b",) and changed.referral_source == "self"
    assert changed.first_meeting_at == dt.date(2026, 1, 12)
    assert changed.employment_status_at_entry == "employed_at_risk"
    logged = con.execute(
        "SELECT field, old_value, new_value FROM caseload_change_log "
        "WHERE entity_id = ? AND action = 'update'",
        [rec.id],
    ).fetchall()
    assert ("display_name", "Sara L.", "Sara Lind") in logged
    assert {"referral_source", "first_meeting_at", "home_city", "licences"} <= {f for f, _, _ in logged}


def test_update_checks_like_create(store: ParticipantStore) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    cases = {
        "display_name": {"display_name": "  "},
        "referral_source": {"referral_source": "police"},
        "employment_status_at_entry": {"employment_status_at_entry": "retired"},
        "referral_accepted_at": {"referral_received_at": "2026-02-01", "referral_accepted_at": "2026-01-01"},
        "first_meeting_at": {"first_meeting_at": "not a date"},
        "preferences.hours_max": {"preferences": {"hours_max": 10}},
        "colour": {"colour": "red"},
    }
    for field, values in cases.items():
        with pytest.raises(InvalidError) as err:
            store.update(participant_id=rec.id, values=values, actor="ebba")
        assert err.value.field == field, (field, err.value)
    assert store.get(participant_id=rec.id) == rec  # nothing written


def test_phases_keep_a_history_with_who_and_when(store: ParticipantStore, con) -> None:  # type: ignore[no-untyped-def]
    rec = store.create(
        values={**PERSON, "phase": "referred", "referral_received_at": "2026-01-05"}, actor="ebba"
    )
    for phase, day in (("enrolled", "2026-01-12"), ("job_search", "2026-01-13"), ("working", "2026-03-01")):
        store.update(participant_id=rec.id, values={"phase": phase, "phase_date": day}, actor="olle")
    history = HistoryStore(con).statuses(participant_id=rec.id)
    assert [h.value for h in history] == ["referred", "enrolled", "job_search", "working"]
    assert [h.previous for h in history] == [None, "referred", "enrolled", "job_search"]
    assert history[0].effective_on == dt.date(2026, 1, 5)
    assert history[-1].effective_on == dt.date(2026, 3, 1) and history[-1].recorded_by == "olle"
    assert store.get(participant_id=rec.id).status == "active"
    paused = store.update(participant_id=rec.id, values={"phase": "paused"}, actor="olle")
    assert paused.status == "on_hold"
    resumed = store.update(participant_id=rec.id, values={"status": "active"}, actor="olle")
    assert resumed.phase == "enrolled"  # the legacy status still works, mapped to a phase


def test_reassignment_keeps_a_history(store: ParticipantStore, con) -> None:  # type: ignore[no-untyped-def]
    rec = store.create(values=PERSON, actor="ebba")
    store.update(
        participant_id=rec.id, values={"specialist_id": "es-2", "reassignment_note": "leave"}, actor="sup"
    )
    rows = HistoryStore(con).assignments(participant_id=rec.id)
    assert [(r.value, r.previous) for r in rows] == [("es-1", None), ("es-2", "es-1")]
    assert rows[-1].note == "leave" and rows[-1].recorded_by == "sup"


@pytest.mark.parametrize(
    "reason", ["Not ready", "missed appointments", "time limit reached", "Declined by the programme"]
)
def test_closures_that_break_zero_exclusion_are_refused(store: ParticipantStore, reason: str) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    with pytest.raises(InvalidError) as err:
        store.update(
            participant_id=rec.id, values={"phase": "closed", "closure_reason": reason}, actor="ebba"
        )
    assert err.value.field == "closure_reason" and "zero exclusion" in err.value.message
    assert all(r in err.value.message for r in REFUSED_CLOSURE_REASONS)
    assert store.get(participant_id=rec.id).phase == "enrolled"


def test_closure_needs_an_allowed_reason_and_reopening_clears_it(store: ParticipantStore) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    with pytest.raises(InvalidError, match="closure_reason"):
        store.update(participant_id=rec.id, values={"status": "closed"}, actor="ebba")
    with pytest.raises(InvalidError, match="closure_note"):
        store.update(
            participant_id=rec.id, values={"phase": "closed", "closure_reason": "other"}, actor="ebba"
        )
    closed = store.update(
        participant_id=rec.id,
        values={"phase": "closed", "closure_reason": "Moved away", "closed_at": "2026-05-01"},
        actor="ebba",
    )
    assert (closed.status, closed.closure_reason, closed.closed_at) == (
        "closed",
        "moved_away",
        dt.date(2026, 5, 1),
    )
    reopened = store.update(participant_id=rec.id, values={"phase": "referred"}, actor="ebba")
    assert (reopened.status, reopened.closed_at, reopened.closure_reason) == ("active", None, None)
    with pytest.raises(InvalidError, match="closure_reason"):
        store.update(participant_id=rec.id, values={"closure_reason": "moved_away"}, actor="ebba")


def test_preferences_patch_saves_a_profile_version_the_ranking_reads(store: ParticipantStore, con) -> None:  # type: ignore[no-untyped-def]
    rec = store.create(values=PERSON, actor="ebba")
    changed = store.update(participant_id=rec.id, values={"preferences": {"hours_max": 30}}, actor="ebba")
    assert changed.preferences.hours_max == 30 and changed.preferences.hours_min == 20
    assert changed.preferences.preferred_occupations == rec.preferences.preferred_occupations
    assert changed.skills == rec.skills
    versions = con.execute(
        "SELECT version, trigger FROM caseload_profile_versions WHERE participant_id = ? ORDER BY version",
        [rec.id],
    ).fetchall()
    assert versions == [(1, "initial"), (2, "review")]


def test_update_of_another_unit_is_not_found(store: ParticipantStore) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    with pytest.raises(participants.NotFoundError):
        store.update(participant_id=rec.id, values={"display_name": "X"}, actor="x", unit_ids=["unit-b"])


def test_nulls_clear_what_may_be_cleared(store: ParticipantStore) -> None:
    rec = store.create(values={**PERSON, "home": {"city": "Solna", "lat": 59.36, "lon": 18.0}}, actor="ebba")
    values = {"skills": None, "licences": None, "home": None, "specialist_id": None, "closure_note": None}
    changed = store.update(participant_id=rec.id, values=values, actor="ebba")
    assert (changed.skills, changed.licences, changed.home_lat, changed.specialist_id) == ((), (), None, None)
    with pytest.raises(InvalidError, match="display_name"):
        store.update(participant_id=rec.id, values={"display_name": None}, actor="ebba")
