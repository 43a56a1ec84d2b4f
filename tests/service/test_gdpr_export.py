"""GDPR right of access: GET /participants/{id}/export (JSON and a zip of CSVs) and the CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from service.access.users import create_token, create_users, get_user
from tests.conftest import Api
from tests.service.gdpr_helpers import GOALS, LEARNED, NAME, NEXT_STEP, NOTE, seeded_person


def test_the_json_export_holds_everything_about_the_person(api: Api) -> None:
    person = seeded_person(api)
    r = api.call("GET", f"/participants/{person['id']}/export")
    assert r.status_code == 200, r.text
    assert (
        r.headers["content-type"].startswith("application/json") and "no-store" in r.headers["cache-control"]
    )
    tables = r.json()["tables"]
    assert tables["caseload_participants"][0]["display_name"] == NAME
    assert tables["caseload_preferences"][0]["goals"] == GOALS
    assert [s["label"] for s in tables["caseload_skills"]] == ["forklift driving"]
    assert tables["caseload_benefits_plans"][0]["status"] == "sickness"
    assert [c["purpose"] for c in tables["caseload_consents"]] == ["team_sharing"]
    assert person["lead_id"] in {lead["id"] for lead in tables["caseload_leads"]}
    assert [f["note"] for f in tables["caseload_lead_feedback"]] == [NOTE]
    assert len(tables["caseload_lead_sets"]) == 1
    assert [(c["id"], c["learned"]) for c in tables["crm_contacts"]] == [(person["contact_id"], LEARNED)]
    assert [t["title"] for t in tables["crm_tasks"]] == [NEXT_STEP]
    actions = {a["action"] for a in tables["app_audit_log"]}
    assert {"create", "consent"} <= actions
    exported = api.db.cursor().execute(
        "SELECT user_id, detail FROM app_audit_log WHERE action = 'export' AND entity_id = ?", [person["id"]]
    )
    assert exported.fetchall() == [(get_user(api.db, username="spec.a").id, "json")]  # type: ignore[union-attr]


def test_the_zip_export_has_one_csv_per_table_with_the_same_rows(api: Api) -> None:
    person = seeded_person(api)
    doc = api.call("GET", f"/participants/{person['id']}/export").json()["tables"]
    r = api.call("GET", f"/participants/{person['id']}/export", params={"format": "zip"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    assert sorted(archive.namelist()) == sorted(f"{t}.csv" for t in doc)
    for table, rows in doc.items():
        found = list(csv.DictReader(io.StringIO(archive.read(f"{table}.csv").decode())))
        assert len(found) == len(rows) + (1 if table == "app_audit_log" else 0), table  # + the json export
    prefs = next(csv.DictReader(io.StringIO(archive.read("caseload_preferences.csv").decode())))
    assert prefs["goals"] == "'" + GOALS  # a spreadsheet shows it as text, never runs it
    people = next(csv.DictReader(io.StringIO(archive.read("caseload_participants.csv").decode())))
    assert float(people["home_lon"]) == 18.0 and people["display_name"] == NAME


def test_only_their_specialist_or_unit_supervisor_may_export(api: Api) -> None:
    pid = seeded_person(api)["id"]
    create_users(api.db, users=[{"username": "spec.a2", "role": "specialist", "unit_id": "unit-a"}])
    api.tokens["spec.a2"] = create_token(api.db, user_id=get_user(api.db, username="spec.a2").id)  # type: ignore[union-attr]
    url = f"/participants/{pid}/export"
    assert api.call("GET", url, user="sup.a").status_code == 200
    assert api.call("GET", url, user="spec.a2").status_code == 403  # same unit, not their person
    assert api.call("GET", url, user="spec.b").status_code == 404  # another unit: as if not there
    assert api.call("GET", url, user="admin").status_code == 404  # admins see no participant data
    assert api.call("GET", url, user=None).status_code == 401
    assert api.call("GET", url, params={"format": "xml"}).status_code == 422
    assert api.call("GET", "/participants/not-a-uuid/export").status_code == 422
    unknown = "00000000-0000-4000-8000-000000000000"
    assert api.call("GET", f"/participants/{unknown}/export").status_code == 404


def test_the_cli_exports_a_person_to_json_and_zip(make_api, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    api = make_api()
    pid = seeded_person(api)["id"]
    path = api.db.path
    api.client.__exit__(None, None, None)  # release the file, as a stopped server would
    for name in ("out.json", "out.zip"):
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "service.cli",
                "participants",
                "export",
                pid,
                "--out",
                str(tmp_path / name),
                "--db",
                path,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
    doc = json.loads((tmp_path / "out.json").read_text())
    assert doc["participant_id"] == pid and doc["tables"]["crm_contacts"][0]["learned"] == LEARNED
    assert "crm_contacts.csv" in zipfile.ZipFile(tmp_path / "out.zip").namelist()
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "service.cli",
            "participants",
            "export",
            "00000000-0000-4000-8000-000000000000",
            "--out",
            str(tmp_path / "x.json"),
            "--db",
            path,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
