"""Participants' parts served from memory: every write path is seen by the next read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import duckdb
import pytest

import participants
from participants import NotFoundError, ParticipantRecord, ParticipantStore
from participants.consents import ConsentStore
from participants.erasure import erase_participant
from participants.memo import Memo
from participants.parts_cache import PARTS
from participants.plans import PlanStore
from participants.profiles import ProfileStore
from tests.participants.test_profiles import PROFILE
from tests.participants.test_store import PERSON

Con = duckdb.DuckDBPyConnection


@pytest.fixture
def con(tmp_path) -> Iterator[Con]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield con
    con.close()


def _read(con: Con, pid: str, viewer: str | None = None) -> ParticipantRecord:
    return ParticipantStore(con).get(participant_id=pid, viewer=viewer)


def test_a_second_read_takes_the_parts_from_memory(con: Con) -> None:
    rec = ParticipantStore(con).create(values=PERSON, actor="ebba")
    assert PARTS.get((rec.id, rec.updated_at)) is not None  # kept by the read after the create
    con.execute("UPDATE caseload_preferences SET goals = 'not read' WHERE participant_id = ?", [rec.id])
    assert _read(con, rec.id) == rec  # a write that bypasses the stores moves no stamp: not seen


def test_an_update_of_every_part_is_seen_at_the_next_read(con: Con) -> None:
    store = ParticipantStore(con)
    rec = store.create(values=PERSON, actor="ebba")
    store.update(
        participant_id=rec.id,
        values={
            "preferences": {"hours_min": 10, "goals": "Arbeta utomhus"},
            "skills": [{"label": "driving", "uri": "skill:2"}],
            "disclosure": {"level": "none", "es_may_contact_employers": False, "approved_statements": []},
            "benefits": {"status": "none", "hours_threshold": None},
            "home": {"city": "Kista", "lat": 59.4, "lon": 17.9},
        },
        actor="olle",
    )
    after = _read(con, rec.id)
    assert after.preferences.hours_min == 10 and after.preferences.goals == "Arbeta utomhus"
    assert [s.uri for s in after.skills] == ["skill:2"]
    assert after.disclosure.level == "none" and not after.disclosure.es_may_contact_employers
    assert after.benefits.hours_threshold is None and after.home_city == "Kista"


WRITES: dict[str, Callable[[Con, str], Any]] = {
    "profile save": lambda con, pid: ProfileStore(con).save(
        participant_id=pid, values=PROFILE, trigger="review", actor="ebba"
    ),
    "disclosure plan": lambda con, pid: PlanStore(con).save(
        participant_id=pid, kind="disclosure", values={"level": "none"}, actor="ebba"
    ),
    "benefits plan": lambda con, pid: PlanStore(con).save(
        participant_id=pid, kind="benefits", values={"status": "none"}, actor="ebba"
    ),
    "consent withdrawn": lambda con, pid: ConsentStore(con).record(
        participant_id=pid, purpose="employer_disclosure", state="withdrawn", effective_on=None, actor="e"
    ),
}


@pytest.mark.parametrize("path", list(WRITES))
def test_each_write_path_is_seen_at_the_next_read(con: Con, path: str) -> None:
    rec = ParticipantStore(con).create(values=PERSON, actor="ebba")
    assert _read(con, rec.id) == rec
    WRITES[path](con, rec.id)
    after = _read(con, rec.id)
    expected = {
        "profile save": lambda r: r.preferences.hours_max == 25 and r.skills[0].uri == "skill:prune",
        "disclosure plan": lambda r: r.disclosure.level == "none" and not r.disclosure.approved_statements,
        "benefits plan": lambda r: r.benefits.status == "none" and r.benefits.hours_threshold is None,
        "consent withdrawn": lambda r: r.disclosure.level == "none",
    }[path]
    assert after.updated_at != rec.updated_at and expected(after)


def test_team_sharing_withdrawn_and_erasure_are_seen_at_the_next_read(con: Con) -> None:
    rec = ParticipantStore(con).create(values={**PERSON, "specialist_id": "own"}, actor="ebba")
    assert _read(con, rec.id, viewer="colleague") == rec
    ConsentStore(con).record(
        participant_id=rec.id, purpose="team_sharing", state="withdrawn", effective_on=None, actor="e"
    )
    with pytest.raises(NotFoundError):
        _read(con, rec.id, viewer="colleague")
    assert _read(con, rec.id, viewer="own").preferences == rec.preferences
    erase_participant(con, participant_id=rec.id, mode="erase", actor="e")
    with pytest.raises(NotFoundError):
        _read(con, rec.id)


def test_the_cache_keeps_at_most_its_size_dropping_the_least_recently_read() -> None:
    cache: Memo[dict[str, int]] = Memo(size=2)
    cache.put("a", {"n": 1})
    cache.put("b", {"n": 2})
    assert cache.get("a") == {"n": 1}  # "b" is now the least recently read
    cache.put("c", {"n": 3})
    assert cache.get("b") is None and cache.get("a") == {"n": 1} and cache.get("c") == {"n": 3}
