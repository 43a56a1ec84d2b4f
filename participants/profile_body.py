"""The career profile's content: its checks, and what of it the ranker reads (pure, no SQL).

A profile body is a JSON object with these keys (all optional on input; defaults below):

  goals                    str, the person's own words (reaches the ranker as the goal embedding)
  occupations              [{label, uri, isco_group, liked: bool, weight: 1|2|3}] ESCO concepts
  liked_sectors, refused_sectors   [NACE code]
  tasks_liked, tasks_disliked      [str]
  hours_min, hours_max     float hours/week; hours_is_constraint bool
  shifts                   [day, evening, night, weekend, early_morning, flexible]
  pay_min                  float, the lowest hourly pay the person accepts (local currency)
  max_commute_km, commute_is_constraint, contract_types, exclude_missing_licence,
  willing_to_relocate, remote_ok   as in `participants.Preferences`
  skills                   [{label, uri, evidence: str}]
  work_history             [{title, employer, start, end (YYYY-MM-DD or YYYY-MM), hours_week,
                             duties, went_well, hard, reason_left}]
  education                [{level, institution, subject, completed}]
  strengths                [str]
  conditions_for_success   [str] in functional words, never a diagnosis (screened)

What the ranker reads (`ranked`): liked occupations become ``preferred_occupations`` (strongest
first); a disliked occupation of weight 2 or 3 becomes a ``refused_occupations`` constraint, a
mild dislike (weight 1) is recorded and not read; sectors, hours, commute, contract types,
licence, relocation and remote fields as they are; skills as concepts. Tasks, shifts, pay,
work history, education, strengths and conditions for success are not read by the ranker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

from participants.errors import InvalidError
from participants.models import Preferences
from participants.screening import Warning, screen

Trigger = Literal["initial", "job_start", "job_end", "review"]
Shift = Literal["day", "evening", "night", "weekend", "early_morning", "flexible"]
TRIGGERS: tuple[Trigger, ...] = get_args(Trigger)
SHIFTS: tuple[Shift, ...] = get_args(Shift)
_RANKED = tuple(Preferences.__dataclass_fields__)
_PASSED = tuple(n for n in _RANKED if n not in ("preferred_occupations", "refused_occupations"))
_LISTS = ("tasks_liked", "tasks_disliked", "shifts", "strengths", "conditions_for_success")
_RECORDS = {
    "work_history": (
        "title", "employer", "start", "end", "hours_week", "duties", "went_well", "hard", "reason_left",
    ),
    "education": ("level", "institution", "subject", "completed"),
}  # fmt: skip
KEYS = frozenset({*_PASSED, "occupations", "skills", "pay_min", *_LISTS, *_RECORDS})


def build(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Warning]]:
    """A checked profile body from caller values, and the screening warnings on it.

    Raises:
        InvalidError: Naming the first bad field (``profile.<key>`` paths).
    """
    unknown = sorted(set(values) - KEYS)
    if unknown:
        raise InvalidError(f"profile.{unknown[0]}", "is not a career profile field")
    defaults = Preferences()
    body: dict[str, Any] = {name: values.get(name, getattr(defaults, name)) for name in _PASSED}
    for name in ("liked_sectors", "refused_sectors", "contract_types"):
        body[name] = [str(v) for v in body[name] or ()]
    body["goals"] = str(body["goals"] or "")
    body["occupations"] = [_occupation(o, i) for i, o in enumerate(values.get("occupations") or ())]
    body["skills"] = [_skill(s, i) for i, s in enumerate(values.get("skills") or ())]
    body["pay_min"] = values.get("pay_min")
    for name in _LISTS:
        body[name] = [str(v).strip() for v in values.get(name) or () if str(v).strip()]
    for name, keys in _RECORDS.items():
        body[name] = [_record(name, i, r, keys) for i, r in enumerate(values.get(name) or ())]
    _check(body)
    return body, screen("profile.conditions_for_success", body["conditions_for_success"])


def ranked(body: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The preference row (`Preferences` fields) and the skills the ranker reads from a body."""
    liked = sorted((o for o in body["occupations"] if o["liked"]), key=lambda o: -int(o["weight"]))
    refused = [o for o in body["occupations"] if not o["liked"] and int(o["weight"]) >= 2]
    prefs = {name: body[name] for name in _PASSED}
    prefs["preferred_occupations"] = [_concept(o) for o in liked]
    prefs["refused_occupations"] = [_concept(o) for o in refused]
    return prefs, [{"label": s["label"], "uri": s["uri"], "isco_group": ""} for s in body["skills"]]


def from_preferences(prefs: Mapping[str, Any], skills: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Profile values from the older preference fields (as the store writes them) and skills."""
    occupations = [{**c, "liked": True, "weight": 2} for c in prefs.get("preferred_occupations") or ()]
    occupations += [{**c, "liked": False, "weight": 3} for c in prefs.get("refused_occupations") or ()]
    values = {k: v for k, v in prefs.items() if k in _PASSED}
    return {**values, "occupations": occupations, "skills": [dict(s) for s in skills]}


def _concept(o: Mapping[str, Any]) -> dict[str, str]:
    return {"label": o["label"], "uri": o["uri"], "isco_group": o["isco_group"]}


def _occupation(value: Any, i: int) -> dict[str, Any]:
    where = f"profile.occupations.{i}"
    if not isinstance(value, Mapping) or not str(value.get("label") or "").strip():
        raise InvalidError(where, "each occupation needs a non-empty label")
    weight = value.get("weight", 2)
    if weight not in (1, 2, 3):
        raise InvalidError(f"{where}.weight", "must be 1 (mild), 2 (clear) or 3 (strong)")
    return {
        "label": str(value["label"]).strip(),
        "uri": str(value.get("uri") or ""),
        "isco_group": str(value.get("isco_group") or ""),
        "liked": bool(value.get("liked", True)),
        "weight": int(weight),
    }


def _skill(value: Any, i: int) -> dict[str, str]:
    if not isinstance(value, Mapping) or not str(value.get("label") or "").strip():
        raise InvalidError(f"profile.skills.{i}", "each skill needs a non-empty label")
    uri = str(value.get("uri") or value.get("esco_uri") or "")
    return {"label": str(value["label"]).strip(), "uri": uri, "evidence": str(value.get("evidence") or "")}


def _record(name: str, i: int, value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidError(f"profile.{name}.{i}", "must be an object")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise InvalidError(f"profile.{name}.{i}.{unknown[0]}", f"is not a {name} field")
    return {k: value.get(k) for k in keys}


def _check(body: Mapping[str, Any]) -> None:
    lo, hi = body["hours_min"], body["hours_max"]
    if lo is not None and hi is not None and lo > hi:
        raise InvalidError("profile.hours_max", "must not be less than hours_min")
    overlap = set(body["liked_sectors"]) & set(body["refused_sectors"])
    if overlap:
        raise InvalidError("profile.refused_sectors", f"also liked: {', '.join(sorted(overlap))}")
    bad = [s for s in body["shifts"] if s not in SHIFTS]
    if bad:
        raise InvalidError("profile.shifts", f"must be among {', '.join(SHIFTS)}; got {bad[0]!r}")
    if body["pay_min"] is not None and body["pay_min"] < 0:
        raise InvalidError("profile.pay_min", "must not be negative")
    if body["max_commute_km"] is not None and body["max_commute_km"] <= 0:
        raise InvalidError("profile.max_commute_km", "must be positive")
    liked = {o["uri"] for o in body["occupations"] if o["uri"] and o["liked"]}
    both = liked & {o["uri"] for o in body["occupations"] if o["uri"] and not o["liked"]}
    if both:
        raise InvalidError("profile.occupations", f"both liked and disliked: {sorted(both)[0]}")
