"""Small builders for the CRM API tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.conftest import Api


def employer(api: Api, user: str = "spec.a", skip: bool = True, **values: Any) -> dict[str, Any]:
    body = {"name": "Lagerhuset AB", **values}
    headers = {"X-Skip-Duplicate-Check": "true"} if skip else {}
    r = api.call("POST", "/employers", user=user, json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def contact(api: Api, employer_id: str, user: str = "spec.a", **values: Any) -> dict[str, Any]:
    body = {
        "employer_id": employer_id,
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        "mode": "face_to_face",
        "status": "held",
        "purpose": "learn_business",
        **values,
    }
    r = api.call("POST", "/contacts", user=user, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def participant(api: Api, user: str = "spec.a", may_contact: bool = True) -> dict[str, Any]:
    body = {
        "display_name": "Sara L.",
        "disclosure": {
            "level": "service_only" if may_contact else "none",
            "es_may_contact_employers": may_contact,
        },
    }
    r = api.call("POST", "/participants", user=user, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def change_log(api: Api, entity_id: str) -> list[tuple[str, str | None, str | None, str | None]]:
    rows = (
        api.db.cursor()
        .execute(
            "SELECT action, field, old_value, new_value FROM crm_change_log WHERE entity_id = ? "
            "ORDER BY changed_at, field",
            [entity_id],
        )
        .fetchall()
    )
    return [tuple(r) for r in rows]
