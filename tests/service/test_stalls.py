"""Nothing stalls the server: reads answer while a large import runs against the same app."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from service.api.schemas.participants import MAX_SKILLS
from tests.conftest import Api
from tests.service.crm_helpers import participant

ROWS = 800
#: Each read must answer within this share of the import's own length (a read used to wait for the
#: whole import). Relative, not absolute seconds, so a loaded machine slows both alike.
READ_SHARE = 0.5


def _employers_csv(count: int) -> bytes:
    lines = [f"Firma{i:05d} Lager{i:05d},55{i:08d}" for i in range(count)]
    return ("name,registry_number\n" + "\n".join(lines) + "\n").encode()


def test_reads_and_a_participant_answer_while_a_large_import_runs(api: Api) -> None:
    person = participant(api)
    result: dict[str, Any] = {}

    def run_import() -> None:
        files = {"file": ("big.csv", _employers_csv(ROWS))}
        result["import"] = api.call("POST", "/imports", files={**files}, data={"entity": "employers"})

    thread = threading.Thread(target=run_import)
    began = time.perf_counter()
    thread.start()
    times: list[float] = []
    while thread.is_alive():
        for url in (f"/participants/{person['id']}", "/employers?limit=20"):
            started = time.perf_counter()
            r = api.call("GET", url)
            times.append(time.perf_counter() - started)
            assert r.status_code == 200, r.text
    thread.join()
    import_s = time.perf_counter() - began
    assert result["import"].status_code == 201, result["import"].text
    assert result["import"].json()["created"] == ROWS
    assert len(times) >= 10, "the import finished before the reads could overlap it"
    assert max(times) < READ_SHARE * import_s, (import_s, sorted(times)[-5:])
    audit = api.db.cursor().execute(
        "SELECT count(*) FROM app_audit_log WHERE action = 'read' AND entity_id = ?", [person["id"]]
    )
    assert audit.fetchone()[0] >= len(times) // 2  # every participant read was audited


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"skills": [{"label": f"skill {i}"} for i in range(MAX_SKILLS + 1)]}, ("body", "skills")),
        ({"skills": [{"label": "x" * 201}]}, ("body", "skills", 0, "label")),
        ({"preferences": {"preferred_occupations": [{"label": "x" * 121}]}}, None),
        ({"preferences": {"goals": "x" * 1001}}, ("body", "preferences", "goals")),
        ({"preferences": {"liked_sectors": ["x" * 11]}}, ("body", "preferences", "liked_sectors", 0)),
        (
            {"disclosure": {"approved_statements": ["x" * 501]}},
            ("body", "disclosure", "approved_statements", 0),
        ),
    ],
)
def test_profile_fields_are_bounded_with_clear_422s(
    api: Api, body: dict[str, Any], loc: tuple[Any, ...] | None
) -> None:
    r = api.call("POST", "/participants", json={"display_name": "Sara L.", **body})
    assert r.status_code == 422, r.text
    locs = [tuple(e["loc"]) for e in r.json()["detail"]]
    want = loc or ("body", "preferences", "preferred_occupations", 0, "label")
    assert want in locs, locs


def test_the_largest_allowed_profile_is_accepted_quickly(api: Api) -> None:
    skills = [{"label": f"operate machine number {i} " + "x" * 170} for i in range(MAX_SKILLS)]
    started = time.perf_counter()
    r = api.call("POST", "/participants", json={"display_name": "Sara L.", "skills": skills})
    assert r.status_code == 201, r.text
    assert len(r.json()["skills"]) == MAX_SKILLS
    assert time.perf_counter() - started < 10
