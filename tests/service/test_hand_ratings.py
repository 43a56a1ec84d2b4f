"""Stored hand ratings of the IPS-25 items (issue 14 item 7): the store, ``/reports/hand-ratings``
and the reports page's form, on the app's DuckDB file."""

from __future__ import annotations

from typing import Any

import pytest

from participants.fidelity_ratings import FidelityRatingStore
from reports.self_assessment import HAND_ITEMS
from tests.conftest import Api
from tests.service import report_world
from tests.service.report_world import WINDOW

URL = "/reports/hand-ratings"


def _store(api: Api) -> FidelityRatingStore:
    return FidelityRatingStore(api.db.cursor(), api.db.write_lock)


def test_store_round_trip_keeps_history_and_the_latest_counts(api: Api) -> None:
    store = _store(api)
    store.add(unit_id="unit-a", ratings=[("S2", 3, "two staff"), ("O5", 4, "")], actor="sup.a")
    store.add(unit_id="unit-a", ratings=[("S2", 5, "three staff, all full time")], actor="admin")
    store.add(unit_id="unit-b", ratings=[("S2", 1, "")], actor="sup.b")
    latest = store.latest(unit_id="unit-a")
    assert {i: (r.rating, r.evidence, r.rated_by) for i, r in latest.items()} == {
        "S2": (5, "three staff, all full time", "admin"),
        "O5": (4, "", "sup.a"),
    }
    history = [(r.item, r.rating) for r in store.history(unit_id="unit-a")]
    assert sorted(history) == [("O5", 4), ("S2", 3), ("S2", 5)]
    assert latest["S2"].rated_at.tzinfo is not None and latest["S2"].rated_at >= latest["O5"].rated_at


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (("S2", 6, ""), "ratings.0.rating"),
        (("S2", 0, ""), "ratings.0.rating"),
        (("S2", 3, "x" * 2001), "ratings.0.evidence"),
    ],
)
def test_store_refuses_bad_values(api: Api, row: tuple[str, int, str], field: str) -> None:
    with pytest.raises(ValueError) as caught:
        _store(api).add(unit_id="unit-a", ratings=[row], actor="sup.a")
    assert getattr(caught.value, "field", None) == field
    assert _store(api).history(unit_id="unit-a") == []


def _put(api: Api, user: str, ratings: list[dict[str, Any]], **params: str) -> Any:
    return api.call("PUT", URL, user=user, json={"ratings": ratings}, params=params)


def test_supervisor_saves_and_reads_back(api: Api) -> None:
    r = _put(
        api,
        "sup.a",
        [{"item": "O5", "rating": 4, "evidence": "weekly case review"}, {"item": "S2", "rating": 2}],
    )
    assert r.status_code == 200, r.text
    got = api.call("GET", URL, user="sup.a").json()
    assert got["unit"] == "unit-a"
    assert [(x["item"], x["rating"], x["evidence"], x["rated_by"]) for x in got["ratings"]] == [
        ("S2", 2, "", "sup.a"),  # scale order, not the order given
        ("O5", 4, "weekly case review", "sup.a"),
    ]
    _put(api, "sup.a", [{"item": "O5", "rating": 4, "evidence": "weekly case review"}])  # unchanged: no row
    _put(api, "sup.a", [{"item": "O5", "rating": 5, "evidence": "and a field mentor"}])
    assert [r.rating for r in _store(api).history(unit_id="unit-a") if r.item == "O5"] == [4, 5]
    audit = api.db.cursor().execute(
        "SELECT entity_id, detail FROM app_audit_log WHERE action = 'rate_fidelity' ORDER BY logged_at"
    )
    assert audit.fetchall() == [("unit-a", "O5=4, S2=2"), ("unit-a", "O5=5")]


def test_admin_names_the_unit(api: Api) -> None:
    assert _put(api, "admin", [{"item": "V13", "rating": 3}], unit="unit-b").status_code == 200
    assert api.call("GET", URL, user="admin", params={"unit": "unit-b"}).json()["ratings"][0]["item"] == "V13"
    assert api.call("GET", URL, user="admin").status_code == 422  # which unit?
    assert api.call("GET", URL, user="admin", params={"unit": "nowhere"}).status_code == 404


def test_other_roles_and_units_are_refused(api: Api) -> None:
    one = [{"item": "S2", "rating": 4}]
    assert _put(api, "spec.a", one).status_code == 403
    assert api.call("GET", URL, user="spec.a").status_code == 403
    assert _put(api, "sup.a", one, unit="unit-b").status_code == 404
    assert api.call("GET", URL, user="sup.a", params={"unit": "unit-b"}).status_code == 404
    assert _store(api).history(unit_id="unit-b") == []


@pytest.mark.parametrize(
    "rating",
    [
        {"item": "S2", "rating": 6},
        {"item": "S2", "rating": 0},
        {"item": "V4", "rating": 3},
        {"item": "Z9", "rating": 3},
    ],
)
def test_bad_item_or_rating_is_422(api: Api, rating: dict[str, Any]) -> None:
    r = _put(api, "sup.a", [rating])
    assert r.status_code == 422, r.text
    assert _store(api).history(unit_id="unit-a") == []


def test_an_item_twice_is_422(api: Api) -> None:
    r = _put(api, "sup.a", [{"item": "S2", "rating": 3}, {"item": "S2", "rating": 4}])
    assert r.status_code == 422 and "S2" in r.text


def _post(api: Api, data: dict[str, str]) -> Any:
    return api.call(
        "POST", "/ui/reports/hand-ratings", user="sup.a", data=WINDOW | data, follow_redirects=False
    )


def test_the_page_saves_and_the_total_uses_stored_ratings(api: Api) -> None:
    report_world.build(api)
    data = dict.fromkeys(HAND_ITEMS, "5") | {"evidence-O5": "supervisor meets the team weekly"}
    r = _post(api, data)
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/ui/reports?since=2025-01-01&until=2025-06-30")
    html = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW).text  # no ratings in the address
    assert "rated by the reviewer</span>" not in html
    assert "supervisor meets the team weekly</textarea>" in html
    items = api.call("GET", "/reports/fidelity", user="sup.a", params=WINDOW).json()["items"]
    bands = [i["band"] for i in items]
    if all(b is not None for b in bands):
        assert f"IPS-25 total: <strong>{60 + sum(bands)}</strong> of 125" in html
    else:
        assert f"Subtotal {60 + sum(b or 0 for b in bands)} of 125" in html
    # the address still overrides one rating for a what-if, without storing it
    what_if = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW | {"S2": "1"}).text
    assert 'name="S2" type="number" min="1" max="5" step="1" inputmode="numeric" value="1"' in what_if
    assert _store(api).latest(unit_id="unit-a")["S2"].rating == 5


def test_the_page_keeps_the_input_and_names_the_field(api: Api) -> None:
    r = _post(api, {"S2": "7", "O5": "4", "evidence-O5": "kept as typed", "evidence-O1": "no rating"})
    assert r.status_code == 422
    assert 'aria-describedby="err-S2"' in r.text and 'id="err-S2">Please give a number from 1 to 5.' in r.text
    assert 'id="err-O1">Please fill this in.' in r.text
    assert 'value="7"' in r.text and "kept as typed</textarea>" in r.text
    assert _store(api).history(unit_id="unit-a") == []
