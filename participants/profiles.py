"""`ProfileStore`: the career profile, versioned (``caseload_profile_versions``).

Every save is a new version (1, 2, ...) with its time, author and trigger; the newest is the
current profile. In the same transaction the ranker's view of it (`profile_body.ranked`) is
written to ``caseload_preferences`` and ``caseload_skills``, which is what `to_profile` reads,
so the ranking always uses the current version. A participant created before versions existed
has none until the first save (their preferences stand as they are).
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from matching.types import Concept
from participants import profile_body
from participants.change_log import CHANGE_LOG
from participants.errors import InvalidError
from participants.models import Preferences
from participants.versions import SavedVersion, live_participant, next_version, read_versions, save_confirmed
from storekit.connection import Connection
from storekit.rows import uuid_of
from storekit.store import Store

_PREFS = tuple(Preferences.__dataclass_fields__)
_BOOLS = (
    "hours_is_constraint",
    "commute_is_constraint",
    "exclude_missing_licence",
    "willing_to_relocate",
    "remote_ok",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfileVersion(SavedVersion):
    """One saved career profile: ``body`` has the keys `profile_body` documents; ``trigger`` why."""

    trigger: str


class ProfileStore(Store):
    """Career profile versions; visibility is the caller's job (read the participant first)."""

    def save(
        self,
        *,
        participant_id: str,
        values: Mapping[str, Any],
        trigger: str,
        actor: str,
        confirm_warnings: bool = False,
    ) -> ProfileVersion:
        """Save a new version from ``values`` (the whole profile); return it.

        Raises:
            InvalidError: A bad field, or an unknown trigger.
            NeedsConfirmationError: Conditions for success name a diagnosis, medication, ...
                and ``confirm_warnings`` is False.
        """
        if trigger not in profile_body.TRIGGERS:
            raise InvalidError(
                "trigger", f"must be one of {', '.join(profile_body.TRIGGERS)}; got {trigger!r}"
            )
        built = profile_body.build(values)

        def write(con: Connection, body: Mapping[str, Any], at: dt.datetime) -> int:
            return save_version(con, participant_id, body, trigger, at, actor)

        saved = partial(ProfileVersion, participant_id=participant_id, saved_by=actor, trigger=trigger)
        return save_confirmed(self, saved, built, write, confirm_warnings=confirm_warnings)

    def versions(self, *, participant_id: str) -> builtins.list[ProfileVersion]:
        """Every version of the participant's profile, newest first."""
        return read_versions(
            self.con,
            ProfileVersion,
            "caseload_profile_versions",
            "participant_id = ?",
            [uuid_of("participant_id", participant_id)],
        )

    def current(self, *, participant_id: str) -> ProfileVersion | None:
        """The newest version, or None when the profile was never saved as a version."""
        found = self.versions(participant_id=participant_id)
        return found[0] if found else None


def save_version(
    con: Connection, participant_id: str, body: Mapping[str, Any], trigger: str, at: Any, actor: str
) -> int:
    """Append a version inside the caller's transaction and write the ranker's view; its number."""
    pid = live_participant(con, participant_id)
    version = next_version(con, "caseload_profile_versions", pid)
    con.execute(
        "INSERT INTO caseload_profile_versions VALUES (?, ?, ?, ?, ?, ?)",
        [pid, version, trigger, at, actor, json.dumps(body, ensure_ascii=False, default=str)],
    )
    prefs, skills = profile_body.ranked(body)
    write_ranked(con, pid, prefs_row(prefs), skills, at, actor)
    con.execute(
        "UPDATE caseload_participants SET updated_at = ?, updated_by = ? WHERE id = ?", [at, actor, pid]
    )
    CHANGE_LOG.log_change(
        con,
        actor=actor,
        entity="profile",
        entity_id=str(pid),
        action=trigger,
        changes={"version": (version - 1 or None, version)},
    )
    return version


def write_ranked(
    con: Connection,
    pid: Any,
    prefs: Mapping[str, Any],
    skills: Sequence[Mapping[str, str]],
    at: Any,
    actor: str,
    *,
    fresh: bool = False,
) -> None:
    """Replace the participant's preference row and skills (what `to_profile` reads).

    ``fresh``: a new participant, with nothing to replace yet.
    """
    if not fresh:
        con.execute("DELETE FROM caseload_preferences WHERE participant_id = ?", [pid])
        con.execute("DELETE FROM caseload_skills WHERE participant_id = ?", [pid])
    con.execute(
        f"INSERT INTO caseload_preferences (participant_id, {', '.join(_PREFS)}, updated_at, updated_by) "
        f"VALUES ({', '.join('?' * (len(_PREFS) + 3))})",
        [pid, *(prefs[c] for c in _PREFS), at, actor],
    )
    if skills:
        con.executemany(
            "INSERT INTO caseload_skills VALUES (?, ?, ?, ?, ?, ?)",
            [(pid, i, s["label"], s["uri"], at, actor) for i, s in enumerate(skills)],
        )


def prefs_row(prefs: Mapping[str, Any]) -> dict[str, Any]:
    """Every `Preferences` field for the table, defaults filled in, concepts as structs."""
    defaults = Preferences()
    row = {name: prefs.get(name, getattr(defaults, name)) for name in _PREFS}
    for name in ("preferred_occupations", "refused_occupations"):
        row[name] = [concept(c, f"preferences.{name}") for c in row[name] or ()]
    for name in ("liked_sectors", "refused_sectors", "contract_types"):
        row[name] = list(row[name] or ())
    for name in _BOOLS:
        row[name] = bool(row[name])
    row["goals"] = row["goals"] or ""
    return row


def concept(value: Any, field: str) -> dict[str, str]:
    """A concept as a struct row; InvalidError naming ``field`` without a label."""
    if isinstance(value, Concept):
        return {"label": value.label, "uri": value.uri, "isco_group": value.isco_group}
    if not isinstance(value, Mapping) or not str(value.get("label") or "").strip():
        raise InvalidError(field, "each entry needs a non-empty label")
    return {
        "label": str(value["label"]).strip(),
        "uri": str(value.get("uri") or value.get("esco_uri") or ""),
        "isco_group": str(value.get("isco_group") or ""),
    }
