"""The import wizard (issue 15 item 5): upload, map the columns, preview every problem, apply, revert.

The forms are posted as a browser posts them (multipart upload and urlencoded steps, the session
cookie, our Origin) and the outcome is checked through the JSON API and the store; the last test
drives the wizard in a real headless Chromium, in Swedish, against the real server.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.access.users import set_password
from tests.conftest import Api
from tests.service.server import chromium, cli, env_for, running_server, seed

PASSWORD = "correct horse battery staple"
ORIGIN = {"origin": "http://localhost"}
SV = {"accept-language": "sv-SE,sv;q=0.9"}
#: A Swedish Excel CSV: ";"-separated, cp1252, Swedish headers; row 3 has two problems (a country
#: that is no ISO code and an organisationsnummer whose check digit fails).
SWEDISH = (
    "Namn;Orgnr;Land;Bransch;Anteckning\r\n"
    "Kvarnen Åkersberga AB;556677-8899;SE;Livsmedel;ring i maj\r\n"
    "Bageri Östra AB;556677-8898;Sverige;Bageri;\r\n"
    "Smörgåsfabriken AB;;SE;Livsmedel;ny kund\r\n"
).encode("cp1252")


def _sign_in(api: Api, username: str = "spec.a") -> None:
    set_password(api.db, username=username, password=PASSWORD)
    r = api.client.post(
        "/ui/login", data={"username": username, "password": PASSWORD}, headers=ORIGIN, follow_redirects=False
    )
    assert r.status_code == 303, r.text


def _upload(api: Api, data: bytes = SWEDISH, **headers: str) -> Any:
    return api.client.post(
        "/ui/imports/upload",
        data={"entity": "employers", "mode": "upsert"},
        files={"file": ("kunder.csv", data, "text/csv")},
        headers={**ORIGIN, **headers},
        follow_redirects=False,
    )


def _step_fields(html: str, action: str = "/ui/imports/preview") -> dict[str, str]:
    """The hidden inputs and each select's chosen option of the first form posting to ``action``."""
    form = html.split(f'action="{action}"', 1)[1].split("</form>", 1)[0]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)">(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


@pytest.fixture
def signed_in(api: Api) -> Api:
    _sign_in(api)
    return api


def test_the_wizard_maps_previews_every_problem_applies_and_reverts(signed_in: Api) -> None:
    api = signed_in
    step2 = _upload(api, **SV)
    assert step2.status_code == 200, step2.text
    fields = _step_fields(step2.text)
    # Namn, Orgnr, Land, Bransch recognised from the Swedish headers; Anteckning left to ignore
    assert [fields[f"map-{i}"] for i in range(5)] == [
        "name",
        "registry_number",
        "country",
        "sector_label",
        "",
    ]
    step3 = api.client.post("/ui/imports/preview", data=fields, headers={**ORIGIN, **SV})
    assert step3.status_code == 200, step3.text
    assert "Sverige" in step3.text and "ISO 3166" in step3.text and "check digit" in step3.text
    assert api.call("GET", "/employers").json()["items"] == []  # a preview writes nothing
    apply = _step_fields(step3.text, "/ui/imports/apply")
    r = api.client.post(
        "/ui/imports/apply", data={**apply, "skip_bad_rows": "true"}, headers=ORIGIN, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    import_id = r.headers["location"].rsplit("/", 1)[1]
    report = api.call("GET", f"/imports/{import_id}", user="spec.a").json()
    assert (report["status"], report["created"], report["errors"]) == ("applied", 2, 1)
    (bad,) = [row for row in report["rows"] if row["action"] == "error"]
    assert [p["field"] for p in bad["problems"]] == ["country", "registry_number"]
    names = sorted(e["name"] for e in api.call("GET", "/employers").json()["items"])
    assert names == ["Kvarnen Åkersberga AB", "Smörgåsfabriken AB"]
    failed = api.client.get(f"/ui/imports/{import_id}/failed-rows")
    assert failed.status_code == 200 and "windows-1252" in failed.headers["content-type"]
    (row,) = csv.DictReader(io.StringIO(failed.content.decode("cp1252")), delimiter=";")
    assert row["Namn"] == "Bageri Östra AB" and row["Land"] == "Sverige"
    assert "country" in row["error"] and "registry_number" in row["error"]
    listed = api.client.get("/ui/imports", headers=SV).text
    assert "kunder.csv" in listed and f'action="/ui/imports/{import_id}/revert"' in listed
    r = api.client.post(
        f"/ui/imports/{import_id}/revert", data={"confirm": "yes"}, headers=ORIGIN, follow_redirects=False
    )
    assert r.status_code == 303
    assert api.call("GET", f"/imports/{import_id}", user="spec.a").json()["status"] == "reverted"
    assert api.call("GET", "/employers").json()["items"] == []
    again = api.client.post(f"/ui/imports/{import_id}/revert", data={"confirm": "yes"}, headers=ORIGIN)
    assert again.status_code == 409  # a reverted run cannot be reverted twice; the page says why


def test_every_importable_column_has_words_and_the_mapping_shows_them_in_swedish(signed_in: Api) -> None:
    from employers.io_specs import COLUMNS
    from service.web.column_labels import COLUMN_LABELS

    assert {c for columns in COLUMNS.values() for c in columns} <= set(COLUMN_LABELS)
    step2 = _upload(signed_in, **SV).text
    assert '<option value="registry_number" selected>Registernummer (registry_number)</option>' in step2
    assert ">Bransch (sector_nace)</option>" in step2  # words, and the code for the file's author


def test_the_saved_mapping_pre_maps_the_next_file_of_the_same_shape(signed_in: Api) -> None:
    api = signed_in
    fields = _step_fields(_upload(api).text)
    fields |= {"map-3": "", "map-4": "needs_learned"}  # Bransch ignored, Anteckning kept
    assert api.client.post("/ui/imports/preview", data=fields, headers=ORIGIN).status_code == 200
    reordered = "anteckning;namn;LAND;orgnr;bransch\r\nx;Ny AB;SE;;y\r\n".encode("cp1252")
    nxt = _step_fields(_upload(api, reordered).text)
    assert [nxt[f"map-{i}"] for i in range(5)] == ["needs_learned", "name", "country", "registry_number", ""]


def test_bad_input_answers_422_with_the_field_and_a_cross_site_upload_is_refused(signed_in: Api) -> None:
    api = signed_in
    empty = _upload(api, b"")
    assert empty.status_code == 422 and 'id="err-file"' in empty.text
    r = api.client.post("/ui/imports/upload", data={"entity": "ships"}, headers=ORIGIN)
    assert r.status_code == 422 and 'id="err-entity"' in r.text
    gone = api.client.post(
        "/ui/imports/preview",
        data={"upload": "nope", "entity": "employers", "mode": "upsert"},
        headers=ORIGIN,
    )
    assert gone.status_code == 422 and 'id="err-file"' in gone.text
    fields = _step_fields(_upload(api).text) | {"map-1": "name"}  # two columns for "name"
    twice = api.client.post("/ui/imports/preview", data=fields, headers=ORIGIN)
    assert twice.status_code == 422 and "two columns fill" in twice.text
    cross = _upload(api, origin="https://evil.example")
    assert cross.status_code == 403


def test_another_units_import_reads_as_missing(signed_in: Api) -> None:
    api = signed_in
    fields = _step_fields(_upload(api).text)
    r = api.client.post(
        "/ui/imports/apply", data={**fields, "skip_bad_rows": "true"}, headers=ORIGIN, follow_redirects=False
    )
    import_id = r.headers["location"].rsplit("/", 1)[1]
    _sign_in(api, "spec.b")
    for url in (f"/ui/imports/{import_id}", f"/ui/imports/{import_id}/failed-rows"):
        assert api.client.get(url).status_code == 404
    assert (
        api.client.post(
            f"/ui/imports/{import_id}/revert", data={"confirm": "yes"}, headers=ORIGIN
        ).status_code
        == 404
    )
    assert "kunder.csv" not in api.client.get("/ui/imports").text


BROWSER_USER = "per.sv"  # the Swedish unit's job developer (data/demo/units.json)
ARTIFACTS = Path(os.environ.get("IPSMATCH_ARTIFACTS", "/tmp/ipsmatch-artifacts"))
#: Names no demo employer has (the duplicate check would hold them back otherwise).
BROWSER_FILE = (
    "Namn;Organisationsnummer;Land;Webbplats\r\n"
    "Örngårdens Kvarnbageri Wizardtest AB;;SE;orngarden.example\r\n"
    "Fjällsjö Glasblåseri Wizardtest AB;556677-8898;Sverige;\r\n"
    "Sjöbodens Rökeri Wizardtest AB;;SE;\r\n"
).encode("cp1252")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web-imports") / "web.duckdb"
    env = env_for("hashing")
    seed(db, env)
    cli(["password", BROWSER_USER, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    with running_server(db, env) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.mark.browser
def test_a_swedish_job_developer_imports_a_semicolon_cp1252_file(server: str, browser: Any) -> None:
    page = browser.new_page(locale="sv-SE")
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{server}/ui/login")
    page.fill("input[name=username]", BROWSER_USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/ui/participants")
    page.click("header nav a[href='/ui/imports']")
    assert page.locator("h1").inner_text() == "Importera en fil"
    page.set_input_files(
        "input[name=file]", {"name": "kunder.csv", "mimeType": "text/csv", "buffer": BROWSER_FILE}
    )
    page.click("form[action='/ui/imports/upload'] button[type=submit]")
    # step 2: the Swedish headers are matched already
    chosen = [page.locator(f"select[name=map-{i}]").input_value() for i in range(4)]
    assert chosen == ["name", "registry_number", "country", "website"]
    page.click("form[action='/ui/imports/preview'] button[type=submit]")
    # step 3: the bad row with both its problems
    problems = page.locator("table.bad-rows tbody tr")
    assert problems.count() == 1
    text = problems.first.inner_text()
    assert "Sverige" in text and "ISO 3166" in text and "org_nr check digit" in text
    assert problems.first.locator("li").count() == 2
    page.screenshot(path=str(ARTIFACTS / "import-preview-sv.png"), full_page=True)
    page.click("form.apply:has(input[name=skip_bad_rows][value=true]) button")
    page.wait_for_url("**/ui/imports/*")
    assert "Importerad" in page.locator("p.status").inner_text()
    with page.expect_download() as got:
        page.click("a[href$='/failed-rows']")
    data = Path(got.value.path()).read_bytes()
    assert data.startswith("Namn;Organisationsnummer;Land;Webbplats;error\r\n".encode("cp1252"))
    assert "Fjällsjö Glasblåseri Wizardtest AB".encode("cp1252") in data  # cp1252, not UTF-8
    page.click("form[action$='/revert'] button")
    page.wait_for_url("**/ui/imports/*")
    assert "Återställd" in page.locator("p.status").inner_text()
    assert page.locator("form[action$='/revert']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "import-result-sv.png"), full_page=True)
    assert not violations, violations
