"""`PlanStore`: job search, disclosure and benefits plans, versioned, and disclosure discussions.

Every save of a plan is a new version in ``caseload_plan_versions`` (bodies: `plan_body`). In the
same transaction a disclosure save rewrites ``caseload_disclosure_plans`` (level, employer
contact and its per-employer exceptions, statements: what the ranker and the contact log read)
and a benefits save rewrites ``caseload_benefits_plans`` (status, kept for counselling only, and
the hours threshold, which only raises a flag). Visibility is the caller's job.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from participants import plan_body
from participants.change_log import CHANGE_LOG
from participants.errors import InvalidError
from participants.versions import SavedVersion, live_participant, next_version, read_versions, save_confirmed
from storekit.connection import Connection
from storekit.rows import select_records, uuid_of
from storekit.store import Store
from storekit.transactions import now


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersion(SavedVersion):
    """One saved plan of ``kind``; ``body`` has the keys `plan_body` documents for it."""

    kind: str


@dataclass(frozen=True, slots=True)
class Discussion:
    """A day the disclosure plan was discussed with the person, and what about."""

    id: str
    participant_id: str
    discussed_on: dt.date
    topics: tuple[str, ...]
    note: str
    recorded_at: dt.datetime
    recorded_by: str


_DISCUSSION = tuple(Discussion.__dataclass_fields__)


class PlanStore(Store):
    """The plans of participants in an injected DuckDB connection."""

    def save(
        self,
        *,
        participant_id: str,
        kind: str,
        values: Mapping[str, Any],
        actor: str,
        confirm_warnings: bool = False,
    ) -> PlanVersion:
        """Save a new version of the participant's ``kind`` plan from ``values`` (the whole plan).

        Raises:
            InvalidError: A bad or contradictory field (named).
            NeedsConfirmationError: An approved statement names a diagnosis, medication, hospital
                stay, benefit or criminal record and ``confirm_warnings`` is False.
            NotFoundError: No live participant with this id.
        """
        built = plan_body.build(kind, values)

        def write(con: Connection, body: dict[str, Any], at: dt.datetime) -> int:
            return save_plan(con, participant_id, kind, body, at, actor)

        saved = partial(PlanVersion, participant_id=participant_id, saved_by=actor, kind=kind)
        return save_confirmed(self, saved, built, write, confirm_warnings=confirm_warnings)

    def versions(self, *, participant_id: str, kind: str) -> builtins.list[PlanVersion]:
        """Every version of one plan, newest first."""
        return read_versions(
            self.con,
            PlanVersion,
            "caseload_plan_versions",
            "participant_id = ? AND kind = ?",
            [uuid_of("participant_id", participant_id), kind],
        )

    def current(self, *, participant_id: str, kind: str) -> PlanVersion | None:
        """The newest version of one plan, or None when it was never saved."""
        found = self.versions(participant_id=participant_id, kind=kind)
        return found[0] if found else None

    def add_discussion(self, *, participant_id: str, values: Mapping[str, Any], actor: str) -> Discussion:
        """Record a disclosure discussion (``discussed_on``, ``topics``, ``note``)."""
        day, topics, note = plan_body.check_discussion(values)
        at, did = now(), uuid.uuid4()
        with self.transaction() as con:
            pid = live_participant(con, participant_id)
            con.execute(
                "INSERT INTO caseload_disclosure_discussions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [did, pid, day, topics, note, at, actor],
            )
            CHANGE_LOG.log_change(
                con, actor=actor, entity="disclosure_discussion", entity_id=str(did), action="create"
            )
        return Discussion(str(did), str(pid), day, tuple(topics), note, at, actor)

    def discussions(self, *, participant_id: str) -> builtins.list[Discussion]:
        """The participant's disclosure discussions, newest first."""
        pid = uuid_of("participant_id", participant_id)
        table, order = "caseload_disclosure_discussions", "discussed_on DESC, recorded_at DESC"
        return select_records(
            self.con, Discussion, table, _DISCUSSION, "participant_id = ?", [pid], order=order
        )


def save_plan(
    con: Connection, participant_id: str, kind: str, body: dict[str, Any], at: Any, actor: str
) -> int:
    """Append a checked plan body (`plan_body.build`) inside the caller's transaction; its version."""
    pid = live_participant(con, participant_id)
    if kind == "job_search":
        _link_targets(con, pid, body)
    version = _append(con, pid, kind, body, at, actor)
    _write_current(con, pid, kind, body, at, actor)
    return version


def _append(con: Connection, pid: uuid.UUID, kind: str, body: Mapping[str, Any], at: Any, actor: str) -> int:
    version = next_version(con, "caseload_plan_versions", pid, kind)
    con.execute(
        "INSERT INTO caseload_plan_versions VALUES (?, ?, ?, ?, ?, ?)",
        [pid, kind, version, at, actor, json.dumps(body, ensure_ascii=False, default=str)],
    )
    CHANGE_LOG.log_change(
        con,
        actor=actor,
        entity=f"{kind}_plan",
        entity_id=str(pid),
        action="save",
        changes={"version": (version - 1 or None, version)},
    )
    return version


def _write_current(
    con: Connection, pid: uuid.UUID, kind: str, body: Mapping[str, Any], at: Any, actor: str
) -> None:
    """What the ranker and the contact log read, rewritten from the new version."""
    if kind == "disclosure":
        overrides = body["employer_overrides"]
        con.execute(
            "UPDATE caseload_disclosure_plans SET level = ?, es_may_contact_employers = ?, "
            "approved_statements = ?, contact_employers = ?, no_contact_employers = ?, updated_at = ?, "
            "updated_by = ? WHERE participant_id = ?",
            [
                body["level"],
                body["es_may_contact_employers"],
                body["approved_statements"],
                [o["employer_id"] for o in overrides if o["may_contact"]],
                [o["employer_id"] for o in overrides if not o["may_contact"]],
                at, actor, pid,
            ],
        )  # fmt: skip
    elif kind == "benefits":
        con.execute(
            "UPDATE caseload_benefits_plans SET status = ?, hours_threshold = ?, updated_at = ?, "
            "updated_by = ? WHERE participant_id = ?",
            [body["status"], body["hours_threshold"], at, actor, pid],
        )
    con.execute(
        "UPDATE caseload_participants SET updated_at = ?, updated_by = ? WHERE id = ?", [at, actor, pid]
    )


def _link_targets(con: Connection, pid: uuid.UUID, body: dict[str, Any]) -> None:
    """Mark targets that are liked occupations or sectors; refuse ones the person refused."""
    row = con.execute(
        "SELECT preferred_occupations, refused_occupations, liked_sectors, refused_sectors "
        "FROM caseload_preferences WHERE participant_id = ?",
        [pid],
    ).fetchone()
    liked_occ, refused_occ, liked_sec, refused_sec = row or ([], [], [], [])
    for i, t in enumerate(body["targets"]):
        mine = {t["uri"], t["label"].casefold()} - {""}
        if (t["kind"] == "occupation" and mine & _keys(refused_occ)) or (
            t["kind"] == "sector" and t["code"] in refused_sec
        ):
            raise InvalidError(f"targets.{i}", "is something the person refused in their preferences")
        t["from_preferences"] = bool(
            (t["kind"] == "occupation" and mine & _keys(liked_occ))
            or (t["kind"] == "sector" and t["code"] in liked_sec)
        )


def _keys(concepts: list[dict[str, str]]) -> set[str]:
    """The URIs and case-folded labels of stored concepts."""
    return {c["uri"] for c in concepts if c["uri"]} | {c["label"].casefold() for c in concepts}
