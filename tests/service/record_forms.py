"""What the record-form tests share: posting as a browser form, sign-in, filled-in forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from service.access.users import set_password
from tests.conftest import Api

PASSWORD = "correct horse battery staple"
ORIGIN = {"origin": "http://localhost"}
SV = {"accept-language": "sv-SE,sv;q=0.9"}
NOBODY = "00000000-0000-4000-8000-000000000000"


def post(api: Api, url: str, data: dict[str, Any], **headers: str) -> Any:
    """Post ``data`` as a browser form from our own page."""
    return api.client.post(url, data=data, headers={**ORIGIN, **headers}, follow_redirects=False)


def sign_in(api: Api) -> Api:
    """``api`` with spec.a signed in to the pages (the session cookie kept by its client)."""
    set_password(api.db, username="spec.a", password=PASSWORD)
    r = post(api, "/ui/login", {"username": "spec.a", "password": PASSWORD})
    assert r.status_code == 303, r.text
    return api


def employer_form(**changes: str) -> dict[str, str]:
    """The new-employer form filled in as a job developer would (``changes`` over it)."""
    return {
        "name": "Solna Lager & Logistik AB",
        "registry_number": "556123-4567",
        "registry_kind": "org_nr",
        "country": "SE",
        "address": "Industrivägen 4",
        "postcode": "171 48",
        "city": "Solna",
        "sector_nace": "h52",
        "size_band": "10-49",
        "website": "https://lager.example",
        "phone": "08-123 45 67",
        "stage": "introduced",
        "owner": "spec.a",
        "needs_learned": "Pickers for the evening shift",
        "hiring_process": "",
        **changes,
    }


def opening_form(**changes: str) -> dict[str, str]:
    """The opening form filled in (``changes`` over it)."""
    return {
        "title": "Lagerarbetare",
        "language": "sv",
        "city": "Solna",
        "hours_min": "20",
        "hours_max": "30",
        "contract_type": "permanent",
        "wage_hourly": "145,50",
        "currency": "SEK",
        "closes_at": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        "application_route": "either",
        "status": "open",
        "description": "Plock och pack",
        **changes,
    }


def created(api: Api, reply: Any) -> str:
    """The id of the employer a form created, from its 303 to the employer page."""
    assert reply.status_code == 303, reply.text
    employer_id = reply.headers["location"].rsplit("/", 1)[-1]
    assert reply.headers["location"] == f"/ui/employers/{employer_id}"
    return employer_id
