"""The caseload list: one unit's participants filtered, sorted and paged in one DuckDB query.

Zero exclusion: these filters only help a specialist find a person (by phase, specialist or
name); the default shows everyone. Visibility is the caller's (``unit_ids``, ``viewer``) as for
`ParticipantStore.list`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from participants.consents import team_scope
from participants.lifecycle import PHASES
from storekit.pages import counted_page
from storekit.store import Store

#: Sort keys: by name, by phase (in the IPS order), or the newest first.
PARTICIPANT_SORTS = ("name", "phase", "newest")
_ORDER = {
    "name": "lower(display_name), id",
    "phase": "list_position(?::VARCHAR[], phase), lower(display_name), id",
    "newest": "created_at DESC, id",
}
_LIVE = "deleted_at IS NULL AND erased_at IS NULL"


@dataclass(frozen=True, slots=True)
class ParticipantFilter:
    """What the list is narrowed to; None means any.

    ``name`` is a part of the display name (case and accents ignored); ``specialist_id`` a user id.
    """

    phase: str | None = None
    specialist_id: str | None = None
    name: str | None = None


class ParticipantListing(Store):
    """Reads the caseload list's ids (the records come from `ParticipantStore.get_many`)."""

    def page(
        self,
        *,
        unit_ids: Sequence[str],
        viewer: str | None,
        where: ParticipantFilter,
        sort: str,
        offset: int,
        limit: int,
    ) -> tuple[list[str], int]:
        """Ids of rows ``offset`` .. ``offset + limit`` in ``sort`` order, and the total.

        Raises:
            ValueError: ``sort`` is not one of `PARTICIPANT_SORTS`.
        """
        if sort not in _ORDER:
            raise ValueError(f"unknown sort {sort!r}")
        team, team_args = team_scope(viewer)
        conditions = (
            f"{_LIVE} AND {team} AND list_contains(?::VARCHAR[], unit_id) "
            "AND (?::VARCHAR IS NULL OR phase = ?) AND (?::VARCHAR IS NULL OR specialist_id = ?) "
            "AND (?::VARCHAR IS NULL OR contains(strip_accents(lower(display_name)), "
            "strip_accents(lower(?))))"
        )
        args: list[Any] = [*team_args, list(unit_ids), where.phase, where.phase]
        args += [where.specialist_id, where.specialist_id, where.name, where.name]
        rows, total = counted_page(
            self.con,
            select="id",
            source=f"FROM caseload_participants WHERE {conditions}",
            parameters=args,
            order=_ORDER[sort],
            order_parameters=[list(PHASES)] if sort == "phase" else [],
            limit=limit,
            offset=offset,
        )
        return [str(r[0]) for r in rows], total
