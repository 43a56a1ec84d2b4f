"""The supervisor's reports over HTTP, fed from the stores: a small caseload built through the API.

The caseload (window 2025-01-01 .. 2025-06-30; entry = first meeting, the default setting):

- A1 (unit A): first meeting 2025-01-10, unemployed at entry; face-to-face employer contact naming
  them 2025-01-30 (20 days); a job from 2025-02-10 (paid hours reached 02-12), 13.00/h, 20 h/week,
  permanent: competitive (2025 NLW 12.21); face-to-face support contacts 2025-02-11 and 02-18.
- A2 (unit A): first meeting 2025-02-01, unemployed; contact 2025-03-13 (40 days); a job from
  2025-04-01 (paid hours 04-02) at 11.00/h: not competitive (below 12.21).
- A3 (unit A): first meeting 2025-03-01, unemployed; no employer contact; by 2025-06-30 that is
  121 days so far (31 + 30 + 31 + 29), past the 30 days after which V4 counts it.
- B1 (unit B, spec.b): first meeting 2025-01-15, a competitive job from 2025-03-03.

Unit A's supervisor, by hand:
- V4 = (20 + 40 + 121) / 3 = 60.33 days over 3 people -> band 3 (4 needs <= 60, 3 <= 150).
- V10 = 1 competitive / 2 jobs held = 0.5; band 1 (fewer than 10 jobs, the anchor's minimum).
- competitive employment rate: Q1 served A1, A2, A3 (entered by 03-31) with A1 in a competitive
  job -> 1/3 (33%: reaches the 31% minimum benchmark, not the 41% average); Q2 the same three,
  only A1's job competitive -> 1/3.
- job outcome rate: Q1 A1 started -> 1/3; Q2 A2 started -> 1/3.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.conftest import Api
from tests.service import report_world
from tests.service.report_world import WINDOW


@pytest.fixture
def world(api: Api) -> dict[str, Any]:
    return report_world.build(api)


def _items(api: Api, user: str, **query: str) -> dict[str, Any]:
    r = api.call("GET", "/reports/fidelity", user=user, params=WINDOW | query)
    assert r.status_code == 200, r.text
    return {i["id"]: i for i in r.json()["items"]}


def test_fidelity_figures_match_the_hand_count(api: Api, world: dict[str, Any]) -> None:
    items = _items(api, "sup.a")
    v4 = items["V4"]
    assert (v4["numerator"], v4["denominator"], v4["band"]) == (181, 3, 3)
    assert v4["figure"] == pytest.approx(181 / 3)
    assert {e["id"]: e["value"] for e in v4["evidence"]} == dict(zip(world["a"], [20, 40, 121], strict=True))
    v10 = items["V10"]
    assert (v10["numerator"], v10["denominator"], v10["figure"], v10["band"]) == (1, 2, 0.5, 1)
    assert {e["id"]: e["met"] for e in v10["evidence"]} == {
        world["jobs"]["a1"]: True,
        world["jobs"]["a2"]: False,
    }
    assert v10["name"] and isinstance(v10["proxy"], bool)
    assert list(items)[:2] == ["S1", "V1"] and len(items) == 13


def test_outcomes_per_quarter(api: Api, world: dict[str, Any]) -> None:
    r = api.call("GET", "/reports/outcomes", user="sup.a", params=WINDOW | {"by": "unit"})
    assert r.status_code == 200, r.text
    rows = {row["quarter"]: row for row in r.json()["rows"]}
    assert set(rows) == {"2025Q1", "2025Q2"} and {row["group"] for row in rows.values()} == {"unit-a"}
    q1, q2 = rows["2025Q1"], rows["2025Q2"]
    assert (q1["served"], q1["competitive"], q2["served"], q2["competitive"]) == (3, 1, 3, 1)
    assert q1["competitive_rate"] == pytest.approx(1 / 3) and q1["competitive_benchmark"] == "minimum"
    assert (q1["job_outcomes"], q2["job_outcomes"]) == (1, 1)
    assert q2["job_outcome_ids"] == [world["a"][1]]


def test_scope_other_unit_and_roles(api: Api, world: dict[str, Any]) -> None:
    theirs = _items(api, "sup.b")
    ids = {e["id"] for item in theirs.values() for e in item["evidence"]}
    ours = set(world["a"]) | {world["jobs"]["a1"], world["jobs"]["a2"]}
    assert not ids & ours and theirs["V10"]["denominator"] == 1
    everyone = _items(api, "admin")
    assert everyone["V10"]["denominator"] == 3
    assert _items(api, "admin", unit="unit-b")["V10"]["denominator"] == 1
    for path in ("/reports/fidelity", "/reports/outcomes", "/reports/key-dates"):
        assert api.call("GET", path, user="spec.a").status_code == 403
    assert api.call("GET", "/reports/fidelity", user="sup.a", params={"unit": "unit-b"}).status_code == 403
    assert api.call("GET", "/reports/fidelity", user=None).status_code == 401


def test_reads_are_audit_logged_per_participant(api: Api, world: dict[str, Any]) -> None:
    _items(api, "sup.a")
    logged = (
        api.db.cursor()
        .execute("SELECT entity_id FROM app_audit_log WHERE action = 'read_report' ORDER BY entity_id")
        .fetchall()
    )
    assert sorted(r[0] for r in logged) == sorted(world["a"])


def test_bad_windows_are_field_errors(api: Api, world: dict[str, Any]) -> None:
    r = api.call(
        "GET", "/reports/fidelity", user="sup.a", params={"since": "2025-06-01", "until": "2025-01-01"}
    )
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "until"]
    r = api.call(
        "GET", "/reports/outcomes", user="sup.a", params={"since": "1990-01-01", "until": "2025-01-01"}
    )
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "since"]  # over 10 years
    r = api.call("GET", "/reports/outcomes", user="sup.a", params={"until": "0001-01-01"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "until"]
    r = api.call("GET", "/reports/ips-grow", user="sup.a", params={"quarter": "2025-Q5"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "quarter"]


def test_key_dates_and_ips_grow_csv(api: Api, world: dict[str, Any]) -> None:
    r = api.call("GET", "/reports/key-dates", user="sup.a")
    rows = {row["participant_id"]: row for row in r.json()["rows"]}
    assert set(rows) == set(world["a"])
    assert rows[world["a"][0]]["days_to_first_employer_contact"] == 20
    assert rows[world["a"][0]]["job_starts"] == ["2025-02-10"]
    a1 = rows[world["a"][0]]
    assert (a1["support_contacts"], a1["first_support_contact_at"], a1["last_support_contact_at"]) == (
        2,
        "2025-02-11",
        "2025-02-18",
    )
    assert rows[world["a"][1]]["support_contacts"] == 0
    q = {"quarter": "2025-Q1"}
    sheet = api.call("GET", "/reports/ips-grow", user="sup.a", params=q).json()
    assert sheet["quarter"] == "2025Q1" and sheet["counts"]["rows"][0]["supported_into_work"] == 1
    r = api.call("GET", "/reports/ips-grow", user="sup.a", params=q | {"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["Client ID"] for row in table} == set(world["a"])
    assert {row["Referral date"] for row in table} == {"2025-01-10", "2025-02-01", "2025-03-01"}


def test_the_page_shows_bands_evidence_and_the_chart(api: Api, world: dict[str, Any]) -> None:
    r = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW)
    assert r.status_code == 200, r.text
    html = r.text
    assert 'href="#evidence-V4"' in html and 'id="evidence-V4"' in html
    assert f'href="/ui/participants/{world["a"][2]}"' in html  # A3's V4 row links to the person
    assert world["b"][0] not in html  # nothing of unit B
    assert html.count("<rect ") == 2 and "minimum 31%" in html  # one bar per quarter, benchmark lines
    assert "<script>" not in html and " style=" not in html  # the CSP allows neither
    assert 'href="/ui/reports"' in html  # in the supervisor's navigation
    assert api.call("GET", "/ui/reports", user="spec.a").status_code == 403
    nav = api.call("GET", "/ui/participants", user="spec.a").text
    assert 'href="/ui/reports"' not in nav


def test_the_page_reads_the_caseload_once_per_participant(api: Api, world: dict[str, Any]) -> None:
    r = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW)
    assert r.status_code == 200, r.text
    logged = api.db.cursor().execute(
        "SELECT entity_id, detail FROM app_audit_log WHERE action = 'read_report' ORDER BY entity_id"
    )
    rows = logged.fetchall()
    assert sorted(pid for pid, _ in rows) == sorted(world["a"])  # one row each, not one per report
    assert {detail for _, detail in rows} == {"fidelity and outcomes"}


def test_the_page_names_the_unit_and_formats_v6(api: Api, world: dict[str, Any]) -> None:
    html = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW).text
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "Unit A" in heading and "unit-a" not in heading
    v6 = _items(api, "sup.a")["V6"]
    row = html.split("<td>V6</td>", 1)[1].split("</tr>", 1)[0]
    assert f"<td>{v6['numerator']:.1f}</td>" in row and f"{v6['numerator']:.4f}" not in row


def test_hand_rated_items_and_the_total(api: Api, world: dict[str, Any]) -> None:
    html = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW).text
    placeholder = '<span class="muted">rated by the reviewer</span>'
    assert html.count(placeholder) == 12  # S2, S3, O1–O8, V11, V13, none rated yet
    assert 'name="O5" type="number" min="1" max="5"' in html and "items without a band yet: S2" in html
    hand = dict.fromkeys(["S2", "S3", "O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "V11", "V13"], "5")
    computed = {i["id"]: i["band"] for i in _items(api, "sup.a").values()}
    full = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW | hand).text
    assert placeholder not in full and 'name="O5" type="number" min="1" max="5" step="1"' in full
    if all(b is not None for b in computed.values()):
        total = 60 + sum(computed.values())
        assert f"IPS-25 total: <strong>{total}</strong> of 125" in full
    else:  # an item without a figure keeps the total open, and the page says which
        missing = [i for i, b in computed.items() if b is None]
        assert f"items without a band yet: {', '.join(missing)}" in full
    bad = api.call("GET", "/ui/reports", user="sup.a", params=WINDOW | {"S2": "7"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "S2"]
