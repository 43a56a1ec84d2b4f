"""Hostile and careless input (issue 13 item 1): a 4xx naming the field, never a 500 or a poisoned row."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.conftest import Api
from tests.service.crm_helpers import employer

FAR_PAST = "0001-01-01T00:00:00+14:00"
FAR_FUTURE = "9999-12-31T23:59:59-14:00"
JSON_HEADERS = {"Content-Type": "application/json"}


def _count(api: Api, table: str) -> int:
    return api.db.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _raw(api: Api, method: str, url: str, text: str) -> Any:
    """Send ``text`` as the JSON body unchanged (NaN, lone surrogates: what httpx would not write)."""
    return api.call(method, url, content=text.encode("utf-8", "surrogatepass"), headers=JSON_HEADERS)


def _field_of(response: Any) -> str:
    assert response.status_code == 422, response.text
    return str(response.json()["detail"][0]["loc"][-1])


@pytest.mark.parametrize("moment", [FAR_PAST, FAR_FUTURE, "1899-12-31T23:00:00Z", "2201-01-01T00:00:00Z"])
def test_contact_dates_out_of_range_are_422_and_nothing_is_committed(api: Api, moment: str) -> None:
    emp = employer(api)
    body = {"employer_id": emp["id"], "occurred_at": moment, "mode": "phone", "purpose": "follow_up"}
    assert _field_of(api.call("POST", "/contacts", json=body)) == "occurred_at"
    assert _count(api, "crm_contacts") == 0
    assert api.call("GET", f"/employers/{emp['id']}/timeline").status_code == 200


@pytest.mark.parametrize("moment", [FAR_PAST, FAR_FUTURE, "1800-01-01T00:00:00"])
def test_opening_dates_out_of_range_are_422_and_nothing_is_committed(api: Api, moment: str) -> None:
    emp = employer(api)
    body = {"employer_id": emp["id"], "title": "Kock", "closes_at": moment}
    assert _field_of(api.call("POST", "/openings", json=body)) == "closes_at"
    assert _count(api, "crm_openings") == 0
    assert api.call("GET", "/exports/openings?format=xlsx").status_code == 200


def test_aware_dates_in_range_are_kept_as_the_same_instant_in_utc(api: Api) -> None:
    emp = employer(api)
    body = {"employer_id": emp["id"], "title": "Kock", "closes_at": "2200-12-31T23:00:00-01:30"}
    assert _field_of(api.call("POST", "/openings", json=body)) == "closes_at"  # 2201 in UTC
    body["closes_at"] = "1900-01-01T10:00:00+09:00"
    r = api.call("POST", "/openings", json=body)
    assert r.status_code == 201 and r.json()["closes_at"] == "1900-01-01T01:00:00Z"


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_numbers_are_422_with_a_body_that_can_be_built(api: Api, number: str) -> None:
    emp = employer(api)
    opening = f'{{"employer_id": "{emp["id"]}", "title": "Kock", "hours_min": {number}}}'
    assert _field_of(_raw(api, "POST", "/openings", opening)) == "hours_min"
    assert _field_of(_raw(api, "POST", "/employers", f'{{"name": {number}}}')) == "name"
    assert _count(api, "crm_openings") == 0


@pytest.mark.parametrize("text", ["\\ud800", "a\\u0000b", "bell\\u0007", "esc\\u001b[31m", "del\\u007f"])
def test_surrogates_and_control_characters_are_422_naming_the_field(api: Api, text: str) -> None:
    assert _field_of(_raw(api, "POST", "/employers", f'{{"name": "{text}"}}')) == "name"
    emp = employer(api)
    assert _field_of(_raw(api, "PATCH", f"/employers/{emp['id']}", f'{{"needs_learned": "{text}"}}')) == (
        "needs_learned"
    )
    assert _field_of(_raw(api, "POST", "/participants", f'{{"display_name": "{text}"}}')) == "display_name"
    assert _count(api, "crm_employers") == 1 and _count(api, "caseload_participants") == 0


def test_tabs_and_line_breaks_stay_allowed(api: Api) -> None:
    emp = employer(api, needs_learned="line one\r\nline\ttwo\n")
    assert emp["needs_learned"] == "line one\r\nline\ttwo\n"


def test_a_surrogate_in_an_unknown_key_is_a_422(api: Api) -> None:
    r = _raw(api, "POST", "/employers", '{"name": "A", "\\udc80": 1}')
    assert r.status_code == 422
    item = json.loads(r.content.decode("utf-8"))["detail"][0]  # valid UTF-8: the surrogate is escaped
    assert item["loc"] == ["body"] and item["input"] == "\\udc80"


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "2025-W53", "2026-W00"])
def test_weeks_out_of_range_are_422(api: Api, week: str) -> None:
    assert api.call("GET", f"/specialists/spec.a/week?week={week}").status_code == 422


def test_time_windows_and_cursors_out_of_range_are_422(api: Api) -> None:
    emp = employer(api)
    for query in (f"since={FAR_PAST}", f"until={FAR_FUTURE}"):
        r = api.call("GET", "/contacts", params=dict([query.split("=", 1)]))
        assert r.status_code == 422, (query, r.text)
    cursor = base64.urlsafe_b64encode(f"{FAR_PAST}|{emp['id']}".encode()).decode().rstrip("=")
    r = api.call("GET", f"/employers/{emp['id']}/timeline", params={"after": cursor})
    assert _field_of(r) == "after"


def test_a_huge_invalid_value_is_not_echoed_back(api: Api) -> None:
    r = api.call("POST", "/employers", json={"name": "x" * 1_000_000})
    assert r.status_code == 422 and len(r.content) < 2000, len(r.content)
    r = api.call("POST", "/employers", json={"name": ["x" * 1000] * 1000})
    assert r.status_code == 422 and len(r.content) < 2000, len(r.content)


def test_every_422_body_is_valid_json(api: Api) -> None:
    r = _raw(api, "POST", "/openings", '{"title": NaN, "hours_min": "\\ud800", "x": Infinity}')
    assert r.status_code == 422
    assert json.loads(r.content)["detail"]


def test_bodies_over_the_limit_are_413_before_they_are_read(make_api: Any) -> None:
    api = make_api(max_body_bytes=4096, max_upload_bytes=64 * 1024)
    big = json.dumps({"name": "x" * 5000})
    r = api.call("POST", "/employers", content=big, headers=JSON_HEADERS)
    assert r.status_code == 413 and r.json() == {"detail": "request body is larger than 4096 bytes"}

    def chunks() -> Any:  # no Content-Length: counted as it arrives
        yield b'{"name": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}'

    r = api.call("POST", "/employers", content=chunks(), headers=JSON_HEADERS)
    assert r.status_code == 413 and "detail" in r.json()
    assert _count(api, "crm_employers") == 0
    upload = "name\n" + "Firma AB\n" * 1000  # 9 KB: over the body limit, under the upload limit
    r = api.call("POST", "/imports", files={"file": ("e.csv", upload.encode())}, data={"entity": "employers"})
    assert r.status_code == 201, r.text
    r = api.call("POST", "/imports", files={"file": ("e.csv", b"x" * 70_000)}, data={"entity": "employers"})
    assert r.status_code == 413
