"""CSV/xlsx import and export through HTTP and the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from service import cli
from service.access.audit import list_access
from tests.conftest import Api
from tests.service.crm_helpers import contact, employer, participant

EMPLOYERS_CSV = (
    "name;registry_number;registry_kind;country;stage;do_not_contact;aliases\n"
    "Hansen & Søn ApS;31245672;cvr;DK;learning;nej;Hansen\n"
    "Kvarnen AB;556677-8899;org_nr;SE;prospect;;\n"
    "Trasig AB;;;SE;married;;\n"
    "Ingen Namn;;;SE;;kanske;\n"
)


def _import(api: Api, text: str | bytes, name: str = "file.csv", **form: Any) -> dict[str, Any]:
    data = text.encode() if isinstance(text, str) else text
    fields = {"entity": "employers", "mode": "upsert", **{k: str(v).lower() for k, v in form.items()}}
    r = api.call("POST", "/imports", files={"file": (name, data)}, data=fields)
    assert r.status_code == 201, r.text
    return r.json()


def _count(api: Api, table: str = "crm_employers") -> int:
    return api.db.cursor().execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_dry_run_reports_every_row_and_writes_nothing(api: Api) -> None:
    employer(api, name="Kvarnen AB", registry_number="5566778899")
    rep = _import(api, EMPLOYERS_CSV, dry_run=True)
    assert (rep["status"], rep["created"], rep["updated"], rep["errors"]) == ("dry_run", 1, 1, 2)
    errors = [(r["row"], r["field"]) for r in rep["rows"] if r["action"] == "error"]
    assert errors == [(4, "stage"), (5, "do_not_contact")]
    assert _count(api) == 1
    create_only = _import(api, EMPLOYERS_CSV, mode="create", dry_run=True)
    assert [r["action"] for r in create_only["rows"]][:2] == ["created", "skipped"]


def test_bad_rows_change_nothing_unless_skipped_and_failed_rows_can_be_fixed(api: Api) -> None:
    rejected = _import(api, EMPLOYERS_CSV)
    assert rejected["status"] == "rejected" and _count(api) == 0
    r = api.call("GET", rejected["failed_rows_url"])
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    # The file came ";"-separated, so its failed rows do too (the dialect is kept since the wizard).
    failed = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["name"] for row in failed] == ["Trasig AB", "Ingen Namn"]
    assert failed[0]["error"].startswith("row 4: stage:")
    applied = _import(api, EMPLOYERS_CSV, skip_bad_rows=True)
    assert (applied["status"], applied["created"], applied["errors"]) == ("applied", 2, 2)
    fixed = io.StringIO()
    writer = csv.DictWriter(fixed, fieldnames=[c for c in failed[0] if c != "error"], delimiter=";")
    writer.writeheader()
    for row in failed:
        writer.writerow(
            {**{k: v for k, v in row.items() if k != "error"}, "stage": "prospect", "do_not_contact": "false"}
        )
    again = _import(api, fixed.getvalue())
    assert (again["status"], again["created"]) == ("applied", 2) and _count(api) == 4
    assert api.call("GET", f"/imports/{again['id']}").json()["created"] == 2


def test_revert_deletes_created_and_restores_updated(api: Api) -> None:
    kept = employer(api, name="Kvarnen AB", registry_number="5566778899", stage="learning")
    rep = _import(
        api, "registry_number,name,stage\n556677-8899,Kvarnen AB,partnered\n31245678,Hansen ApS,prospect\n"
    )
    assert (rep["created"], rep["updated"]) == (1, 1)
    assert api.call("GET", f"/employers/{kept['id']}").json()["stage"] == "partnered"
    reverted = api.call("POST", f"/imports/{rep['id']}/revert")
    assert reverted.status_code == 200 and reverted.json()["status"] == "reverted"
    assert api.call("GET", f"/employers/{kept['id']}").json()["stage"] == "learning"
    assert _count(api) == 1
    assert api.call("POST", f"/imports/{rep['id']}/revert").status_code == 409
    assert api.call("GET", "/imports/00000000-0000-4000-8000-000000000000").status_code == 404


def test_export_reimports_to_the_same_data(api: Api) -> None:
    _import(api, EMPLOYERS_CSV, skip_bad_rows=True)
    for fmt in ("csv", "xlsx"):
        r = api.call("GET", f"/exports/employers?format={fmt}")
        assert r.status_code == 200
        again = _import(api, r.content, name=f"employers.{fmt}")
        assert (again["status"], again["unchanged"], again["created"], again["updated"]) == (
            "applied",
            2,
            0,
            0,
        )
        assert api.call("GET", f"/exports/employers?format={fmt}").content == r.content or fmt == "xlsx"
    exports = [row for row in list_access(api.db) if row["action"] == "export"]
    assert len(exports) == 4 and all(row["entity"] == "employers" for row in exports)


def test_people_contacts_and_openings_import_by_natural_keys(api: Api) -> None:
    emp = employer(api, name="Hansen & Søn ApS", registry_number="31245678")
    people = (
        "full_name,email,employer_registry_number,role,active_from\n"
        "Mette Jensen,m@hansen.dk,31 24 56 78,HR,01.02.2024\n"
    )
    assert _import(api, people, entity="people")["created"] == 1
    moved = "email,employer_id,role\nM@hansen.dk," + emp["id"] + ",HR lead\n"
    assert _import(api, moved, entity="people")["updated"] == 1
    person = api.call("GET", f"/people?employer_id={emp['id']}").json()["items"][0]
    assert (
        person["employers"][0]["role"] == "HR lead" and person["employers"][0]["active_from"] == "2024-02-01"
    )
    contacts = (
        "external_id,employer_registry_number,occurred_at,mode,purpose,next_step,next_step_due\n"
        "c-1,31245678,2026-10-01T09:00:00Z,face_to_face,introduction,Send brochure,2026-10-08\n"
        "c-2,99999999,2026-10-02T09:00:00Z,phone,follow_up,,\n"
    )
    rep = _import(api, contacts, entity="contacts", skip_bad_rows=True)
    assert (rep["created"], rep["errors"]) == (1, 1)
    assert rep["rows"][1]["field"] == "employer_registry_number"
    assert api.call("GET", f"/tasks?employer_id={emp['id']}").json()["items"][0]["title"] == "Send brochure"
    openings = (
        "employer_registry_number,title,language,status,subsidy_type\n"
        "31245678,Lagerarbetare,sv,open,flexjob\n"
    )
    assert _import(api, openings, entity="openings")["created"] == 1
    op = api.call("GET", f"/openings?employer_id={emp['id']}").json()["items"][0]
    assert op["isco_group"] == "9333" and op["subsidy_type"] == "flexjob"
    bad = api.call(
        "POST", "/imports", files={"file": ("x.csv", b"colour\nred\n")}, data={"entity": "employers"}
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "file"]


def test_contact_import_and_export_respect_participant_rules(api: Api) -> None:
    emp = employer(api, name="Hansen & Søn ApS", registry_number="31245678")
    allowed, private = participant(api)["id"], participant(api, may_contact=False)["id"]
    rows = (
        "employer_id,occurred_at,mode,purpose,participant_id\n"
        f"{emp['id']},2026-10-01T09:00:00Z,face_to_face,candidate_introduction,{allowed}\n"
        f"{emp['id']},2026-10-01T10:00:00Z,face_to_face,candidate_introduction,{private}\n"
    )
    rep = _import(api, rows, entity="contacts", skip_bad_rows=True)
    assert [r["action"] for r in rep["rows"]] == ["created", "error"] and rep["rows"][1][
        "field"
    ] == "participant_id"
    contact(api, emp["id"])  # no participant
    mine = list(csv.DictReader(io.StringIO(api.call("GET", "/exports/contacts").content.decode("utf-8-sig"))))
    theirs = list(
        csv.DictReader(
            io.StringIO(api.call("GET", "/exports/contacts", user="spec.b").content.decode("utf-8-sig"))
        )
    )
    assert sorted(r["participant_id"] for r in mine) == ["", allowed]
    assert [r["participant_id"] for r in theirs] == [""]
    assert any(row["action"] == "export" for row in list_access(api.db, entity_id=allowed))


def test_cli_import_and_export(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    source = tmp_path / "employers.csv"
    source.write_text(EMPLOYERS_CSV, encoding="utf-8")
    runner = CliRunner()
    dry = runner.invoke(cli.app, ["import", str(source), "--entity", "employers", "--dry-run", "--db", db])
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.stdout.strip().splitlines()[-1])["status"] == "dry_run"
    rejected = runner.invoke(cli.app, ["import", str(source), "--db", db])
    assert rejected.exit_code == 1 and "row 4: stage" in rejected.output
    ok = runner.invoke(cli.app, ["import", str(source), "--skip-bad-rows", "--mode", "upsert", "--db", db])
    assert ok.exit_code == 0 and json.loads(ok.stdout.strip().splitlines()[-1])["created"] == 2
    out = tmp_path / "out.xlsx"
    exported = runner.invoke(
        cli.app, ["export", "employers", "--format", "xlsx", "--out", str(out), "--db", db]
    )
    assert exported.exit_code == 0, exported.output
    again = runner.invoke(cli.app, ["import", str(out), "--db", db])
    assert json.loads(again.stdout.strip().splitlines()[-1])["unchanged"] == 2


def test_the_report_lists_every_problem_and_takes_a_mapping(api: Api) -> None:
    text = "Namn;Orgnr;Land;Ansvarig;Anteckning\nFel AB;556677-8898;Sverige;spec.b;x\nRätt AB;;SE;sup.a;y\n"
    mapping = json.dumps({"Namn": "name", "Orgnr": "registry_number", "Land": "country", "Anteckning": ""})
    fields = {"entity": "employers", "dry_run": "true", "mapping": mapping}
    r = api.call("POST", "/imports", files={"file": ("f.csv", text.encode())}, data=fields)
    assert r.status_code == 201, r.text
    rep = r.json()
    bad, good = rep["rows"]
    assert good["action"] == "created" and good["problems"] == []
    # spec.b is a user of another unit; the Orgnr header says org_nr, whose check digit fails
    assert [p["field"] for p in bad["problems"]] == ["country", "owner", "registry_number"]
    assert (bad["field"], bad["message"]) == (bad["problems"][0]["field"], bad["problems"][0]["message"])
    r = api.call(
        "POST",
        "/imports",
        files={"file": ("f.csv", text.encode())},
        data={"entity": "employers", "mapping": "[1]"},
    )
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "mapping", r.text
