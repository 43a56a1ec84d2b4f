"""Rows for the reports (`reports.frames`): the caseload's lifecycle, profile and plan facts.

Each function returns plain dicts, one per row, with the columns the reports' input contract
names (dates as `datetime.date`, ids as text), for the participants in ``unit_ids`` (None = every
unit; the caller checks who may see them). Deleted participants are left out everywhere.

participant_rows          participant_id, unit, specialist, referral_source, referred_at,
                          accepted_at, first_meeting_at, employment_status_at_entry (None when
                          not recorded), closed_at, closure_reason, phase, status
status_history_rows       participant_id, status (the phase), at (effective day), previous,
                          recorded_at, recorded_by
specialist_history_rows   participant_id, specialist, previous, at, recorded_at, recorded_by
profile_version_rows      participant_id, version, saved_at, at (its day), trigger,
                          preferred_occupations [ISCO codes of liked occupations],
                          preferred_sectors [liked NACE codes]
disclosure_discussion_rows participant_id, at, topics, pros_cons, accommodations, wording, revisit
disclosure_plan_rows      participant_id, version, saved_at, level, es_may_contact_employers,
                          who_discloses, when, statements (a count: the texts stay in the store)
benefits_plan_rows        participant_id, version, offered_at, completed_at, planner_trained: one
                          row per planning round (the latest save for each offered_at; saves
                          without an offered_at are left out)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from participants.history import HISTORIES, History
from storekit.connection import Connection

_LIVE = (
    "participant_id IN (SELECT id FROM caseload_participants WHERE deleted_at IS NULL "
    "AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], unit_id)))"
)


def _rows(
    con: Connection, sql: str, unit_ids: Sequence[str] | None, keys: Sequence[str], *first: object
) -> list[dict[str, Any]]:
    """``sql`` (with ``{live}`` for the unit filter, after the ``first`` parameters) as dicts."""
    units = list(unit_ids) if unit_ids is not None else None
    found = con.execute(sql.format(live=_LIVE), [*first, units, units]).fetchall()
    return [{k: str(v) if k == "participant_id" else v for k, v in zip(keys, r, strict=True)} for r in found]


def participant_rows(con: Connection, unit_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One row per live participant, by id."""
    keys = (
        "participant_id", "unit", "specialist", "referral_source", "referred_at", "accepted_at",
        "first_meeting_at", "employment_status_at_entry", "closed_at", "closure_reason", "phase", "status",
    )  # fmt: skip
    sql = (
        "SELECT id, unit_id, specialist_id, referral_source, referral_received_at, referral_accepted_at, "
        "first_meeting_at, employment_status_at_entry, closed_at, closure_reason, phase, status "
        "FROM caseload_participants WHERE deleted_at IS NULL "
        "AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], unit_id)) ORDER BY id"
    )
    return _rows(con, sql, unit_ids, keys)


def status_history_rows(con: Connection, unit_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every phase change, oldest first per participant."""
    return _history_rows(con, "status", unit_ids)


def specialist_history_rows(con: Connection, unit_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every assignment to a specialist, oldest first per participant."""
    return _history_rows(con, "specialist", unit_ids)


def _history_rows(con: Connection, history: History, unit_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """One history's rows, the changed value under the history's own name ("status", "specialist")."""
    table, column = HISTORIES[history]
    keys = ("participant_id", history, "previous", "at", "recorded_at", "recorded_by")
    sql = (
        f"SELECT participant_id, {column}, previous, effective_on, recorded_at, recorded_by "
        f"FROM {table} WHERE {{live}} ORDER BY participant_id, effective_on, recorded_at"
    )
    return _rows(con, sql, unit_ids, keys)


def profile_version_rows(con: Connection, unit_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every career profile version, with the liked occupations' ISCO codes and liked sectors."""
    sql = (
        "SELECT participant_id, version, saved_at, trigger, body FROM caseload_profile_versions "
        "WHERE {live} ORDER BY participant_id, version"
    )
    out = []
    for row in _rows(con, sql, unit_ids, ("participant_id", "version", "saved_at", "trigger", "body")):
        body = json.loads(row.pop("body"))
        liked = [o for o in body.get("occupations", ()) if o.get("liked")]
        row["at"] = row["saved_at"].date()
        row["preferred_occupations"] = [o["isco_group"] for o in liked if o.get("isco_group")]
        row["preferred_sectors"] = list(body.get("liked_sectors", ()))
        out.append(row)
    return out


def disclosure_discussion_rows(
    con: Connection, unit_ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Every disclosure discussion, with one boolean column per topic."""
    sql = (
        "SELECT participant_id, discussed_on, topics FROM caseload_disclosure_discussions "
        "WHERE {live} ORDER BY participant_id, discussed_on"
    )
    out = []
    for row in _rows(con, sql, unit_ids, ("participant_id", "at", "topics")):
        row["topics"] = list(row["topics"])
        row |= {t: t in row["topics"] for t in ("pros_cons", "accommodations", "wording", "revisit")}
        out.append(row)
    return out


def disclosure_plan_rows(con: Connection, unit_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every saved disclosure plan version (the elements V2 looks at), oldest first."""
    out = []
    for row in _plan_versions(con, "disclosure", unit_ids):
        body = row.pop("body")
        row |= {k: body.get(k) for k in ("level", "es_may_contact_employers", "who_discloses", "when")}
        row["statements"] = len(body.get("approved_statements") or ())
        out.append(row)
    return out


def benefits_plan_rows(con: Connection, unit_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One row per benefits planning round (the latest version saved for each ``offered_at``)."""
    rounds: dict[tuple[str, str], dict[str, Any]] = {}
    for row in _plan_versions(con, "benefits", unit_ids):
        body = row.pop("body")
        if not body.get("offered_at"):
            continue
        row |= {k: body.get(k) for k in ("offered_at", "completed_at", "planner_trained")}
        rounds[(row["participant_id"], body["offered_at"])] = row  # later versions replace earlier ones
    return sorted(rounds.values(), key=lambda r: (r["participant_id"], r["offered_at"]))


def _plan_versions(con: Connection, kind: str, unit_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    sql = (
        "SELECT participant_id, version, saved_at, body FROM caseload_plan_versions "
        "WHERE kind = ? AND {live} ORDER BY participant_id, version"
    )
    rows = _rows(con, sql, unit_ids, ("participant_id", "version", "saved_at", "body"), kind)
    for row in rows:
        row["body"] = {
            k: dt.date.fromisoformat(v) if k.endswith("_at") and isinstance(v, str) else v
            for k, v in json.loads(row["body"]).items()
        }
    return rows
