"""The consent register: history kept, and each purpose consulted where it applies."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from service.usecases.consent import ConsentMissingError, require_national_register_consent
from tests.conftest import Api


def _person(api: Api, user: str = "spec.a") -> str:
    body = {
        "display_name": "Ali K.",
        "disclosure": {"level": "service_only", "es_may_contact_employers": True},
    }
    r = api.call("POST", "/participants", user=user, json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _consent(api: Api, pid: str, purpose: str, state: str, user: str = "spec.a", **extra: object) -> int:
    body = {"purpose": purpose, "state": state, **extra}
    return int(api.call("POST", f"/participants/{pid}/consents", user=user, json=body).status_code)


def _employer(api: Api) -> str:
    r = api.call(
        "POST", "/employers", json={"name": "Tom Firma AB"}, headers={"X-Skip-Duplicate-Check": "true"}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def test_the_register_keeps_every_entry_and_the_latest_counts(api: Api) -> None:
    pid = _person(api)
    last_week = (date.today() - timedelta(days=7)).isoformat()
    assert _consent(api, pid, "national_register_export", "given", effective_on=last_week) == 201
    assert _consent(api, pid, "national_register_export", "withdrawn", user="sup.a") == 201
    assert _consent(api, pid, "team_sharing", "given") == 201
    r = api.call("GET", f"/participants/{pid}/consents").json()
    assert r["current"] == {"national_register_export": "withdrawn", "team_sharing": "given"}
    assert [(h["purpose"], h["state"], h["recorded_by"]) for h in r["history"]] == [
        ("national_register_export", "given", "spec.a"),
        ("national_register_export", "withdrawn", "sup.a"),
        ("team_sharing", "given", "spec.a"),
    ]
    assert r["history"][0]["effective_on"] == last_week


def test_bad_consent_entries_are_4xx_and_other_units_get_404(api: Api) -> None:
    pid = _person(api)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert _consent(api, pid, "marketing", "given") == 422
    assert _consent(api, pid, "team_sharing", "maybe") == 422
    assert _consent(api, pid, "team_sharing", "given", effective_on=tomorrow) == 422
    assert _consent(api, pid, "team_sharing", "given", effective_on="0001-01-01") == 422
    assert _consent(api, pid, "team_sharing", "given", user="spec.b") == 404
    assert _consent(api, pid, "team_sharing", "given", user="admin") == 404
    assert api.call("GET", f"/participants/{pid}/consents", user="spec.b").status_code == 404
    assert api.call("GET", f"/participants/{pid}/consents").json()["history"] == []


def test_withdrawn_employer_disclosure_makes_the_person_no_disclosure(api: Api) -> None:
    employer = _employer(api)  # no openings: its lead needs the specialist to approach the employer
    pid = _person(api)

    def kinds() -> set[str]:
        leads = api.call("POST", f"/participants/{pid}/leads", json={}).json()["leads"]
        return {lead["kind"] for lead in leads}

    link = {
        "employer_id": employer,
        "occurred_at": "2026-01-05T10:00:00+00:00",
        "mode": "phone",
        "status": "held",
        "purpose": "learn_business",
        "participant_id": pid,
    }
    assert kinds() == {"employer"}
    assert _consent(api, pid, "employer_disclosure", "withdrawn") == 201
    assert kinds() == set()
    reused = api.call("POST", f"/participants/{pid}/leads", json={"reuse": True}).json()["leads"]
    assert reused == []  # a set recorded before the withdrawal is not shown again
    updated_sql = "SELECT updated_at FROM caseload_participants WHERE id = ?"
    updated = api.db.cursor().execute(updated_sql, [pid]).fetchone()[0]
    assert api.call("GET", f"/participants/{pid}").json()["disclosure"]["es_may_contact_employers"] is False
    r = api.call("POST", "/contacts", json=link)
    assert r.status_code == 422 and "disclosure" in r.text
    assert _consent(api, pid, "employer_disclosure", "given") == 201
    assert api.db.cursor().execute(updated_sql, [pid]).fetchone()[0] > updated  # earlier batches: stale
    assert kinds() == {"employer"}
    assert api.call("POST", "/contacts", json=link).status_code == 201


def test_a_national_register_export_needs_a_current_given_consent(api: Api) -> None:
    given, withdrawn, never = _person(api), _person(api), _person(api)
    _consent(api, given, "national_register_export", "given")
    _consent(api, withdrawn, "national_register_export", "given")
    _consent(api, withdrawn, "national_register_export", "withdrawn")
    require_national_register_consent(api.db, [given])
    with pytest.raises(ConsentMissingError) as refused:
        require_national_register_consent(api.db, [given, withdrawn, never])
    assert refused.value.participant_ids == (withdrawn, never)
