"""Job search, disclosure and benefits plans, versioned; disclosure discussions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import InvalidError, ParticipantStore, to_profile
from participants.plans import PlanStore
from participants.screening import NeedsConfirmationError

EMPLOYER = "7d0c3c1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield con
    con.close()


def _person(con: duckdb.DuckDBPyConnection) -> str:
    values = {
        "unit_id": "u",
        "display_name": "Ali K.",
        "preferences": {
            "preferred_occupations": [{"label": "Cook", "uri": "occ:cook"}],
            "refused_occupations": [{"label": "Cashier", "uri": "occ:cashier"}],
            "liked_sectors": ["I56"],
        },
    }
    return ParticipantStore(con).create(values=values, actor="ebba").id  # type: ignore[arg-type]


def test_job_search_plan_links_targets_to_preferences(con) -> None:  # type: ignore[no-untyped-def]
    pid, plans = _person(con), PlanStore(con)
    plan = plans.save(
        participant_id=pid,
        kind="job_search",
        values={
            "targets": [
                {"kind": "occupation", "label": "Cook", "uri": "occ:cook"},
                {"kind": "sector", "code": "I56"},
                {"kind": "employer", "employer_id": EMPLOYER, "label": "Café Lyktan"},
                {"kind": "occupation", "label": "Baker"},
            ],
            "actions": [{"what": "Visit Café Lyktan together", "owner": "both", "due": "2026-02-01"}],
            "reviewed_at": "2026-01-20",
        },
        actor="ebba",
    )
    assert [t["from_preferences"] for t in plan.body["targets"]] == [True, True, False, False]
    assert plan.body["actions"][0]["due"] == dt.date(2026, 2, 1)
    with pytest.raises(InvalidError) as err:
        plans.save(
            participant_id=pid,
            kind="job_search",
            values={"targets": [{"kind": "occupation", "label": "cashier"}]},
            actor="e",
        )
    assert err.value.field == "targets.0"
    with pytest.raises(InvalidError) as err:
        plans.save(
            participant_id=pid,
            kind="job_search",
            values={"actions": [{"what": "x", "owner": "mum"}]},
            actor="e",
        )
    assert err.value.field == "actions.0.owner"


def test_disclosure_plan_is_versioned_and_read_by_the_ranking(con) -> None:  # type: ignore[no-untyped-def]
    pid, plans = _person(con), PlanStore(con)
    first = {"level": "service_only", "es_may_contact_employers": True, "who_discloses": "specialist"}
    plans.save(participant_id=pid, kind="disclosure", values=first, actor="ebba")
    second = {
        **first,
        "level": "partial",
        "when": ["interview"],
        "approved_statements": ["Works best with written instructions"],
        "employer_overrides": [{"employer_id": EMPLOYER, "may_contact": False}],
    }
    plans.save(participant_id=pid, kind="disclosure", values=second, actor="ebba")
    assert [v.version for v in plans.versions(participant_id=pid, kind="disclosure")] == [2, 1]
    plan = to_profile(ParticipantStore(con).get(participant_id=pid)).disclosure
    assert plan.level == "partial" and plan.no_contact_employers == (EMPLOYER,)
    assert not plan.may_contact(EMPLOYER) and plan.may_contact("another")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"level": "none", "es_may_contact_employers": True}, "es_may_contact_employers"),
        (
            {"level": "none", "employer_overrides": [{"employer_id": EMPLOYER, "may_contact": True}]},
            "employer_overrides.0.may_contact",
        ),
        ({"level": "partial", "who_discloses": "specialist"}, "who_discloses"),
        ({"level": "secret"}, "level"),
        ({"level": "full", "when": ["never"]}, "when.0"),
    ],
)
def test_contradictory_disclosure_plans_are_refused(con, values, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidError) as err:
        PlanStore(con).save(participant_id=_person(con), kind="disclosure", values=values, actor="e")
    assert err.value.field == field


@pytest.mark.parametrize(
    ("statement", "category"),
    [
        ("Has bipolar disorder", "diagnosis"),
        ("Tar medicin mot ångest", "medication"),
        ("Var indlagt i foråret", "hospital_stay"),
        ("Is on Universal Credit", "benefit"),
        ("A un casier judiciaire", "criminal_record"),
    ],
)
def test_statements_naming_sensitive_things_need_confirmation(con, statement, category) -> None:  # type: ignore[no-untyped-def]
    pid, plans = _person(con), PlanStore(con)
    values = {
        "level": "full",
        "es_may_contact_employers": True,
        "approved_statements": ["Needs a quiet desk", statement],
    }
    with pytest.raises(NeedsConfirmationError) as err:
        plans.save(participant_id=pid, kind="disclosure", values=values, actor="e")
    assert err.value.code == "needs_confirmation" and err.value.field == "approved_statements.1"
    assert err.value.warnings[0].category == category
    saved = plans.save(participant_id=pid, kind="disclosure", values=values, actor="e", confirm_warnings=True)
    assert saved.version == 1 and saved.warnings


def test_discussions_are_recorded_with_topics(con) -> None:  # type: ignore[no-untyped-def]
    pid, plans = _person(con), PlanStore(con)
    plans.add_discussion(
        participant_id=pid, values={"discussed_on": "2026-01-10", "topics": ["pros_cons"]}, actor="e"
    )
    plans.add_discussion(
        participant_id=pid, values={"discussed_on": "2026-02-10", "topics": ["wording", "revisit"]}, actor="e"
    )
    found = plans.discussions(participant_id=pid)
    assert [(d.discussed_on, d.topics) for d in found] == [
        (dt.date(2026, 2, 10), ("wording", "revisit")),
        (dt.date(2026, 1, 10), ("pros_cons",)),
    ]
    with pytest.raises(InvalidError, match=r"topics\.0"):
        plans.add_discussion(
            participant_id=pid, values={"discussed_on": "2026-01-10", "topics": ["gossip"]}, actor="e"
        )


def test_benefits_plan_thresholds_and_dates(con) -> None:  # type: ignore[no-untyped-def]
    pid, plans = _person(con), PlanStore(con)
    values = {
        "status": "sickness",
        "hours_threshold": 16,
        "earnings_threshold": 195.5,
        "earnings_period": "week",
        "offered_at": "2026-01-05",
        "completed_at": "2026-01-19",
        "planner": "Kim (welfare rights)",
        "planner_trained": True,
    }
    plan = plans.save(participant_id=pid, kind="benefits", values=values, actor="e")
    assert plan.body["completed_at"] == dt.date(2026, 1, 19) and plan.body["planner_trained"] is True
    profile = to_profile(ParticipantStore(con).get(participant_id=pid))
    assert profile.benefit_hours_threshold == 16 and "sickness" not in repr(profile)
    with pytest.raises(InvalidError, match="completed_at"):
        plans.save(
            participant_id=pid, kind="benefits", values={**values, "completed_at": "2026-01-01"}, actor="e"
        )
    with pytest.raises(InvalidError, match="earnings_period"):
        plans.save(participant_id=pid, kind="benefits", values={"earnings_threshold": 100}, actor="e")
