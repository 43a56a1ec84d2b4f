from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import InvalidError, NotFoundError, ParticipantStore, to_profile

PERSON = {
    "unit_id": "unit-a",
    "display_name": "Sara L.",
    "language": "sv",
    "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
    "licences": ["driving_b"],
    "preferences": {
        "preferred_occupations": [{"label": "Undersköterska", "uri": "occ:1", "isco_group": "5321"}],
        "refused_sectors": ["G47"],
        "hours_min": 20,
        "hours_max": 30,
        "goals": "Vill jobba med äldre",
    },
    "skills": [{"label": "hygiene", "uri": "skill:1"}],
    "disclosure": {
        "level": "partial",
        "es_may_contact_employers": True,
        "approved_statements": ["I have support."],
    },
    "benefits": {"status": "sickness", "hours_threshold": 15},
}


@pytest.fixture
def store(tmp_path) -> Iterator[ParticipantStore]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield ParticipantStore(con)
    con.close()


def test_round_trip_keeps_every_field(store: ParticipantStore) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    assert store.get(participant_id=rec.id) == rec
    assert rec.preferences.preferred_occupations[0].isco_group == "5321"
    assert rec.disclosure.approved_statements == ("I have support.",)
    assert rec.benefits.status == "sickness" and rec.skills[0].uri == "skill:1"


def test_defaults_are_the_most_private_disclosure(store: ParticipantStore) -> None:
    rec = store.create(values={"unit_id": "u", "display_name": "Ali K."}, actor="x")
    assert rec.disclosure.level == "none" and rec.disclosure.es_may_contact_employers is False


def test_profile_carries_no_benefit_status(store: ParticipantStore) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    profile = to_profile(rec)
    assert profile.benefit_hours_threshold == 15
    assert "sickness" not in repr(profile)
    assert profile.refused_sectors == ("G47",) and profile.home is not None


def test_other_units_cannot_see_a_participant(store: ParticipantStore) -> None:
    rec = store.create(values=PERSON, actor="ebba")
    with pytest.raises(NotFoundError):
        store.get(participant_id=rec.id, unit_ids=["unit-b"])
    assert store.list(unit_ids=["unit-b"]) == []
    assert store.list(unit_ids=[]) == []
    assert [r.id for r in store.list(unit_ids=["unit-a"])] == [rec.id]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"display_name": ""}, "display_name"),
        ({"preferences": {"hours_min": 30, "hours_max": 10}}, "preferences.hours_max"),
        (
            {"preferences": {"liked_sectors": ["G47"], "refused_sectors": ["G47"]}},
            "preferences.refused_sectors",
        ),
        ({"disclosure": {"level": "everything"}}, "disclosure.level"),
        ({"diagnosis": "x"}, "diagnosis"),
    ],
)
def test_invalid_values_name_the_field_and_write_nothing(store: ParticipantStore, change, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidError) as err:
        store.create(values={**PERSON, **change}, actor="x")
    assert err.value.field == field
    assert store.count() == 0
