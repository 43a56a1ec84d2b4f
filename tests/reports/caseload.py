"""A hand-built caseload: 2 specialists, 8 participants, 12 employer contacts, 7 jobs, H1 2024.

Every expected figure in test_known_answers.py is worked out by hand there from these rows.
Window: 2024-01-01..2024-06-30 (182 days; Q1 and Q2 are 91 days each; 2024 is a leap year).
Rules: the defaults (GB, entry = first meeting, active = open + contact in the last 28 days, 4
paid hours, 13 weeks, subsidised not competitive, minimum wage GB 2023 10.42 / 2024 11.44)
except ``follow_along_months=3``, so V12 checks stop after month 3 and stay countable by hand.

Who is who:
  es-a (unit u1, 1.0 FTE, on leave 2024-05-01..05-14) holds P1–P4;
  es-b (unit u2, 0.5 FTE) holds P5–P8.
  P3 entered in 2023 and is paused from 2024-06-01; P4 was employed (at risk) at entry;
  P5 left on 2024-03-20 ("moved away") and is in education; P7 was closed on 2024-06-10 for
  "missed appointments"; P8's referral was closed on 2024-05-25 as "Not ready" before entry.
"""

from __future__ import annotations

import datetime as dt

from reports.frames import Caseload, frame
from reports.periods import Window
from reports.rules import ProgrammeRules

WINDOW = Window(dt.date(2024, 1, 1), dt.date(2024, 6, 30), "2024H1")
RULES = ProgrammeRules(follow_along_months=3)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _person(
    pid: str, es: str, unit: str, ref: str, acc: str | None, meet: str | None, status: str, **kw: object
):
    return {
        "participant_id": pid, "unit": unit, "specialist": es, "referral_source": kw.get("source", "mh_team"),
        "referred_at": d(ref), "accepted_at": acc and d(acc), "first_meeting_at": meet and d(meet),
        "employment_status_at_entry": status, "closed_at": kw.get("closed") and d(str(kw["closed"])),
        "closure_reason": kw.get("reason"),
    }  # fmt: skip


PARTICIPANTS = [
    _person("P1", "es-a", "u1", "2023-12-01", "2023-12-05", "2024-01-08", "unemployed"),
    _person("P2", "es-a", "u1", "2024-01-02", "2024-01-03", "2024-01-10", "unemployed", source="self"),
    _person("P3", "es-a", "u1", "2023-10-01", "2023-10-02", "2023-10-09", "inactive"),
    _person("P4", "es-a", "u1", "2024-02-01", "2024-02-02", "2024-02-05", "employed_at_risk"),
    _person("P5", "es-b", "u2", "2024-01-15", "2024-01-16", "2024-01-22", "unemployed",
            closed="2024-03-20", reason="moved away"),
    _person("P6", "es-b", "u2", "2024-03-01", "2024-03-04", "2024-03-11", "unemployed"),
    _person("P7", "es-b", "u2", "2024-04-01", "2024-04-02", "2024-04-08", "unemployed",
            closed="2024-06-10", reason="Missed appointments"),
    _person("P8", "es-b", "u2", "2024-05-20", None, None, "unemployed", closed="2024-05-25", reason="Not ready"),  # noqa: E501
]  # fmt: skip

STATUS = [
    {"participant_id": "P3", "status": "job_search", "at": d("2023-10-09")},
    {"participant_id": "P3", "status": "working", "at": d("2024-01-15")},
    {"participant_id": "P3", "status": "paused", "at": d("2024-06-01")},
    {"participant_id": "P1", "status": "job_search", "at": d("2024-01-08")},
]
STAFF = [
    {"specialist": "es-a", "unit": "u1", "fte": 1.0, "active_from": d("2023-01-01"), "active_to": None},
    {"specialist": "es-b", "unit": "u2", "fte": 0.5, "active_from": d("2023-01-01"), "active_to": None},
]
LEAVE = [{"specialist": "es-a", "start": d("2024-05-01"), "end": d("2024-05-14")}]


def _contact(cid: str, at: str, es: str, emp: str, mode: str, purpose: str, pid: str | None, **kw: object):
    return {
        "contact_id": cid, "at": d(at), "specialist": es, "employer_id": emp, "mode": mode, "purpose": purpose,  # noqa: E501
        "participant_id": pid, "by_participant": kw.get("by_participant", False),
        "occupation_group": kw.get("occ"), "sector": kw.get("sector"), "plan_target": kw.get("plan", False),
    }  # fmt: skip


EMPLOYER_CONTACTS = [
    _contact("C01", "2024-01-10", "es-a", "E1", "face_to_face", "learn_business", None, sector="G47"),
    _contact("C02", "2024-01-17", "es-a", "E1", "face_to_face", "candidate_introduction", "P1", occ="5223", sector="G47"),  # noqa: E501
    _contact("C03", "2024-01-24", "es-a", "E2", "face_to_face", "introduction", "P2", occ="9412", sector="I56"),  # noqa: E501
    _contact("C04", "2024-02-07", "es-a", "E3", "phone", "follow_up", "P2", occ="4110", sector="N82", plan=True),  # noqa: E501
    _contact("C05", "2024-02-14", "es-a", "E1", "face_to_face", "follow_up", None),
    _contact("C06", "2024-03-06", "es-a", "E4", "face_to_face", "introduction", "P4", occ="7115", sector="F43"),  # noqa: E501
    _contact("C07", "2024-01-12", "es-a", "E5", "face_to_face", "application_support", "P2", by_participant=True,  # noqa: E501
             occ="9412", sector="I56"),
    _contact("C08", "2024-02-01", "es-b", "E3", "face_to_face", "introduction", "P5", occ="5223", sector="G47"),  # noqa: E501
    _contact("C09", "2024-03-20", "es-b", "E3", "face_to_face", "learn_business", None),
    _contact("C10", "2024-04-10", "es-b", "E2", "face_to_face", "candidate_introduction", "P6", occ="4110",
             sector="I56"),
    _contact("C11", "2024-05-15", "es-b", "E6", "email", "introduction", "P7", occ="8322", sector="H49"),
    _contact("C12", "2024-06-05", "es-b", "E6", "face_to_face", "follow_up", "P7", sector="H49"),
]  # fmt: skip

EMPLOYERS = [
    {"employer_id": e, "has_needs_notes": n}
    for e, n in (("E1", True), ("E2", True), ("E3", False), ("E4", True), ("E5", False), ("E6", True))
]


def _job(
    jid: str, pid: str, emp: str, occ: str, start: str, paid: float, hours: float, wage: float, **kw: object
):
    return {
        "job_id": jid, "participant_id": pid, "employer_id": emp, "occupation_group": occ, "start": d(start),
        "first_paid_hours_at": d(start), "paid_hours_to_date": paid, "end": kw.get("end") and d(str(kw["end"])),  # noqa: E501
        "end_learned_at": kw.get("learned") and d(str(kw["learned"])), "hours_week": hours, "wage_hourly": wage,  # noqa: E501
        "contract_type": kw.get("contract", "permanent"), "set_aside": False,
        "subsidy_type": kw.get("subsidy", "none"),
    }  # fmt: skip


JOBS = [
    _job("J0", "P4", "E5", "7115", "2023-06-01", 500, 30, 11.00),  # 2023 minimum 10.42: competitive
    _job("J1", "P1", "E1", "5223", "2024-02-05", 40, 20, 11.50),
    _job("J2", "P2", "E2", "9412", "2024-03-04", 10, 12, 12.00, end="2024-04-12", learned="2024-04-15",
         contract="fixed_term"),
    _job("J3", "P3", "E1", "5223", "2024-01-15", 100, 32, 11.00),  # below 11.44: not competitive
    _job("J4", "P6", "E3", "4110", "2024-04-22", 50, 16, 13.00, subsidy="wage_subsidy"),  # subsidised
    _job("J5", "P2", "E4", "9412", "2024-05-06", 30, 4, 12.50),
    _job("J6", "P7", "E2", "8322", "2024-06-24", 2, 25, 12.00),  # 2 paid hours < 4: not a start
]  # fmt: skip

EDUCATION = [
    {"education_id": "ED1", "participant_id": "P5", "start": d("2024-02-01"), "end": None, "level": "college",
     "status": "enrolled"},
]  # fmt: skip


def _support(n: int, pid: str, at: str, mode: str = "face_to_face", whom: str = "participant"):
    es = "es-a" if pid in ("P1", "P2", "P3", "P4") else "es-b"
    return {"contact_id": f"S{n:02d}", "participant_id": pid, "specialist": es, "at": d(at), "mode": mode,
            "with_whom": whom}  # fmt: skip


SUPPORT = [
    _support(i, pid, at, *rest)
    for i, (pid, at, *rest) in enumerate([
        ("P1", "2024-02-01"), ("P1", "2024-02-06"), ("P1", "2024-02-13"), ("P1", "2024-02-20"),
        ("P1", "2024-02-27"), ("P1", "2024-03-15"), ("P1", "2024-04-10"), ("P1", "2024-06-20"),
        ("P2", "2024-03-05"), ("P2", "2024-03-12", "phone"), ("P2", "2024-04-16"), ("P2", "2024-05-08"),
        ("P2", "2024-06-12", "phone"),
        ("P3", "2024-01-16"), ("P3", "2024-01-23", "face_to_face", "employer"),
        ("P6", "2024-04-18"), ("P6", "2024-04-23", "video"), ("P6", "2024-05-21"), ("P6", "2024-06-25"),
    ], start=1)
]  # fmt: skip


def _plan(pid: str, offered: str, completed: str | None, trained: bool | None):
    return {"participant_id": pid, "offered_at": d(offered), "completed_at": completed and d(completed),
            "planner_trained": trained}  # fmt: skip


BENEFITS = [
    _plan("P1", "2024-01-15", "2024-01-30", True),
    _plan("P2", "2024-02-01", "2024-03-10", True),  # completed after J2's start (03-04), before J5's (05-06)
    _plan("P3", "2024-01-10", None, None),
    _plan("P6", "2024-04-01", "2024-04-10", False),  # planner not trained
]


def _talk(pid: str, at: str, pros_cons: bool, wording: bool):
    return {"participant_id": pid, "at": d(at), "pros_cons": pros_cons, "wording": wording}


DISCLOSURE = [
    _talk("P1", "2024-01-10", True, False), _talk("P1", "2024-03-01", False, True),
    _talk("P2", "2024-01-30", True, True),
    _talk("P4", "2024-02-05", True, True),
    _talk("P5", "2024-01-22", True, False), _talk("P5", "2024-01-29", False, False),
    _talk("P6", "2024-03-11", True, True), _talk("P6", "2024-04-10", False, True),
    _talk("P7", "2024-04-08", False, False),
]  # fmt: skip


def _profile(pid: str, version: int, at: str, occupations: list[str], sectors: list[str]):
    return {"participant_id": pid, "version": version, "at": d(at), "preferred_occupations": occupations,
            "preferred_sectors": sectors}  # fmt: skip


PROFILES = [
    _profile("P1", 1, "2024-01-08", ["5223"], ["G47"]), _profile("P1", 2, "2024-02-20", ["5223"], ["G47"]),
    _profile("P2", 1, "2024-01-10", ["9412"], ["I56"]), _profile("P2", 2, "2024-04-20", ["9412"], ["I56"]),
    _profile("P3", 1, "2023-10-09", ["5223"], []),
    _profile("P4", 1, "2024-02-05", ["7115"], ["F43"]),
    _profile("P5", 1, "2024-01-22", ["5312"], ["P85"]),
    _profile("P6", 1, "2024-03-11", ["4110"], []), _profile("P6", 2, "2024-04-25", ["4110"], []),
    _profile("P7", 1, "2024-04-08", ["8322"], ["H49"]),
]  # fmt: skip


def build(**replace: list[dict[str, object]]) -> Caseload:
    """The hand-built caseload; ``replace`` swaps one frame's rows (e.g. ``participants=[...]``)."""
    rows = {
        "participants": PARTICIPANTS, "status_history": STATUS, "staff": STAFF, "leave": LEAVE,
        "employer_contacts": EMPLOYER_CONTACTS, "employers": EMPLOYERS, "jobs": JOBS, "education": EDUCATION,
        "support_contacts": SUPPORT, "benefits_plans": BENEFITS, "disclosure_discussions": DISCLOSURE,
        "profile_versions": PROFILES,
    } | replace  # fmt: skip
    return Caseload(**{name: frame(name, list(r)) for name, r in rows.items()})
