"""`ParticipantStore`: profiles and their plans in the ``caseload_*`` tables."""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from matching.types import Concept
from participants import profile_body
from participants.change_log import CHANGE_LOG
from participants.consents import current_states, team_scope
from participants.history import record_changes
from participants.lifecycle import LIFECYCLE, check_closure, dated, phase_for_status, status_of, today
from participants.models import (
    BenefitsPlan,
    DisclosurePlan,
    ParticipantRecord,
    Preferences,
    check_participant,
)
from participants.parts_cache import PARTS
from participants.profiles import concept, prefs_row, write_ranked
from participants.updates import apply_update
from participants.values import ParticipantValues
from storekit.checks import first, refuse_unknown, refuse_unsafe
from storekit.connection import Connection
from storekit.pages import page_rows
from storekit.rows import AUDIT_COLUMNS, clean, insert_many, insert_sql, new_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

#: Columns a caller sets under the same name as they are stored.
_AS_GIVEN = ("id", "unit_id", "specialist_id", "display_name", "language", "status")
_DATA = (*_AS_GIVEN, "home_city", "home_lat", "home_lon", "licences", *LIFECYCLE)
_PROFILE = (*_DATA, *AUDIT_COLUMNS)
_PREFS = tuple(Preferences.__dataclass_fields__)
_CONCEPT_LISTS = ("preferred_occupations", "refused_occupations")
#: The top-level keys of a caller's values (``home`` is stored as three columns).
_TOP_LEVEL = {*_AS_GIVEN, "home", "licences", "phase_date", *LIFECYCLE}
_NESTED = {"preferences", "skills", "disclosure", "benefits"}
#: Rows the caseload shows: not soft-deleted and not erased (an erased row is a tombstone kept
#: only for aggregate figures, see participants/erasure.py).
_LIVE = "deleted_at IS NULL AND erased_at IS NULL"


class ParticipantStore(Store):
    """Participants in an injected DuckDB connection.

    Visibility is the caller's job: pass ``unit_ids`` to restrict reads to the caller's units.
    """

    def create(self, *, values: ParticipantValues, actor: str) -> ParticipantRecord:
        """Create one participant with preferences, skills and plans; return it as stored."""
        return self.create_many(rows=[values], actor=actor)[0]

    def create_many(
        self, *, rows: Sequence[ParticipantValues], actor: str
    ) -> builtins.list[ParticipantRecord]:
        """Create participants in one transaction; nothing is written if any row is invalid."""
        prepared = [_prepare(row) for row in rows]
        at = now()
        with self.transaction() as con:
            for p in prepared:
                _insert(con, p, at, actor)
            _insert_starts(con, prepared, at, actor)
            CHANGE_LOG.log_creates(
                con, actor=actor, entity="participant", entity_ids=[p["id"] for p in prepared]
            )
        return self._get_many([p["id"] for p in prepared], unit_ids=None)

    def update(
        self,
        *,
        participant_id: str,
        values: Mapping[str, Any],
        actor: str,
        unit_ids: Sequence[str] | None = None,
    ) -> ParticipantRecord:
        """Change any fields of a live participant in ``unit_ids``; return it as stored.

        The keys are those of create (``preferences``, ``disclosure``, ``benefits``: only the keys
        given change) plus ``phase_date``, ``reassignment_note`` and ``confirm_warnings``
        (`participants.updates`). Nothing is written if any value is invalid.

        Raises:
            NotFoundError: Missing, deleted or in another unit.
            InvalidError: A bad field, named; ``NeedsConfirmationError`` for unconfirmed warnings.
        """
        with self.transaction() as con:
            before = first(self._get_many([participant_id], unit_ids=unit_ids), "participant", participant_id)
            apply_update(con, before, values, now(), actor)
        return self.get(participant_id=participant_id)

    def get(
        self, *, participant_id: str, unit_ids: Sequence[str] | None = None, viewer: str | None = None
    ) -> ParticipantRecord:
        """Return the live participant, if in ``unit_ids`` (None = any unit) and seen by ``viewer``.

        Raises:
            NotFoundError: Missing, deleted, in another unit, or withheld from ``viewer`` by the
                person's ``team_sharing`` consent (`consents.team_scope`; callers cannot tell which).
        """
        found = self._get_many([participant_id], unit_ids=unit_ids, viewer=viewer)
        return first(found, "participant", participant_id)

    def list(
        self,
        *,
        unit_ids: Sequence[str] | None = None,
        status: str | None = None,
        limit: int = 50,
        after: str | None = None,
        viewer: str | None = None,
    ) -> builtins.list[ParticipantRecord]:
        """Live participants in ``unit_ids`` seen by ``viewer`` (as `get`), by id, after ``after``."""
        team, team_args = team_scope(viewer)
        ids = page_rows(
            self.con,
            "caseload_participants",
            ("id",),
            where=f"{_LIVE} AND {team} AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], unit_id))",
            parameters=[*team_args, unit_ids, unit_ids],
            equal={"status": status},
            after=after,
            limit=limit,
        )
        return self._get_many([str(r[0]) for r in ids], unit_ids=unit_ids)

    def withheld(self, *, participant_ids: Sequence[str], viewer: str | None) -> set[str]:
        """Of ``participant_ids``, those `get` would refuse ``viewer`` for their ``team_sharing``."""
        if viewer is None or not participant_ids:
            return set()
        team, team_args = team_scope(viewer)
        rows = self.con.execute(
            f"SELECT id FROM caseload_participants WHERE list_contains(?, id) AND NOT {team}",
            [[uuid_of("id", i) for i in participant_ids], *team_args],
        ).fetchall()
        return {str(r[0]) for r in rows}

    def get_many(self, *, participant_ids: Sequence[str]) -> builtins.list[ParticipantRecord]:
        """Live participants with these ids, in the given order (any unit; for the batch runner)."""
        return self._get_many(participant_ids, unit_ids=None)

    def count_active(self, *, unit_ids: Sequence[str] | None = None) -> int:
        """Number of live participants with status active in ``unit_ids`` (None: all units)."""
        sql = (
            f"SELECT count(*) FROM caseload_participants WHERE {_LIVE} AND status = 'active' "
            "AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], unit_id))"
        )
        row = self.con.execute(sql, [unit_ids, unit_ids]).fetchone()
        return int(row[0]) if row else 0

    def count(self) -> int:
        """Number of live participants in all units (a number, not participant data)."""
        sql = f"SELECT count(*) FROM caseload_participants WHERE {_LIVE}"
        row = self.con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    def _get_many(
        self, ids: Sequence[str], *, unit_ids: Sequence[str] | None, viewer: str | None = None
    ) -> builtins.list[ParticipantRecord]:
        if not ids:
            return []
        uuids = [uuid_of("id", i) for i in ids]
        team, team_args = team_scope(viewer)
        args = [uuids, unit_ids, unit_ids, *team_args]
        units = "(?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], unit_id))"
        where = f"list_contains(?, id) AND {units} AND {team}"
        people = self.con.execute(
            f"SELECT {', '.join(_PROFILE)} FROM caseload_participants WHERE {_LIVE} AND {where}",
            args,
        ).fetchall()
        rows = [clean(_PROFILE, row) for row in people]
        parts = self._cached_parts(rows)
        out = {values["id"]: ParticipantRecord(**values, **parts[values["id"]]) for values in rows}
        return [out[i] for i in ids if i in out]

    def _cached_parts(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
        """Parts by id: kept ones from `PARTS` (keyed by the row's ``updated_at``, see `parts_cache`)."""
        keys = {values["id"]: (values["id"], values["updated_at"]) for values in rows}
        found = {pid: PARTS.get(key) for pid, key in keys.items()}
        missing = [pid for pid, parts in found.items() if parts is None]
        if missing:
            read = self._parts([uuid_of("id", pid) for pid in missing])
            for pid in missing:
                found[pid] = parts = read.get(pid, {})
                PARTS.put(keys[pid], parts)
        return {pid: parts or {} for pid, parts in found.items()}

    def _parts(self, uuids: Sequence[Any]) -> dict[str, dict[str, Any]]:
        """Preferences, skills, disclosure and benefits plans by participant id."""
        parts: dict[str, dict[str, Any]] = {}
        q = "SELECT {} FROM caseload_{} WHERE list_contains(?, participant_id) {}"
        for row in self.con.execute(
            q.format(", ".join(("participant_id", *_PREFS)), "preferences", ""), [uuids]
        ).fetchall():
            values = clean(("participant_id", *_PREFS), row)
            for name in _CONCEPT_LISTS:
                values[name] = tuple(Concept(**c) for c in values[name])
            pid = values.pop("participant_id")
            parts.setdefault(pid, {})["preferences"] = Preferences(**values)
        skills: dict[str, list[Concept]] = {}
        for pid, label, uri in self.con.execute(
            q.format("participant_id, label, uri", "skills", "ORDER BY position"), [uuids]
        ).fetchall():
            skills.setdefault(str(pid), []).append(Concept(label, uri))
        for pid, found in skills.items():
            parts.setdefault(pid, {})["skills"] = tuple(found)
        cols = (
            "participant_id, level, es_may_contact_employers, approved_statements, contact_employers, "
            "no_contact_employers"
        )
        for pid, level, may, said, yes, no in self.con.execute(
            q.format(cols, "disclosure_plans", ""), [uuids]
        ).fetchall():
            plan = DisclosurePlan(level, may, tuple(said), tuple(yes or ()), tuple(no or ()))
            parts.setdefault(str(pid), {})["disclosure"] = plan
        for pid, states in current_states(self.con, uuids).items():
            if states.get("employer_disclosure") == "withdrawn":  # consent overrides the stored plan
                parts.setdefault(pid, {})["disclosure"] = DisclosurePlan()
        cols = "participant_id, status, hours_threshold"
        for pid, status, threshold in self.con.execute(
            q.format(cols, "benefits_plans", ""), [uuids]
        ).fetchall():
            parts.setdefault(str(pid), {})["benefits"] = BenefitsPlan(status, threshold)
        return parts


def _prepare(values: Mapping[str, Any]) -> dict[str, Any]:
    refuse_unknown(values, _TOP_LEVEL | _NESTED, "is not a participant field")
    refuse_unsafe(values)
    values = dated(values)
    phase = values.get("phase") or phase_for_status(values.get("status") or "active", "enrolled")
    values = {**values, "phase": phase}
    check_participant(values)
    home = values.get("home") or {}
    prefs = dict(values.get("preferences") or {})
    refuse_unknown(prefs, _PREFS, "is not a preference field", prefix="preferences.")
    closed = phase == "closed"
    return {
        "id": new_id("id", values.get("id")),
        "unit_id": str(values["unit_id"]),
        "specialist_id": values.get("specialist_id"),
        "display_name": values["display_name"].strip(),
        "language": values.get("language") or "en",
        "status": status_of(phase),
        "home_city": home.get("city") or "",
        "home_lat": home.get("lat"),
        "home_lon": home.get("lon"),
        "licences": list(values.get("licences") or []),
        **{name: values.get(name) for name in LIFECYCLE},
        "closed_at": (values.get("closed_at") or today()) if closed else None,
        "closure_reason": check_closure(values) if closed else None,
        "closure_note": str(values.get("closure_note") or ""),
        "phase_date": values.get("phase_date"),
        "preferences": prefs_row(prefs),
        "skills": [concept(s, "skills") for s in values.get("skills") or []],
        "disclosure": {
            **{"level": "none", "es_may_contact_employers": False},
            **(values.get("disclosure") or {}),
        },
        "benefits": {**{"status": "none", "hours_threshold": None}, **(values.get("benefits") or {})},
    }


def _insert(con: Connection, p: Mapping[str, Any], at: Any, actor: str) -> None:
    con.execute(insert_sql("caseload_participants", _DATA), [*(p[c] for c in _DATA), at, actor, at, actor])
    write_ranked(con, p["id"], p["preferences"], p["skills"], at, actor, fresh=True)
    d = p["disclosure"]
    said = list(d.get("approved_statements") or [])
    con.execute(
        "INSERT INTO caseload_disclosure_plans VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [p["id"], d["level"], bool(d["es_may_contact_employers"]), said, at, actor, [], []],
    )
    b = p["benefits"]
    con.execute(
        "INSERT INTO caseload_benefits_plans VALUES (?, ?, ?, ?, ?)",
        [p["id"], b["status"], b["hours_threshold"], at, actor],
    )


def _insert_starts(con: Connection, prepared: Sequence[Mapping[str, Any]], at: Any, actor: str) -> None:
    """Profile version 1 and the first history rows of new participants, in bulk statements."""
    day = today()
    versions, phases, assignments = [], [], []
    for p in prepared:
        body, _ = profile_body.build(profile_body.from_preferences(p["preferences"], p["skills"]))
        versions.append((p["id"], 1, "initial", at, actor, json.dumps(body, ensure_ascii=False)))
        since = p["phase_date"] or p["referral_received_at"] or day  # the history starts at referral
        phases.append((str(uuid.uuid4()), p["id"], p["phase"], None, since, at, actor, ""))
        assignments.append((str(uuid.uuid4()), p["id"], p["specialist_id"], None, day, at, actor, ""))
    cols: tuple[str, ...] = ("participant_id", "version", "trigger", "saved_at", "saved_by", "body")
    insert_many(con, "caseload_profile_versions", cols, versions)
    record_changes(con, "status", phases)
    record_changes(con, "specialist", assignments)
