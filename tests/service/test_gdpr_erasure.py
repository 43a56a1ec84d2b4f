"""GDPR right to erasure: POST /participants/{id}/erase (erase | pseudonymise) and its tombstone.

The aggregate test is the contract for the reports package (IPS-25, issue 14): its inputs must
come from the columns erasure keeps (docs/privacy.md), so figures are the same before and after.
"""

from __future__ import annotations

from typing import Any

from service.access.users import create_token, create_users, get_user
from tests.conftest import Api
from tests.service.gdpr_helpers import (
    GOALS,
    LEARNED,
    NAME,
    NEXT_STEP,
    NOTE,
    STATEMENT,
    all_text,
    seeded_person,
)

#: Simple figures a report computes, from kept columns only.
AGGREGATES = {
    "participants_per_unit": "SELECT unit_id, status, count(*) FROM caseload_participants "
    "GROUP BY ALL ORDER BY ALL",
    "leads_per_unit": "SELECT p.unit_id, count(*) FROM caseload_leads l JOIN caseload_participants p "
    "ON p.id = l.participant_id GROUP BY ALL ORDER BY ALL",
    "feedback_per_code": "SELECT feedback, count(*) FROM caseload_lead_feedback GROUP BY ALL ORDER BY ALL",
    "contacts_per_employer": "SELECT employer_id, count(*), count(participant_id) FROM crm_contacts "
    "WHERE deleted_at IS NULL GROUP BY ALL ORDER BY ALL",
    "participants_per_specialist": "SELECT specialist_id, count(*) FROM caseload_participants "
    "GROUP BY ALL ORDER BY ALL",
}


def _aggregates(api: Api) -> dict[str, list[tuple[Any, ...]]]:
    cur = api.db.cursor()
    return {name: cur.execute(sql).fetchall() for name, sql in AGGREGATES.items()}


def test_erase_removes_names_and_free_texts_from_every_table(api: Api) -> None:
    person = seeded_person(api)
    before = all_text(api)
    secrets = (NAME, LEARNED, NEXT_STEP, NOTE, GOALS, STATEMENT, "Solna")
    assert all(s in before for s in secrets)  # the check below can fail
    r = api.call("POST", f"/participants/{person['id']}/erase", user="sup.a", json={"mode": "erase"})
    assert r.status_code == 200, r.text
    assert r.json()["crm"]["contacts"] == 1 and r.json()["caseload"]["caseload_skills"] == 1
    after = all_text(api)
    assert [s for s in secrets if s in after] == []
    assert api.call("GET", f"/participants/{person['id']}").status_code == 404
    assert person["id"] not in [p["id"] for p in api.call("GET", "/participants").json()["items"]]
    benefits = api.db.cursor().execute("SELECT count(*) FROM caseload_benefits_plans").fetchone()
    assert benefits == (0,)


def test_aggregate_figures_are_the_same_before_and_after_erasure(api: Api) -> None:
    erased, pseudonymised, kept = (seeded_person(api) for _ in range(3))
    other_unit = seeded_person(api, user="spec.b")
    api.call("POST", f"/leads/{kept['lead_id']}/feedback", json={"feedback": "hired"})
    before = _aggregates(api)
    assert before["participants_per_unit"] == [("unit-a", "active", 3), ("unit-b", "active", 1)]
    assert sum(n for _, n in before["leads_per_unit"]) >= 4
    for person, mode in ((erased, "erase"), (pseudonymised, "pseudonymise")):
        r = api.call("POST", f"/participants/{person['id']}/erase", user="sup.a", json={"mode": mode})
        assert r.status_code == 200, r.text
    assert (
        api.call(
            "POST", f"/participants/{other_unit['id']}/erase", user="admin", json={"mode": "erase"}
        ).status_code
        == 200
    )
    assert _aggregates(api) == before


def test_pseudonymise_keeps_the_structured_profile_under_the_id(api: Api) -> None:
    pid = seeded_person(api)["id"]
    r = api.call("POST", f"/participants/{pid}/erase", user="sup.a", json={"mode": "pseudonymise"})
    assert r.status_code == 200, r.text
    cur = api.db.cursor()
    name, city, mode = cur.execute(
        "SELECT display_name, home_city, erasure_mode FROM caseload_participants WHERE id = ?", [pid]
    ).fetchone()
    assert (name, city, mode) == (f"participant {pid[:8]}", "", "pseudonymise")
    assert cur.execute(
        "SELECT goals FROM caseload_preferences WHERE participant_id = ?", [pid]
    ).fetchall() == [("",)]
    assert cur.execute("SELECT label FROM caseload_skills WHERE participant_id = ?", [pid]).fetchall() == [
        ("forklift driving",)
    ]
    statements = cur.execute(
        "SELECT approved_statements FROM caseload_disclosure_plans WHERE participant_id = ?", [pid]
    )
    assert statements.fetchall() == [([],)]
    assert NAME not in all_text(api)


def test_only_the_unit_supervisor_or_an_admin_may_erase(api: Api) -> None:
    pid = seeded_person(api)["id"]
    create_users(api.db, users=[{"username": "sup.b", "role": "supervisor", "unit_id": "unit-b"}])
    api.tokens["sup.b"] = create_token(api.db, user_id=get_user(api.db, username="sup.b").id)  # type: ignore[union-attr]
    url = f"/participants/{pid}/erase"
    assert api.call("POST", url, user="spec.a", json={"mode": "erase"}).status_code == 403
    assert api.call("POST", url, user="spec.b", json={"mode": "erase"}).status_code == 403
    assert api.call("POST", url, user="sup.b", json={"mode": "erase"}).status_code == 404
    assert api.call("POST", url, user="sup.a", json={"mode": "forget"}).status_code == 422
    assert api.call("POST", url, user="sup.a", json={}).status_code == 422
    assert NAME in all_text(api)  # nothing above changed anything
    assert api.call("POST", url, user="sup.a", json={"mode": "erase"}).status_code == 200
    assert api.call("POST", url, user="sup.a", json={"mode": "erase"}).status_code == 404  # gone from reads


def test_the_audit_log_keeps_its_rows_under_the_pseudonymous_id(api: Api) -> None:
    pid = seeded_person(api)["id"]
    cur = api.db.cursor()
    count = "SELECT count(*) FROM app_audit_log WHERE entity_id = ?"
    before = cur.execute(count, [pid]).fetchone()[0]
    assert before >= 3
    api.call("POST", f"/participants/{pid}/erase", user="admin", json={"mode": "erase"})
    assert cur.execute(count, [pid]).fetchone()[0] == before + 1
    row = cur.execute(
        "SELECT action FROM app_audit_log WHERE entity_id = ? ORDER BY logged_at DESC LIMIT 1", [pid]
    )
    assert row.fetchone() == ("erase",)


def test_the_cli_erases_a_person_on_a_stopped_servers_file(make_api) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    import duckdb

    api = make_api()
    pid = seeded_person(api)["id"]
    path = api.db.path
    api.client.__exit__(None, None, None)
    cli = [sys.executable, "-m", "service.cli", "participants", "erase", pid, "--db", path]
    bad = subprocess.run([*cli, "--mode", "forget"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "mode" in bad.stderr
    out = subprocess.run([*cli, "--mode", "erase"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    with duckdb.connect(path, read_only=True) as con:
        row = con.execute("SELECT display_name, erasure_mode FROM caseload_participants WHERE id = ?", [pid])
        assert row.fetchone() == ("[erased]", "erase")
        learned = con.execute("SELECT learned FROM crm_contacts WHERE participant_id = ?", [pid]).fetchall()
        assert learned == [("",)]


def test_both_modes_clear_the_words_in_history_plans_and_follow_along(api: Api) -> None:
    """Notes on discussions, support contacts and closures, and the free text of versioned plans."""
    words = ("Talked it over at the café", "Met her at the bakery door", "Wants quiet mornings")
    for mode in ("erase", "pseudonymise"):
        pid = seeded_person(api)["id"]
        said = api.call(
            "POST",
            f"/participants/{pid}/plans/disclosure/discussions",
            json={"discussed_on": "2026-01-10", "topics": ["pros_cons"], "note": words[0]},
        )
        met = api.call(
            "POST",
            f"/participants/{pid}/support-contacts",
            json={"contact_date": "2026-01-12", "mode": "face_to_face", "note": words[1]},
        )
        plan = api.call("PUT", f"/participants/{pid}/plans/benefits", json={"notes": words[2]})
        assert [r.status_code for r in (said, met)] == [201, 201] and plan.status_code in (200, 201), (
            plan.text
        )
        assert all(w in all_text(api) for w in words)  # the check below can fail
        count = "SELECT count(*) FROM caseload_disclosure_discussions WHERE participant_id = ?"
        dates = api.db.cursor().execute(count, [pid]).fetchone()
        r = api.call("POST", f"/participants/{pid}/erase", user="sup.a", json={"mode": mode})
        assert r.status_code == 200, r.text
        assert [w for w in words if w in all_text(api)] == [], mode
        kept = api.db.cursor().execute(count, [pid]).fetchone()
        assert kept == dates == (1,)  # the dated row stays for V2
