"""Updating a participant: every field, checked as on create, each change logged, histories kept.

A change of ``phase`` (or of the legacy ``status``) adds a status-history row effective on
``phase_date`` (default today); a change of ``specialist_id`` adds an assignment row (the
reassignment, with ``reassignment_note``). Closing needs an allowed ``closure_reason``;
reopening clears the closure fields. ``preferences`` (the keys given) and ``skills`` save a new
career profile version (trigger ``review``); ``disclosure`` and ``benefits`` (the keys given) save
a new plan version. Everything is written in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from participants import plan_body, profile_body
from participants.change_log import CHANGE_LOG
from participants.errors import InvalidError
from participants.history import record_change
from participants.lifecycle import LIFECYCLE, check_closure, dated, phase_for_status, status_of, today
from participants.models import ParticipantRecord, Preferences, check_participant
from participants.plans import save_plan
from participants.profiles import save_version
from participants.screening import NeedsConfirmationError, require_confirmed
from storekit.checks import refuse_unknown
from storekit.connection import Connection
from storekit.rows import uuid_of

#: Columns of ``caseload_participants`` a PATCH may set (``home`` is split into three).
COLUMNS = ("unit_id", "specialist_id", "display_name", "language", "status", "licences", *LIFECYCLE)
_NESTED = ("preferences", "disclosure", "benefits")
_PREFERENCES = frozenset(Preferences.__dataclass_fields__)
_EXTRA = {
    "home",
    "phase_date",
    "reassignment_note",
    "confirm_warnings",
    "preferences",
    "skills",
    "disclosure",
    "benefits",
}


def apply_update(
    con: Connection, before: ParticipantRecord, values: Mapping[str, Any], at: Any, actor: str
) -> dict[str, tuple[Any, Any]]:
    """Write the changes of ``values`` to ``before`` inside the caller's transaction; field -> (old, new)."""
    refuse_unknown(values, set(COLUMNS) | _EXTRA, "is not an updatable participant field")
    if values.get("unit_id") not in (None, before.unit_id):
        raise InvalidError("unit_id", "a participant cannot be moved to another unit here")
    values = dated(values)
    row = _merged_row(before, values)
    nested = {k: {**asdict(getattr(before, k)), **(values[k] or {})} for k in _NESTED if k in values}
    check_participant({**row, **nested})
    changes = {k: (getattr(before, k), v) for k, v in row.items() if _norm(getattr(before, k)) != _norm(v)}
    if changes:
        sets = ", ".join(f"{k} = ?" for k in changes)
        con.execute(
            f"UPDATE caseload_participants SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
            [*(_param(new) for _, new in changes.values()), at, actor, uuid_of("id", before.id)],
        )
        CHANGE_LOG.log_change(
            con, actor=actor, entity="participant", entity_id=before.id, action="update", changes=changes
        )
    on = values.get("phase_date") or today()
    if "phase" in changes:
        record_change(con, "status", before.id, row["phase"], before.phase, on, at, actor)
    if "specialist_id" in changes:
        note = str(values.get("reassignment_note") or "")
        record_change(
            con, "specialist", before.id, row["specialist_id"], before.specialist_id, on, at, actor, note
        )
    _nested(con, before, values, at, actor)
    return changes


def _merged_row(before: ParticipantRecord, values: Mapping[str, Any]) -> dict[str, Any]:
    """The participant's columns after the update, with phase, status and closure made consistent."""
    row = {k: getattr(before, k) for k in (*COLUMNS, "home_city", "home_lat", "home_lon")}
    row |= {k: values[k] for k in COLUMNS if k in values}
    if "home" in values:
        home = values["home"] or {}
        row |= {"home_city": home.get("city") or "", "home_lat": home.get("lat"), "home_lon": home.get("lon")}
    for name in ("display_name", "language"):
        if name in values and values[name] is None:
            raise InvalidError(name, "cannot be null")
    phase = values.get("phase")
    if "status" in values and phase is not None and status_of(phase) != values["status"]:
        raise InvalidError("status", f"contradicts phase {phase!r} (which means status {status_of(phase)!r})")
    if phase is None and values.get("status"):
        phase = phase_for_status(values["status"], before.phase)
    row["phase"] = phase or before.phase
    row["status"] = status_of(row["phase"])
    closing = before.phase != "closed" or any(
        k in values for k in ("closed_at", "closure_reason", "closure_note")
    )
    if row["phase"] == "closed" and closing:  # a file closed before reasons were kept stays editable
        row["closed_at"] = row["closed_at"] or today()
        row["closure_reason"] = check_closure(row)
    elif row["phase"] != "closed" and (
        before.phase == "closed" or any(values.get(k) for k in ("closed_at", "closure_reason"))
    ):
        if before.phase != "closed":
            raise InvalidError("closure_reason", "is set only when closing the file (phase closed)")
        row |= {"closed_at": None, "closure_reason": None, "closure_note": ""}  # reopened
    row["licences"] = tuple(row["licences"] or ())
    row["closure_note"] = row["closure_note"] or ""
    return row


def _nested(
    con: Connection, before: ParticipantRecord, values: Mapping[str, Any], at: Any, actor: str
) -> None:
    """New profile and plan versions for the nested parts the update names."""
    if "preferences" in values or "skills" in values:
        save_version(con, before.id, _profile_after(con, before, values), "review", at, actor)
    confirmed = bool(values.get("confirm_warnings"))
    for kind in ("disclosure", "benefits"):
        if kind in values:
            old = asdict(getattr(before, kind))
            if kind == "disclosure":
                old = _disclosure_values(old)
            merged = {**_current_plan(con, before.id, kind, old), **(values[kind] or {})}
            try:
                body, warnings = plan_body.build(kind, merged)
                require_confirmed(warnings, confirmed=confirmed)
            except NeedsConfirmationError as err:  # named as the PATCH body names them
                raise NeedsConfirmationError(f"{kind}.{err.field}", err.warnings) from None
            except InvalidError as err:
                raise InvalidError(f"{kind}.{err.field}", err.message) from None
            save_plan(con, before.id, kind, body, at, actor)


def _profile_after(con: Connection, before: ParticipantRecord, values: Mapping[str, Any]) -> dict[str, Any]:
    """The current profile version with the preference keys and skills ``values`` gives replaced."""
    given = dict(values.get("preferences") or {})
    refuse_unknown(given, _PREFERENCES, "is not a preference field", prefix="preferences.")
    prefs = _as_dicts({**asdict(before.preferences), **given})
    skills = _as_dicts_list(
        (values["skills"] or []) if "skills" in values else [asdict(s) for s in before.skills]
    )
    legacy = profile_body.from_preferences(prefs, skills)
    current = _current_profile(con, before.id)
    if current is None:
        body, _ = profile_body.build(legacy)
        return body
    new = {k: v for k, v in legacy.items() if k in given}
    if {"preferred_occupations", "refused_occupations"} & set(given):
        new["occupations"] = legacy["occupations"]
    if "skills" in values:
        new["skills"] = legacy["skills"]
    body, _ = profile_body.build({**current, **new})  # conditions were screened when saved
    return body


def _current_profile(con: Connection, pid: str) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT body FROM caseload_profile_versions WHERE participant_id = ? ORDER BY version DESC LIMIT 1",
        [uuid_of("participant_id", pid)],
    ).fetchone()
    return json.loads(row[0]) if row else None


def _current_plan(con: Connection, pid: str, kind: str, fallback: dict[str, Any]) -> dict[str, Any]:
    row = con.execute(
        "SELECT body FROM caseload_plan_versions WHERE participant_id = ? AND kind = ? "
        "ORDER BY version DESC LIMIT 1",
        [uuid_of("participant_id", pid), kind],
    ).fetchone()
    body: dict[str, Any] = json.loads(row[0]) if row else fallback
    return {k: v for k, v in body.items() if k != "from_preferences"}


def _disclosure_values(plan: dict[str, Any]) -> dict[str, Any]:
    overrides = [{"employer_id": e, "may_contact": True} for e in plan.pop("contact_employers", ())]
    overrides += [{"employer_id": e, "may_contact": False} for e in plan.pop("no_contact_employers", ())]
    return {**plan, "approved_statements": list(plan["approved_statements"]), "employer_overrides": overrides}


def _as_dicts(prefs: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(prefs)
    for name in ("preferred_occupations", "refused_occupations"):
        out[name] = _as_dicts_list(out.get(name) or ())
    return out


def _as_dicts_list(items: Any) -> list[dict[str, Any]]:
    return [
        {
            "label": c.get("label", ""),
            "uri": c.get("uri") or c.get("esco_uri") or "",
            "isco_group": c.get("isco_group", ""),
            **c,
        }
        if isinstance(c, Mapping)
        else asdict(c)
        for c in items
    ]


def _norm(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


def _param(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
