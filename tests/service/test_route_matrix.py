"""Role x route matrix over every route of the app (issue 13, item 3).

The routes come from ``app.routes``: a route without an entry in `RULES` fails
`test_every_route_has_a_rule`, so a new route cannot be added without saying who may call it.
Each caller (every role of the participant's unit and of another unit, an admin, no token, a bad
token) calls every route once, on a world of its own (`unit_world`), in the app's route order.

What a rule's kind means for each caller:

=========  =================================  ==========================  ==================
kind       same unit (spec/jd/sup of A)       other unit (B) and admin    no / bad token
=========  =================================  ==========================  ==================
public     answered                           answered                    answered
shared     answered (employer data)           answered                    401 (pages: login)
unit       answered                           the reply of a missing id   401 (pages: login)
hidden     answered, showing A's data         200 without A's data        401 (pages: login)
caseload   answered                           answered; admin 403         401
sup        supervisors and admin answered, others 403                     401
=========  =================================  ==========================  ==================

"Answered" is any status but 401/403/404 and 5xx (shared writes on made-up ids may 404).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts

from service.access.tokens import create_token, revoke_token
from service.access.users import get_user
from tests.conftest import Api
from tests.service import unit_world
from tests.service.unit_world import LEARNED, OTHER_UNIT, SAME_UNIT, World, missing, same_reply


@dataclass(frozen=True)
class Rule:
    """Who may call a route; ``body`` is sent as JSON; ``fake`` names path ids replaced by made-up ones."""

    kind: str
    body: Any = None
    page: bool = False
    shows: str = ""  # hidden: "pid" or "learned", what the participant's unit must see
    fake: tuple[str, ...] = ()  # destructive shared routes: act on ids that name nothing
    overrides: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # path parameter -> world key, over PARAMS
    throwaway: bool = False  # destructive unit routes: act on a participant of unit A made for the call


PUBLIC, SHARED, UNIT, HIDDEN, CASELOAD, SUP = "public", "shared", "unit", "hidden", "caseload", "sup"
ANY_ID = ("employer_id", "opening_id", "person_id", "link_id", "record_id", "merge_id", "alias_id")
_BATCH = {"sup.b": "not_there", "admin": "ok"}
#: Only the person's own specialist or their unit's supervisor exports (a colleague gets 403).
_EXPORT = {"jd.a": "403"}
#: Erasure: the unit's supervisor or an admin; specialists and job developers of any unit get the
#: same 403 whatever the id (the role is checked first, so it tells nothing about the person).
_ERASE = {"spec.a": "403", "jd.a": "403", "spec.b": "403", "jd.b": "403", "admin": "ok"}
_ADMIN_ONLY = {"sup.a": "403", "sup.b": "403"}
#: A unit's settings: the unit's specialist and job developer may read but not change them.
_UNIT_SETTINGS = {"spec.a": "403", "jd.a": "403", "admin": "ok"}
_SUPPORT = {"contact_id": "support_contact"}
#: A "not a duplicate" pair: two employer ids (made up by `fake`: there is no decision to delete).
_PAIR = {"a_id": "employer", "b_id": "employer"}
#: A form page lists the caller's own caseload: its unit is answered (and sees its people).
_OWN_PEOPLE = dict.fromkeys(SAME_UNIT, "ok")
#: Admins hold no participant data: writes to a profile or plan get the same 403 whatever the id.
_ADMIN_WRITES = {"admin": "403"}
#: The world's disclosure plan saved again (contact allowed), so later routes see the same person.
_DISCLOSURE = {"level": "service_only", "es_may_contact_employers": True}
#: Employer-side routes: shared by the programme (writes act on made-up ids: nothing is changed).
EMPLOYER_SIDE = """
POST /employers
GET /employers
GET /employers/dormant
GET /employers/duplicates
POST /employers/duplicates/not-duplicate
GET /employers/duplicates/not-duplicate
GET /employers/merges
POST /employers/duplicates/scan
POST /employers/merges
GET /employers/merges/{merge_id}
POST /employers/merges/{merge_id}/undo
DELETE /employers/{employer_id}
GET /employers/{employer_id}
PATCH /employers/{employer_id}
POST /employers/{employer_id}/restore
POST /employers/{employer_id}/sites
POST /openings
GET /openings
DELETE /openings/{opening_id}
GET /openings/{opening_id}
PATCH /openings/{opening_id}
POST /openings/{opening_id}/restore
POST /people
GET /people
GET /people/{person_id}
PATCH /people/{person_id}
POST /people/{person_id}/employers
DELETE /people/{person_id}/employers/{link_id}
PATCH /people/{person_id}/employers/{link_id}
DELETE /people/{record_id}
POST /people/{record_id}/restore
POST /notes
GET /notes
GET /notes/{note_id}
PATCH /notes/{note_id}
DELETE /notes/{record_id}
POST /notes/{record_id}/restore
POST /tasks
GET /tasks
GET /tasks/{task_id}
PATCH /tasks/{task_id}
DELETE /tasks/{record_id}
POST /tasks/{record_id}/restore
POST /vocabulary
GET /vocabulary
GET /vocabulary/gaps
DELETE /vocabulary/{alias_id}
GET /vocabulary/{alias_id}
PATCH /vocabulary/{alias_id}
POST /vocabulary/{alias_id}/restore
"""
RULES: dict[tuple[str, str], Rule] = {
    ("GET", "/openapi.json"): Rule(PUBLIC),
    ("GET", "/docs"): Rule(PUBLIC),
    ("GET", "/redoc"): Rule(PUBLIC),
    ("GET", "/"): Rule(PUBLIC),
    ("GET", "/health"): Rule(PUBLIC),
    ("GET", "/ui/login"): Rule(PUBLIC),
    ("POST", "/ui/login"): Rule(PUBLIC),
    ("POST", "/ui/logout"): Rule(PUBLIC),
    ("GET", "/ui/lang"): Rule(PUBLIC),  # the language switcher: a cookie and a redirect
    ("GET", "/ui"): Rule(PUBLIC),
    ("POST", "/participants"): Rule(CASELOAD, body={"display_name": "Ny P."}),
    ("GET", "/participants"): Rule(HIDDEN, shows="pid"),
    ("GET", "/participants/{participant_id}"): Rule(UNIT),
    ("POST", "/participants/{participant_id}/leads"): Rule(UNIT, body={"n": 2}),
    ("GET", "/participants/{participant_id}/leads"): Rule(UNIT),
    ("POST", "/leads/{lead_id}/feedback"): Rule(UNIT, body={"feedback": "pursued"}),
    ("GET", "/batches/{batch_id}"): Rule(UNIT, overrides={"admin": "ok"}),
    ("GET", "/batches/{batch_id}/participants/{participant_id}"): Rule(UNIT),
    ("POST", "/batches"): Rule(SUP, body="batch", overrides=_BATCH),
    ("GET", "/audit"): Rule(SUP),
    ("GET", "/reports/fidelity"): Rule(SUP),
    ("GET", "/reports/outcomes"): Rule(SUP),
    ("GET", "/reports/key-dates"): Rule(SUP),
    ("GET", "/reports/ips-grow"): Rule(SUP),
    ("GET", "/reports/team"): Rule(SUP),
    # a supervisor's own unit (admin: 422 until a unit is named)
    ("GET", "/reports/hand-ratings"): Rule(SUP),
    ("PUT", "/reports/hand-ratings"): Rule(SUP, body={"ratings": [{"item": "S2", "rating": 4}]}),
    ("POST", "/admin/backup"): Rule(SUP, overrides=_ADMIN_ONLY),
    # a unit's settings: its team reads them, its supervisor (or an admin) changes them
    ("GET", "/units/{unit_id}/settings"): Rule(UNIT, overrides={"admin": "ok"}),
    ("PUT", "/units/{unit_id}/settings"): Rule(UNIT, body={"travel_area_km": 30}, overrides=_UNIT_SETTINGS),
    ("GET", "/auth/tokens"): Rule(SHARED),
    ("DELETE", "/auth/tokens/{token_id}"): Rule(SHARED),
    ("GET", "/participants/{participant_id}/leads/funnel"): Rule(UNIT),
    # admins hold no participant data: the same 403 whatever the id (as for POST /participants)
    ("PATCH", "/participants/{participant_id}"): Rule(
        UNIT, body={"display_name": "Sara L."}, overrides={"admin": "403"}
    ),
    ("GET", "/participants/{participant_id}/history"): Rule(UNIT),
    ("PUT", "/participants/{participant_id}/profile"): Rule(
        UNIT, body={"goals": "Work outdoors"}, overrides=_ADMIN_WRITES
    ),
    ("GET", "/participants/{participant_id}/profile"): Rule(UNIT),
    ("GET", "/participants/{participant_id}/profile/versions"): Rule(UNIT),
    ("PUT", "/participants/{participant_id}/plans/job_search"): Rule(UNIT, body={}, overrides=_ADMIN_WRITES),
    ("PUT", "/participants/{participant_id}/plans/disclosure"): Rule(
        UNIT, body=_DISCLOSURE, overrides=_ADMIN_WRITES
    ),
    ("PUT", "/participants/{participant_id}/plans/benefits"): Rule(UNIT, body={}, overrides=_ADMIN_WRITES),
    ("GET", "/participants/{participant_id}/plans/{kind}"): Rule(UNIT),
    ("GET", "/participants/{participant_id}/plans/{kind}/versions"): Rule(UNIT),
    ("POST", "/participants/{participant_id}/plans/disclosure/discussions"): Rule(
        UNIT, body={"discussed_on": "2026-01-10", "topics": ["pros_cons"]}, overrides=_ADMIN_WRITES
    ),
    ("GET", "/participants/{participant_id}/plans/disclosure/discussions"): Rule(UNIT),
    ("POST", "/participants/{participant_id}/jobs"): Rule(UNIT, body="job"),
    ("GET", "/participants/{participant_id}/jobs"): Rule(UNIT),
    ("GET", "/participants/{participant_id}/jobs/{job_id}"): Rule(UNIT),
    ("PATCH", "/participants/{participant_id}/jobs/{job_id}"): Rule(UNIT, body={"hours_week": 25}),
    ("POST", "/participants/{participant_id}/education"): Rule(
        UNIT, body={"institution": "Komvux", "level": "adult_education", "start_date": "2026-01-12"}
    ),
    ("GET", "/participants/{participant_id}/education"): Rule(UNIT),
    ("GET", "/participants/{participant_id}/education/{education_id}"): Rule(UNIT),
    ("PATCH", "/participants/{participant_id}/education/{education_id}"): Rule(
        UNIT, body={"programme": "Vård och omsorg"}
    ),
    ("POST", "/participants/{participant_id}/support-contacts"): Rule(
        UNIT, body={"contact_date": "2026-03-04", "mode": "phone", "with_whom": ["participant"]}
    ),
    ("GET", "/participants/{participant_id}/support-contacts"): Rule(UNIT),
    ("PATCH", "/participants/{participant_id}/support-contacts/{contact_id}"): Rule(
        UNIT, body={"location": "workplace"}, ids=_SUPPORT
    ),
    ("GET", "/participants/{participant_id}/follow-along"): Rule(UNIT),
    ("GET", "/participants/{participant_id}/export"): Rule(UNIT, overrides=_EXPORT),
    ("POST", "/participants/{participant_id}/erase"): Rule(
        UNIT, body={"mode": "pseudonymise"}, overrides=_ERASE, throwaway=True
    ),
    ("GET", "/participants/{participant_id}/consents"): Rule(UNIT),
    ("POST", "/participants/{participant_id}/consents"): Rule(
        UNIT, body={"purpose": "team_sharing", "state": "given"}
    ),
    ("POST", "/ui/leads/{lead_id}/feedback"): Rule(UNIT, body={"feedback": "pursued"}),
    ("POST", "/ui/employers/duplicates/not-duplicate"): Rule(SHARED, body={}),
    ("POST", "/contacts"): Rule(SHARED, body={}),
    ("GET", "/contacts"): Rule(HIDDEN, shows="learned"),
    ("GET", "/contacts/{contact_id}"): Rule(HIDDEN, shows="learned"),
    ("PATCH", "/contacts/{contact_id}"): Rule(UNIT, body={"next_step": "Visit again"}),
    ("DELETE", "/contacts/{record_id}"): Rule(UNIT),
    ("POST", "/contacts/{record_id}/restore"): Rule(UNIT),
    ("GET", "/employers/{employer_id}/timeline"): Rule(HIDDEN, shows="learned"),
    # another unit's specialist answers like a username that names nobody (no enumeration); admin
    # sees the week with participant details redacted (admins belong to no unit)
    ("GET", "/specialists/{username}/week"): Rule(UNIT, shows="learned", overrides={"admin": "hidden"}),
    ("GET", "/exports/{entity}"): Rule(HIDDEN, shows="pid"),
    ("POST", "/imports"): Rule(SHARED),
    ("GET", "/imports/{import_id}"): Rule(UNIT),
    ("GET", "/imports/{import_id}/failed-rows"): Rule(UNIT),
    ("POST", "/imports/{import_id}/revert"): Rule(UNIT),
    ("GET", "/ui/participants"): Rule(HIDDEN, page=True, shows="pid"),
    ("GET", "/ui/reports"): Rule(SUP, page=True),
    ("POST", "/ui/reports/hand-ratings"): Rule(SUP, body={}, page=True),
    ("GET", "/ui/team"): Rule(SUP, page=True),
    ("GET", "/ui/participants/{participant_id}"): Rule(UNIT, page=True),
    ("GET", "/ui/employers/{employer_id}"): Rule(HIDDEN, page=True, shows="learned"),
    ("GET", "/ui/employers"): Rule(SHARED, page=True),
    ("GET", "/ui/openings"): Rule(SHARED, page=True),
    ("GET", "/ui/employers/dormant"): Rule(SHARED, page=True),
    ("GET", "/ui/employers/duplicates"): Rule(SHARED, page=True),
    # safe merge (service/web/merge_pages.py): employers are shared; a merge or "not a duplicate"
    # decision belongs to its maker's unit, and the world has none (ids that name nothing: 404)
    ("GET", "/ui/employers/merge"): Rule(SHARED, page=True),
    ("POST", "/ui/employers/merge"): Rule(SHARED, body={}, page=True),
    ("GET", "/ui/employers/merges"): Rule(SHARED, page=True),
    ("GET", "/ui/employers/merges/{merge_id}/undo"): Rule(SHARED, page=True, fake=ANY_ID),
    ("POST", "/ui/employers/merges/{merge_id}/undo"): Rule(SHARED, body={}, page=True, fake=ANY_ID),
    ("POST", "/ui/employers/duplicates/not-duplicate/undo"): Rule(SHARED, body={}, page=True),
    ("DELETE", "/employers/duplicates/not-duplicate/{a_id}/{b_id}"): Rule(
        SHARED, ids=_PAIR, fake=("a_id", "b_id")
    ),
    ("GET", "/ui/week"): Rule(HIDDEN, page=True),  # own follow-along items name own participants
    ("GET", "/ui/calendar"): Rule(HIDDEN, page=True),  # the same: own follow-ups and follow-along items
    ("GET", "/ui/employers/board"): Rule(SHARED, page=True),
    ("POST", "/ui/employers/{employer_id}/move"): Rule(SHARED, body={}, page=True, fake=ANY_ID),
    # the pages' HTML forms (service/web/forms_*.py): an empty form answers 422 with the form again,
    # whose participant choices are the caller's own caseload (so the same unit sees its people)
    ("GET", "/ui/contacts/new"): Rule(HIDDEN, page=True),
    ("POST", "/ui/contacts"): Rule(SHARED, body={}, page=True, overrides=_OWN_PEOPLE),
    ("POST", "/ui/tasks/{task_id}/done"): Rule(SHARED, body={}, page=True, fake=("task_id",)),
    ("POST", "/ui/employers/{employer_id}/notes"): Rule(SHARED, body={}, page=True, fake=ANY_ID),
    ("POST", "/ui/employers/{employer_id}/stage"): Rule(SHARED, body={}, page=True, fake=ANY_ID),
    ("GET", "/ui/employers/new"): Rule(SHARED, page=True),
    ("POST", "/ui/employers/new"): Rule(SHARED, body={}, page=True),
    **{
        (method, f"/ui/employers/{{employer_id}}{path}"): (
            Rule(SHARED, page=True) if method == "GET" else Rule(SHARED, body={}, page=True, fake=ANY_ID)
        )
        for method in ("GET", "POST")
        for path in (
            *("/edit", "/people/new", "/people/{person_id}/edit"),
            *("/openings/new", "/openings/{opening_id}/edit"),
        )
    },
    # The import wizard: any signed-in user imports (as POST /imports); a run is its unit's.
    ("GET", "/ui/imports"): Rule(SHARED, page=True),
    ("POST", "/ui/imports/upload"): Rule(SHARED, body={}, page=True),
    ("POST", "/ui/imports/preview"): Rule(SHARED, body={}, page=True),
    ("POST", "/ui/imports/apply"): Rule(SHARED, body={}, page=True),
    ("GET", "/ui/imports/{import_id}"): Rule(UNIT, page=True),
    ("GET", "/ui/imports/{import_id}/failed-rows"): Rule(UNIT, page=True),
    ("POST", "/ui/imports/{import_id}/revert"): Rule(UNIT, body={}, page=True),
    ("GET", "/ui/participants/{participant_id}/profile"): Rule(UNIT, page=True),
    ("POST", "/ui/participants/{participant_id}/profile"): Rule(UNIT, body={}, page=True),
    ("GET", "/ui/participants/{participant_id}/jobs/new"): Rule(UNIT, page=True),
    ("POST", "/ui/participants/{participant_id}/jobs"): Rule(UNIT, body={}, page=True),
    ("POST", "/ui/participants/{participant_id}/support-contacts"): Rule(UNIT, body={}, page=True),
    **{
        (method, path): Rule(SHARED, body={} if method in ("POST", "PATCH") else None, fake=ANY_ID)
        for method, path in (line.split() for line in EMPLOYER_SIDE.strip().splitlines())
    },
}
#: Path parameter -> the world's record it names (``record_id`` by the collection, see `_path`).
PARAMS = {
    "participant_id": "participant", "lead_id": "lead", "batch_id": "batch", "contact_id": "contact",
    "import_id": "import", "employer_id": "employer", "opening_id": "opening", "person_id": "person",
    "link_id": "link", "note_id": "note", "task_id": "task", "job_id": "job",
    "education_id": "education", "unit_id": "unit",
}  # fmt: skip


def _spent_token(api: Api, *, expired: bool) -> dict[str, str]:
    """spec.a's token that expired a second ago, or one that was revoked."""
    db = api.client.app.state.db  # type: ignore[attr-defined]
    user_id = get_user(db, username="spec.a").id  # type: ignore[union-attr]
    token = create_token(db, user_id=user_id, hours=-1 / 3600 if expired else 1)
    if not expired:
        revoke_token(db, token=token)
    return {"Authorization": f"Bearer {token}"}


#: Callers without a valid token: name -> headers; each gets exactly what "none" gets.
TOKENLESS: dict[str, Callable[[Api], dict[str, str]]] = {
    "none": lambda api: {},
    "bad": lambda api: {"Authorization": "Bearer ipsm_not-a-real-token"},
    "expired": lambda api: _spent_token(api, expired=True),
    "revoked": lambda api: _spent_token(api, expired=False),
}
CALLERS = [*SAME_UNIT, *OTHER_UNIT, "admin", *TOKENLESS]


def _routes(api: Api) -> list[tuple[str, str]]:
    out = []
    for route in iter_route_contexts(api.client.app.routes):
        for method in sorted(set(route.methods or ()) - {"HEAD"}):
            out.append((method, str(route.path)))
    return out


def test_every_route_has_a_rule(api: Api) -> None:
    routes = [r for r in _routes(api) if r[1] != "/static"]
    assert [r for r in routes if r not in RULES] == []
    assert [r for r in RULES if r not in routes] == []  # no rule for a route that is gone


def _expected(rule: Rule, caller: str) -> str:
    if caller in rule.overrides:
        return rule.overrides[caller]
    if rule.kind == PUBLIC:
        return "answered"
    if caller in TOKENLESS:
        return "login" if rule.page else "401"
    if rule.kind == SHARED:
        return "shared"
    mine = caller in SAME_UNIT
    if rule.kind == SUP:
        return "ok" if caller.startswith("sup.") or caller == "admin" else "403"
    if rule.kind == CASELOAD:
        return "403" if caller == "admin" else "ok"
    if rule.kind == HIDDEN:
        return "ok" if mine else "hidden"
    return "ok" if mine else "not_there"


def _path(world: World, path: str, rule: Rule, fake: bool) -> tuple[str, str, str]:
    """``path`` filled with the world's ids; the unit-A id it names and its stand-in (or "")."""
    real = stand_in = ""
    for name, key in [*(PARAMS | rule.ids).items(), ("record_id", path.split("/")[1].rstrip("s"))]:
        if "{" + name + "}" not in path:
            continue
        value = missing() if name in rule.fake else world.ids.get(key, missing())
        if rule.kind == UNIT and not real:
            real, stand_in = value, missing()
        path = path.replace("{" + name + "}", stand_in if fake and value == real else value)
    path = (
        path.replace("{username}", "spec.a").replace("{entity}", "contacts").replace("{kind}", "disclosure")
    )
    return path, real, stand_in


def _call(world: World, caller: str, method: str, path: str, rule: Rule, fake: bool = False) -> Any:
    if rule.throwaway:
        made = world.api.call("POST", "/participants", user="spec.a", json={"display_name": "Ola T."})
        world = World(world.api, {**world.ids, "participant": made.json()["id"]})
    url, real, stand_in = _path(world, path, rule, fake)
    body = _BODIES[rule.body](world) if isinstance(rule.body, str) else rule.body
    kw: dict[str, Any] = {"json": body} if body is not None else {}
    if method == "POST" and path == "/imports":
        kw = {"files": {"file": ("e.csv", b"name\nNy AB\n", "text/csv")}, "data": {"entity": "employers"}}
    if caller in TOKENLESS:
        reply = world.api.client.request(method, url, headers=TOKENLESS[caller](world.api), **kw)
    else:
        reply = world.api.call(method, url, user=caller, **kw)
    return reply, real, stand_in


#: Bodies that name the world's records.
_BODIES: dict[str, Callable[[World], Any]] = {
    "batch": lambda w: {"batch_id": w.ids["batch"], "leads": 2},
    "job": lambda w: {"employer_id": w.ids["employer"], "start_date": "2026-04-01", "title": "Porter"},
}


@pytest.mark.parametrize("caller", CALLERS)
def test_each_caller_gets_what_the_rules_say_on_every_route(api: Api, caller: str) -> None:
    world = unit_world.build(api)
    api.client.follow_redirects = False
    wrong = []
    for method, path in _routes(api):
        rule = RULES.get((method, path))
        if rule is None:
            continue  # test_every_route_has_a_rule fails for it
        want = _expected(rule, caller)
        reply, real, _ = _call(world, caller, method, path, rule)
        ok = _as_expected(world, rule, want, reply)
        if ok and want == "not_there":  # exactly what an id that names nothing gets
            nothing, _, stand_in = _call(world, caller, method, path, rule, fake=True)
            ok = same_reply(reply, nothing, real, stand_in)
        if not ok:
            wrong.append(f"{method} {path}: wanted {want}, got {reply.status_code} {reply.text[:120]}")
    assert not wrong, "\n".join(wrong)


def _as_expected(world: World, rule: Rule, want: str, reply: Any) -> bool:
    status, text = reply.status_code, reply.text
    if status >= 500:
        return False
    leaked = world.ids["participant"] in text or LEARNED in text
    return {
        "answered": status != 401,
        "shared": status not in (401, 403) and not leaked,
        "ok": status not in (401, 403, 404)
        and (not rule.shows or (world.ids["participant"] if rule.shows == "pid" else LEARNED) in text),
        "hidden": status == 200 and not leaked,
        "not_there": status == 404 and LEARNED not in text,  # the id asked is echoed; same_reply compares
        "403": status == 403 and not leaked,
        "401": status == 401,
        "login": status == 303 and reply.headers.get("location", "").endswith("/ui/login"),
    }[want]
