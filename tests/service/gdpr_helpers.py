"""A participant with something in every place personal data is held, for the GDPR tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.conftest import Api

NAME = "Sara Lindqvist"
GOALS = "=wants to work with animals near Solna"  # starts like a formula: CSV must neutralise it
LEARNED = "Met the manager about Sara Lindqvist's trial week"
NEXT_STEP = "Call Sara Lindqvist's mentor"
NOTE = "Sara Lindqvist liked this one"
STATEMENT = "Sara is reliable and punctual"

PROFILE = {
    "display_name": NAME,
    "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
    "licences": ["driving_b"],
    "skills": [{"label": "forklift driving"}],
    "preferences": {"preferred_occupations": [{"label": "warehouse worker"}], "goals": GOALS},
    "disclosure": {
        "level": "partial",
        "es_may_contact_employers": True,
        "approved_statements": [STATEMENT],
    },
    "benefits": {"status": "sickness", "hours_threshold": 20},
}


def seeded_person(api: Api, user: str = "spec.a") -> dict[str, Any]:
    """A participant with preferences, skills, plans, a consent, a lead with feedback and a contact.

    Returns ``{"id", "lead_id", "contact_id", "employer_id"}``.
    """
    emp = api.call(
        "POST",
        "/employers",
        user=user,
        json={
            "name": "Lagerhuset AB",
            "sites": [{"name": "Kista", "city": "Kista", "lat": 59.4, "lon": 17.9}],
        },
        headers={"X-Skip-Duplicate-Check": "true"},
    ).json()
    opening = {"employer_id": emp["id"], "site_id": emp["sites"][0]["id"], "title": "Lagerarbetare"}
    assert api.call("POST", "/openings", user=user, json=opening).status_code == 201
    r = api.call("POST", "/participants", user=user, json=PROFILE)
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    leads = api.call("POST", f"/participants/{pid}/leads", user=user, json={"n": 3}).json()["leads"]
    lead_id = leads[0]["lead_id"]
    fb = api.call("POST", f"/leads/{lead_id}/feedback", user=user, json={"feedback": "pursued", "note": NOTE})
    assert fb.status_code == 201, fb.text
    contact = {
        "employer_id": emp["id"],
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        "mode": "face_to_face",
        "status": "held",
        "purpose": "learn_business",
        "learned": LEARNED,
        "next_step": NEXT_STEP,
        "next_step_due": (date.today() + timedelta(days=3)).isoformat(),
        "participant_id": pid,
    }
    c = api.call("POST", "/contacts", user=user, json=contact)
    assert c.status_code == 201, c.text
    consent = {"purpose": "team_sharing", "state": "given"}
    assert api.call("POST", f"/participants/{pid}/consents", user=user, json=consent).status_code == 201
    return {"id": pid, "lead_id": lead_id, "contact_id": c.json()["id"], "employer_id": emp["id"]}


def all_text(api: Api) -> str:
    """Every VARCHAR cell of every table, joined: where a name could still hide."""
    cur = api.db.cursor()
    cols = cur.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE data_type LIKE 'VARCHAR%' "
        "AND schema_name = 'main'"
    ).fetchall()
    parts = []
    for table, column in cols:
        parts += [str(v[0]) for v in cur.execute(f'SELECT "{column}" FROM "{table}"').fetchall()]
    return "\n".join(parts)
