"""The versioned career profile: every save a version; the ranker reads the current one."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import InvalidError, ParticipantStore, to_profile
from participants.profiles import ProfileStore
from participants.screening import NeedsConfirmationError

PROFILE = {
    "goals": "Work with plants, outdoors",
    "occupations": [
        {"label": "Gardener", "uri": "occ:gardener", "isco_group": "6113", "liked": True, "weight": 2},
        {"label": "Florist", "uri": "occ:florist", "isco_group": "5223", "liked": True, "weight": 3},
        {"label": "Cashier", "uri": "occ:cashier", "isco_group": "5230", "liked": False, "weight": 3},
        {"label": "Cleaner", "uri": "occ:cleaner", "isco_group": "9112", "liked": False, "weight": 1},
    ],
    "liked_sectors": ["A01"],
    "refused_sectors": ["G47"],
    "tasks_liked": ["planting"],
    "tasks_disliked": ["phone calls"],
    "hours_min": 15,
    "hours_max": 25,
    "shifts": ["day"],
    "pay_min": 12.5,
    "skills": [{"label": "pruning", "uri": "skill:prune", "evidence": "two summers at a garden centre"}],
    "work_history": [
        {"title": "Garden helper", "employer": "Plantagen", "start": "2019-05", "end": "2019-09"}
    ],
    "education": [{"level": "upper_secondary", "institution": "Naturbruk", "completed": "2018"}],
    "strengths": ["patient", "careful"],
    "conditions_for_success": ["written instructions", "a quiet place for breaks"],
}


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield con
    con.close()


def _person(con: duckdb.DuckDBPyConnection) -> str:
    return ParticipantStore(con).create(values={"unit_id": "u", "display_name": "Ali K."}, actor="ebba").id


def test_each_save_is_a_version_with_date_and_trigger(con) -> None:  # type: ignore[no-untyped-def]
    pid, profiles = _person(con), ProfileStore(con)
    profiles.save(participant_id=pid, values=PROFILE, trigger="review", actor="ebba")
    profiles.save(participant_id=pid, values={**PROFILE, "hours_max": 30}, trigger="job_start", actor="olle")
    versions = profiles.versions(participant_id=pid)
    assert [(v.version, v.trigger, v.saved_by) for v in versions] == [
        (3, "job_start", "olle"),
        (2, "review", "ebba"),
        (1, "initial", "ebba"),
    ]
    assert versions[0].body["hours_max"] == 30 and versions[1].body["hours_max"] == 25
    assert versions[0].saved_at >= versions[1].saved_at
    assert versions[1].body["skills"][0]["evidence"] == "two summers at a garden centre"
    ranked = ParticipantStore(con).get(participant_id=pid)
    assert [s.uri for s in ranked.skills] == [
        "skill:prune"
    ] and ranked.preferences.hours_max == 30  # replaced


def test_the_ranking_reads_the_current_version(con) -> None:  # type: ignore[no-untyped-def]
    pid = _person(con)
    ProfileStore(con).save(participant_id=pid, values=PROFILE, trigger="review", actor="ebba")
    profile = to_profile(ParticipantStore(con).get(participant_id=pid))
    assert [c.uri for c in profile.preferred_occupations] == [
        "occ:florist",
        "occ:gardener",
    ]  # strongest first
    assert [c.uri for c in profile.refused_occupations] == ["occ:cashier"]  # a mild dislike is not a refusal
    assert (profile.liked_sectors, profile.refused_sectors) == (("A01",), ("G47",))
    assert (profile.hours_min, profile.hours_max) == (15, 25)
    assert [s.uri for s in profile.skills] == ["skill:prune"]
    for unread in ("planting", "patient", "quiet place", "Plantagen", "12.5"):
        assert unread not in repr(profile)


def test_conditions_naming_a_diagnosis_need_confirmation(con) -> None:  # type: ignore[no-untyped-def]
    pid, profiles = _person(con), ProfileStore(con)
    values = {**PROFILE, "conditions_for_success": ["calm start because of her schizophrenia"]}
    with pytest.raises(NeedsConfirmationError) as err:
        profiles.save(participant_id=pid, values=values, trigger="review", actor="ebba")
    assert err.value.field == "profile.conditions_for_success.0" and "diagnosis" in err.value.message
    assert len(profiles.versions(participant_id=pid)) == 1
    saved = profiles.save(
        participant_id=pid, values=values, trigger="review", actor="ebba", confirm_warnings=True
    )
    assert saved.warnings[0].category == "diagnosis"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"occupations": [{"label": "Cook", "weight": 5}]}, "profile.occupations.0.weight"),
        ({"shifts": ["siesta"]}, "profile.shifts"),
        ({"hours_min": 30, "hours_max": 20}, "profile.hours_max"),
        ({"liked_sectors": ["A01"], "refused_sectors": ["A01"]}, "profile.refused_sectors"),
        ({"diagnosis": "x"}, "profile.diagnosis"),
        ({"work_history": [{"title": "x", "salary": 3}]}, "profile.work_history.0.salary"),
    ],
)
def test_bad_profiles_are_refused_naming_the_field(con, values, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidError) as err:
        ProfileStore(con).save(participant_id=_person(con), values=values, trigger="review", actor="e")
    assert err.value.field == field


def test_unknown_trigger_and_participant(con) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidError, match="trigger"):
        ProfileStore(con).save(participant_id=_person(con), values={}, trigger="whim", actor="e")
    with pytest.raises(participants.NotFoundError):
        ProfileStore(con).save(
            participant_id="00000000-0000-4000-8000-000000000000", values={}, trigger="review", actor="e"
        )
