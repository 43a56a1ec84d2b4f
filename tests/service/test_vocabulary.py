"""The programme vocabulary over HTTP and the CLI: aliases link before the learned linker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from service.cli import app
from tests.conftest import Api

NURSE_ASSISTANT = "http://data.europa.eu/esco/occupation/87d0795a-d41f-47ee-979f-0ab7d73836e7"
SITE = {"name": "Kista", "city": "Kista", "lat": 59.40, "lon": 17.94}
UNDERSKOTERSKA = {
    "kind": "occupation",
    "language": "sv",
    "text": "Undersköterska",
    "esco_uri": NURSE_ASSISTANT,
}


def person(api: Api, goal: str, user: str = "spec.b", **extra: Any) -> dict[str, Any]:
    body = {
        "display_name": "Test",
        "language": "sv",
        "home": {"city": "Kista", "lat": 59.40, "lon": 17.94},
        "preferences": {"preferred_occupations": [{"label": goal}]},
        **extra,
    }
    r = api.call("POST", "/participants", user=user, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_writers_read_and_errors(api: Api) -> None:
    assert api.call("POST", "/vocabulary", user="spec.a", json=UNDERSKOTERSKA).status_code == 403
    r = api.call("POST", "/vocabulary", user="sup.a", json=UNDERSKOTERSKA)
    assert r.status_code == 201, r.text
    alias = r.json()
    assert api.call("POST", "/vocabulary", user="admin", json=UNDERSKOTERSKA).status_code == 409
    bad = {**UNDERSKOTERSKA, "text": "Vårdbiträde", "esco_uri": "http://example.org/nope"}
    r = api.call("POST", "/vocabulary", user="admin", json=bad)
    assert r.status_code == 422 and "esco_uri" in r.text
    r = api.call("POST", "/vocabulary", user="admin", json={**UNDERSKOTERSKA, "language": "de"})
    assert r.status_code == 422
    listed = api.call("GET", "/vocabulary?language=sv", user="spec.a").json()["items"]
    assert [a["id"] for a in listed] == [alias["id"]]
    r = api.call("PATCH", f"/vocabulary/{alias['id']}", user="admin", json={"note": "Stockholm"})
    assert r.status_code == 200 and r.json()["note"] == "Stockholm"
    assert api.call("DELETE", f"/vocabulary/{alias['id']}", user="admin").status_code == 200
    assert api.call("GET", f"/vocabulary/{alias['id']}").status_code == 404
    assert api.call("POST", f"/vocabulary/{alias['id']}/restore", user="admin").status_code == 200
    actions = api.db.cursor().execute("SELECT action FROM vocab_change_log ORDER BY changed_at").fetchall()
    assert [a for (a,) in actions] == ["create", "update", "delete", "restore"]


def test_undersköterska_links_once_the_team_adds_the_alias(api: Api) -> None:
    before = person(api, "Undersköterska")["preferences"]["preferred_occupations"][0]
    assert before["uri"] != NURSE_ASSISTANT
    assert api.call("POST", "/vocabulary", user="admin", json=UNDERSKOTERSKA).status_code == 201
    # Exact after folding, in the person's language; and in any language as the fallback.
    after = person(api, "  UNDERSKÖTERSKA ")["preferences"]["preferred_occupations"][0]
    assert (after["uri"], after["isco_group"]) == (NURSE_ASSISTANT, "5321")
    danish = person(api, "undersköterska", language="da")["preferences"]["preferred_occupations"][0]
    assert danish["uri"] == NURSE_ASSISTANT


def test_a_french_aide_soignant_opening_reaches_a_swedish_undersköterska(api: Api) -> None:
    api.call("POST", "/vocabulary", user="admin", json=UNDERSKOTERSKA)
    r = api.call("POST", "/employers", user="spec.b", json={"name": "Vård AB", "sites": [SITE]})
    employer = r.json()
    titles = {
        "Aide-soignant": "fr",
        "Kock": "sv",
        "Lagerarbetare": "sv",
        "Städare": "sv",
        "Butikssäljare": "sv",
    }
    for title, lang in titles.items():
        body = {
            "employer_id": employer["id"],
            "site_id": employer["sites"][0]["id"],
            "title": title,
            "language": lang,
        }
        r = api.call("POST", "/openings", user="spec.b", json=body)
        assert r.status_code == 201, r.text
        if title == "Aide-soignant":
            assert r.json()["isco_group"] == "5321"
    who = person(api, "Undersköterska")
    r = api.call(
        "POST", f"/participants/{who['id']}/leads", user="spec.b", json={"n": 2, "kinds": ["opening"]}
    )
    assert r.status_code == 200, r.text
    assert r.json()["leads"][0]["title"] == "Aide-soignant"


def test_a_skill_alias_links_a_typed_skill(api: Api) -> None:
    uri = next(iter(api.client.app.state.engine.catalog.skill_labels))  # type: ignore[attr-defined]
    body = {"kind": "skill", "language": "sv", "text": "köra truck", "esco_uri": uri}
    assert api.call("POST", "/vocabulary", user="admin", json=body).status_code == 201
    who = person(api, "Lagerarbetare", skills=[{"label": "Köra truck"}])
    assert who["skills"][0]["uri"] == uri


def test_gaps_count_unlinked_titles_and_skills(api: Api) -> None:
    r = api.call("POST", "/employers", user="spec.b", json={"name": "X AB", "sites": [SITE]})
    employer = r.json()
    for _ in range(2):
        body = {
            "employer_id": employer["id"],
            "site_id": employer["sites"][0]["id"],
            "title": "Qzxv jobb",
            "language": "sv",
        }
        assert api.call("POST", "/openings", user="spec.b", json=body).status_code == 201
    person(api, "qzxv JOBB", skills=[{"label": "Plxq wrrt"}])
    gaps = api.call("GET", "/vocabulary/gaps", user="spec.b").json()["items"]
    top = {(g["kind"], g["text"]): (g["openings"], g["participants"], g["count"]) for g in gaps}
    assert top[("occupation", "Qzxv jobb")] == (2, 1, 3)
    assert top[("skill", "Plxq wrrt")] == (0, 1, 1)
    # Another unit's specialist sees the openings' words but not this unit's people's.
    other = api.call("GET", "/vocabulary/gaps", user="spec.a").json()["items"]
    assert ("skill", "Plxq wrrt") not in {(g["kind"], g["text"]) for g in other}


def test_cli_import_is_all_or_nothing_and_names_bad_rows(tmp_path: Path) -> None:
    db = str(tmp_path / "v.duckdb")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kind,language,text,esco_uri\n"
        f"occupation,sv,Undersköterska,{NURSE_ASSISTANT}\n"
        "occupation,xx,Vårdbiträde,{NURSE_ASSISTANT}\n"
        f"occupation,sv,,{NURSE_ASSISTANT}\n"
        "occupation,sv,Vårdare,http://example.org/nope\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    r = runner.invoke(app, ["vocabulary", "import", str(bad), "--db", db])
    assert r.exit_code == 1
    assert "line 3: language" in r.stderr and "line 4: text: is empty" in r.stderr
    assert "line 5: esco_uri: unknown ESCO occupation URI" in r.stderr
    assert runner.invoke(app, ["vocabulary", "list", "--db", db]).stdout.count("\n") == 1  # header only
    good = tmp_path / "good.csv"
    good.write_text(f"kind,language,text,esco_uri\noccupation,sv,Undersköterska,{NURSE_ASSISTANT}\n")
    r = runner.invoke(app, ["vocabulary", "import", str(good), "--db", db])
    assert r.exit_code == 0, r.stderr
    r = runner.invoke(app, ["vocabulary", "import", str(good), "--db", db])  # again: unchanged
    assert '"unchanged": 1' in r.stdout
    r = runner.invoke(
        app, ["vocabulary", "add", "vårdbiträde", NURSE_ASSISTANT, "--language", "sv", "--db", db]
    )
    assert r.exit_code == 0, r.stderr
    listed = runner.invoke(app, ["vocabulary", "list", "--db", db]).stdout.splitlines()
    assert len(listed) == 3
    alias_id = listed[1].rsplit(",", 1)[1]
    assert runner.invoke(app, ["vocabulary", "remove", alias_id, "--db", db]).exit_code == 0
    assert runner.invoke(app, ["vocabulary", "gaps", "--db", db]).exit_code == 0
