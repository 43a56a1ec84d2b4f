"""A unit's settings over HTTP: the default travel area, who may change it, and leads using it at once."""

from __future__ import annotations

from typing import Any

import pytest

from service.access.audit import list_access
from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant
from tests.service.unit_world import add_users

URL = "/units/unit-a/settings"
#: A site about 39 km north of the test participant's home in Solna (59.36, 18.0).
FAR_SITE = {"name": "Märsta", "city": "Märsta", "lat": 59.71, "lon": 18.0}


def test_the_unit_reads_its_settings_and_its_supervisor_or_an_admin_changes_them(api: Api) -> None:
    add_users(api)
    got = api.call("GET", URL, user="jd.a")
    assert got.status_code == 200, got.text
    assert got.json() | {"name": "-"} == {
        "unit_id": "unit-a", "name": "-", "country": "", "language": "en", "travel_area_km": None,
        "default_travel_area_km": 25.0, "effective_travel_area_km": 25.0,
    }  # fmt: skip
    for user in ("spec.a", "jd.a"):  # the unit's other roles may read, not change
        assert api.call("PUT", URL, user=user, json={"travel_area_km": 40}).status_code == 403
    put = api.call("PUT", URL, user="sup.a", json={"travel_area_km": 40})
    assert put.status_code == 200, put.text
    assert put.json()["travel_area_km"] == 40 and put.json()["effective_travel_area_km"] == 40
    assert api.call("GET", URL, user="spec.a").json()["travel_area_km"] == 40
    admin = api.call("PUT", URL, user="admin", json={"travel_area_km": None})  # back to the default
    assert admin.status_code == 200 and admin.json()["effective_travel_area_km"] == 25.0
    rows = [r for r in list_access(api.db, limit=1000) if r["entity"] == "unit" and r["action"] == "update"]
    assert [r["detail"] for r in rows][-2:] in (
        ["travel_area_km: None -> 40.0", "travel_area_km: 40.0 -> None"],
        ["travel_area_km: 40.0 -> None", "travel_area_km: None -> 40.0"],  # newest first
    )


def test_other_units_get_the_reply_of_a_unit_that_does_not_exist(api: Api) -> None:
    add_users(api)
    for method, body in (("GET", None), ("PUT", {"travel_area_km": 40})):
        for user in ("spec.b", "jd.b", "sup.b"):
            theirs = api.call(method, URL, user=user, json=body)
            nothing = api.call(method, "/units/no-such-unit/settings", user=user, json=body)
            assert theirs.status_code == nothing.status_code == 404
            assert theirs.text.replace("unit-a", "<id>") == nothing.text.replace("no-such-unit", "<id>")
        assert api.call(method, URL, user=None, json=body).status_code == 401
    assert api.call("GET", URL, user="spec.a").json()["travel_area_km"] is None  # unchanged


@pytest.mark.parametrize(
    "body",
    [
        {"travel_area_km": 0},
        {"travel_area_km": 0.5},
        {"travel_area_km": 501},
        {"travel_area_km": -5},
        {"travel_area_km": "far"},
        {},
        {"travel_area_km": 30, "extra": 1},
    ],
)
def test_bad_travel_areas_are_422_naming_the_field(api: Api, body: dict[str, Any]) -> None:
    r = api.call("PUT", URL, user="sup.a", json=body)
    assert r.status_code == 422, r.text
    assert "travel_area_km" in r.text or "extra" in r.text
    assert api.call("GET", URL, user="sup.a").json()["travel_area_km"] is None


def test_non_finite_travel_areas_are_422(api: Api) -> None:
    for raw in ('{"travel_area_km": NaN}', '{"travel_area_km": Infinity}', '{"travel_area_km": 1e400}'):
        r = api.call("PUT", URL, user="sup.a", content=raw, headers={"Content-Type": "application/json"})
        assert r.status_code == 422 and "travel_area_km" in r.text, (raw, r.text)


def _commute(api: Api, pid: str, opening_id: str) -> float:
    r = api.call("POST", f"/participants/{pid}/leads", json={"n": 10})
    assert r.status_code == 200, r.text
    lead = next(x for x in r.json()["leads"] if x["id"] == opening_id)
    return float(next(p["value"] for p in lead["explanation"]["parts"] if p["name"] == "commute"))


def test_leads_use_a_changed_travel_area_at_once(api: Api) -> None:
    far = _opening(api, _employer(api, name="Märsta Lager AB", sites=[FAR_SITE]))
    _opening(api, _employer(api))  # a local one of the same kind of work
    pid = _participant(api)["id"]
    before = _commute(api, pid, far["id"])
    assert 0 < before < 1  # 39 km with a 25 km area: the commute part falls off
    assert api.call("PUT", URL, user="sup.a", json={"travel_area_km": 50}).status_code == 200
    assert _commute(api, pid, far["id"]) == 1.0  # the next request ranks with 50 km
    assert api.call("PUT", URL, user="sup.a", json={"travel_area_km": 10}).status_code == 200
    assert _commute(api, pid, far["id"]) < before
