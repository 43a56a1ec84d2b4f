"""The plans' content and checks: job search, disclosure and benefits plans (pure, no SQL).

Bodies are JSON objects; dates are ISO days (YYYY-MM-DD), hours per week, earnings in the local
currency per ``earnings_period``.

job_search   targets [{kind: occupation|sector|employer, label, uri, code, employer_id}]
             (``from_preferences`` is set by the store: the target is a liked occupation or sector
             of the current profile), actions [{what, owner: participant|specialist|both|other,
             due, done_at}], reviewed_at, next_review_at
disclosure   level (none, service_only, partial, full), es_may_contact_employers, who_discloses
             (participant, specialist, joint), when (application, interview, offer, after_start,
             if_needed), approved_statements [str] (screened), employer_overrides
             [{employer_id, may_contact}], next_review_at
benefits     status (kept for counselling, never ranked), hours_threshold, earnings_threshold,
             earnings_period (week, month, year), offered_at, completed_at, planner,
             planner_trained, better_off_calc_at, notes
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, get_args

from matching.types import DISCLOSURE_LEVELS
from participants.errors import InvalidError
from participants.lifecycle import as_date
from participants.models import BENEFIT_STATUSES
from participants.screening import Warning, screen
from storekit.checks import check_choice

#: The allowed values as `Literal` types (the API's schemas use these) and as tuples (the checks).
PlanKind = Literal["job_search", "disclosure", "benefits"]
TargetKind = Literal["occupation", "sector", "employer"]
Owner = Literal["participant", "specialist", "both", "other"]
WhoDiscloses = Literal["participant", "specialist", "joint"]
When = Literal["application", "interview", "offer", "after_start", "if_needed"]
Period = Literal["week", "month", "year"]
Topic = Literal["pros_cons", "accommodations", "wording", "revisit"]
KINDS: tuple[PlanKind, ...] = get_args(PlanKind)
TARGET_KINDS: tuple[TargetKind, ...] = get_args(TargetKind)
OWNERS: tuple[Owner, ...] = get_args(Owner)
WHO_DISCLOSES: tuple[WhoDiscloses, ...] = get_args(WhoDiscloses)
WHEN: tuple[When, ...] = get_args(When)
PERIODS: tuple[Period, ...] = get_args(Period)
TOPICS: tuple[Topic, ...] = get_args(Topic)
_KEYS = {
    "job_search": ("targets", "actions", "reviewed_at", "next_review_at"),
    "disclosure": (
        "level", "es_may_contact_employers", "who_discloses", "when", "approved_statements",
        "employer_overrides", "next_review_at",
    ),
    "benefits": (
        "status", "hours_threshold", "earnings_threshold", "earnings_period", "offered_at", "completed_at",
        "planner", "planner_trained", "better_off_calc_at", "notes",
    ),
}  # fmt: skip


def build(kind: str, values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Warning]]:
    """A checked plan body of ``kind`` and its screening warnings; InvalidError on a bad field."""
    check_choice("kind", kind, KINDS)
    unknown = sorted(set(values) - set(_KEYS[kind]))
    if unknown:
        raise InvalidError(unknown[0], f"is not a {kind} plan field")
    body = {k: values.get(k) for k in _KEYS[kind]}
    return {"job_search": _job_search, "disclosure": _disclosure, "benefits": _benefits}[kind](body)


def _job_search(body: dict[str, Any]) -> tuple[dict[str, Any], list[Warning]]:
    targets = []
    for i, t in enumerate(body["targets"] or ()):
        check_choice(f"targets.{i}.kind", t.get("kind"), TARGET_KINDS)
        if not (t.get("label") or t.get("code") or t.get("employer_id")):
            raise InvalidError(f"targets.{i}", "needs a label, a code or an employer_id")
        if t["kind"] == "employer" and not t.get("employer_id"):
            raise InvalidError(f"targets.{i}.employer_id", "is required for an employer target")
        targets.append({k: str(t.get(k) or "") for k in ("kind", "label", "uri", "code", "employer_id")})
    actions = []
    for i, a in enumerate(body["actions"] or ()):
        if not str(a.get("what") or "").strip():
            raise InvalidError(f"actions.{i}.what", "is required")
        check_choice(f"actions.{i}.owner", a.get("owner"), OWNERS)
        due, done = (
            as_date(f"actions.{i}.due", a.get("due")),
            as_date(f"actions.{i}.done_at", a.get("done_at")),
        )
        actions.append(
            {
                "what": str(a["what"]).strip(),
                "owner": a.get("owner") or "specialist",
                "due": due,
                "done_at": done,
            }
        )
    body["targets"], body["actions"] = targets, actions
    _dates(body, "reviewed_at", "next_review_at")
    return body, []


def _disclosure(body: dict[str, Any]) -> tuple[dict[str, Any], list[Warning]]:
    body["level"] = body["level"] or "none"
    check_choice("level", body["level"], DISCLOSURE_LEVELS)
    may = body["es_may_contact_employers"] = bool(body["es_may_contact_employers"])
    if body["level"] == "none" and may:
        raise InvalidError(
            "es_may_contact_employers",
            "contradicts level 'none': the specialist approaching an employer tells them the person gets "
            "support; choose level service_only (or higher), or no employer contact",
        )
    check_choice("who_discloses", body["who_discloses"], WHO_DISCLOSES)
    body["when"] = list(body["when"] or ())
    for i, w in enumerate(body["when"]):
        check_choice(f"when.{i}", w, WHEN)
    overrides, seen = [], set()
    for i, o in enumerate(body["employer_overrides"] or ()):
        eid = str(o.get("employer_id") or "")
        if not eid or eid in seen:
            raise InvalidError(f"employer_overrides.{i}.employer_id", "is required, once per employer")
        if body["level"] == "none" and o.get("may_contact"):
            raise InvalidError(f"employer_overrides.{i}.may_contact", "contradicts level 'none'")
        seen.add(eid)
        overrides.append({"employer_id": eid, "may_contact": bool(o.get("may_contact"))})
    body["employer_overrides"] = overrides
    if (
        body["who_discloses"] in ("specialist", "joint")
        and not may
        and not any(o["may_contact"] for o in overrides)
    ):
        raise InvalidError("who_discloses", "the specialist cannot disclose without employer contact allowed")
    body["approved_statements"] = [
        str(s).strip() for s in body["approved_statements"] or () if str(s).strip()
    ]
    _dates(body, "next_review_at")
    return body, screen("approved_statements", body["approved_statements"])


def _benefits(body: dict[str, Any]) -> tuple[dict[str, Any], list[Warning]]:
    body["status"] = body["status"] or "none"
    check_choice("status", body["status"], BENEFIT_STATUSES)
    check_choice("earnings_period", body["earnings_period"], PERIODS)
    for name in ("hours_threshold", "earnings_threshold"):
        if body[name] is not None and body[name] < 0:
            raise InvalidError(name, "must not be negative")
    if body["earnings_threshold"] is not None and body["earnings_period"] is None:
        raise InvalidError("earnings_period", "is required with an earnings_threshold")
    _dates(body, "offered_at", "completed_at", "better_off_calc_at")
    if body["offered_at"] and body["completed_at"] and body["completed_at"] < body["offered_at"]:
        raise InvalidError("completed_at", "must not be before offered_at")
    body["planner_trained"] = bool(body["planner_trained"])
    body["planner"], body["notes"] = str(body["planner"] or ""), str(body["notes"] or "")
    return body, []


def check_discussion(values: Mapping[str, Any]) -> tuple[Any, list[str], str]:
    """(day, topics, note) of a disclosure discussion; InvalidError on a bad field."""
    day = as_date("discussed_on", values.get("discussed_on"))
    if day is None:
        raise InvalidError("discussed_on", "is required")
    topics = list(dict.fromkeys(values.get("topics") or ()))
    if not topics:
        raise InvalidError("topics", f"name at least one of {', '.join(TOPICS)}")
    for i, t in enumerate(topics):
        check_choice(f"topics.{i}", t, TOPICS)
    return day, topics, str(values.get("note") or "")


def _dates(body: dict[str, Any], *names: str) -> None:
    for name in names:
        body[name] = as_date(name, body[name])
