"""A two-unit programme for the unit-line tests: every role in both units, and unit A's records.

Unit A (``ids["unit"]``) holds a participant, a contact naming them (with participant text in ``learned``), a
recorded lead, an applied contacts import with a bad row, a batch started by A's supervisor and, after
it, a job, an education episode and a support contact of the participant.
Employer-side records (employer, opening, person, note, task, alias) are shared by the programme.
"""

from __future__ import annotations

import io
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from service.access.users import create_token, create_users, get_user
from tests.conftest import Api
from tests.service.crm_helpers import contact
from tests.service.test_api import _employer, _opening, _participant

#: Users added to the conftest's spec.a, sup.a, spec.b and admin.
EXTRA_USERS = [
    {"username": "jd.a", "role": "job_developer", "unit_id": "unit-a"},
    {"username": "jd.b", "role": "job_developer", "unit_id": "unit-b"},
    {"username": "sup.b", "role": "supervisor", "unit_id": "unit-b"},
]
SAME_UNIT = ("spec.a", "jd.a", "sup.a")
OTHER_UNIT = ("spec.b", "jd.b", "sup.b")
LEARNED = "Introduced Sara L. to the warehouse manager; she starts on Monday."


@dataclass
class World:
    """Ids of unit A's records and of the shared ones, by name (as the matrix's paths use them)."""

    api: Api
    ids: dict[str, str] = field(default_factory=dict)


def add_users(api: Api) -> None:
    """Job developers of both units and unit B's supervisor, with tokens in ``api.tokens``."""
    create_users(api.db, users=EXTRA_USERS)
    for u in EXTRA_USERS:
        user = get_user(api.db, username=u["username"])
        assert user is not None
        api.tokens[u["username"]] = create_token(api.db, user_id=user.id)


def build(api: Api, *, batch: bool = True) -> World:
    """The world on a fresh ``api`` (see the module docstring)."""
    add_users(api)
    world = World(api)
    emp = _employer(api)
    opening = _opening(api, emp)
    pid = _participant(api, disclosure={"level": "service_only", "es_may_contact_employers": True})["id"]
    person = api.call(
        "POST", "/people", json={"full_name": "Eva Ek", "employers": [{"employer_id": emp["id"]}]}
    )
    assert person.status_code == 201, person.text
    note = api.call("POST", "/notes", json={"employer_id": emp["id"], "body": "Parking at the back"})
    task = api.call(
        "POST", "/tasks", json={"employer_id": emp["id"], "title": "Call back", "due_on": "2030-01-01"}
    )
    assert note.status_code == 201 and task.status_code == 201, (note.text, task.text)
    linked = contact(api, emp["id"], participant_id=pid, learned=LEARNED, purpose="candidate_introduction")
    leads = api.call("POST", f"/participants/{pid}/leads", json={"n": 3}).json()["leads"]
    assert leads, "the world needs a recorded lead"
    world.ids |= {
        "employer": emp["id"],
        "site": emp["sites"][0]["id"],
        "opening": opening["id"],
        "participant": pid,
        "person": person.json()["id"],
        "link": person.json()["employers"][0]["id"],
        "note": note.json()["id"],
        "task": task.json()["id"],
        "contact": linked["id"],
        "lead": leads[0]["lead_id"],
        "import": import_contacts(api, emp["id"], pid),
        "unit": "unit-a",
    }
    if batch:  # then a job: its start ends the job search, so a batch run later would skip the person
        world.ids["batch"] = run_batch(api, "sup.a")
        world.ids |= _episodes(api, pid, emp["id"])
    return world


def _episodes(api: Api, pid: str, employer_id: str) -> dict[str, str]:
    """A job, an education episode and a support contact of ``pid`` (unit A); their ids."""
    made = {
        "job": api.call(
            "POST",
            f"/participants/{pid}/jobs",
            json={"employer_id": employer_id, "start_date": "2026-03-02", "title": "Kitchen assistant"},
        ),
        "education": api.call(
            "POST",
            f"/participants/{pid}/education",
            json={"institution": "Komvux", "level": "adult_education", "start_date": "2026-01-12"},
        ),
        "support_contact": api.call(
            "POST",
            f"/participants/{pid}/support-contacts",
            json={"contact_date": "2026-03-03", "mode": "face_to_face", "with_whom": ["participant"]},
        ),
    }
    assert all(r.status_code == 201 for r in made.values()), {k: r.text for k, r in made.items()}
    return {key: str(r.json()["id"]) for key, r in made.items()}


def import_contacts(api: Api, employer_id: str, pid: str, user: str = "spec.a") -> str:
    """An applied contacts import (skip_bad_rows) linking ``pid``, with one bad row; its id."""
    csv = (
        "employer_id,occurred_at,mode,purpose,learned,participant_id\n"
        f"{employer_id},2026-01-05T10:00:00Z,phone,follow_up,Sara L. asked about hours,{pid}\n"
        f"{employer_id},not a date,phone,follow_up,Sara L. again,{pid}\n"
    )
    r = api.call(
        "POST",
        "/imports",
        user=user,
        files={"file": ("contacts.csv", io.BytesIO(csv.encode()), "text/csv")},
        data={"entity": "contacts", "skip_bad_rows": "true"},
    )
    assert r.status_code == 201 and r.json()["status"] == "applied", r.text
    return str(r.json()["id"])


def run_batch(api: Api, user: str) -> str:
    """Start a batch as ``user`` and wait until it ends; its id."""
    r = api.call("POST", "/batches", user=user, json={"leads": 2})
    assert r.status_code == 202, r.text
    batch_id = str(r.json()["id"])
    for _ in range(600):
        status = api.call("GET", f"/batches/{batch_id}", user=user).json()["status"]
        if status in ("finished", "failed"):
            assert status == "finished"
            return batch_id
        time.sleep(0.1)
    raise AssertionError("the batch did not finish in 60 s")


def missing() -> str:
    """An id that names nothing."""
    return str(uuid.uuid4())


def same_reply(a: Any, b: Any, real: str, fake: str) -> bool:
    """Whether two answers are the same but for the id asked (status and body)."""
    return a.status_code == b.status_code and a.text.replace(real, "<id>") == b.text.replace(fake, "<id>")
