"""`OpeningStore`: vacancies at network employers."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from employers import changes
from employers.change_log import insert_records
from employers.errors import InvalidError, NotFoundError
from employers.models import OpeningRecord, check_opening, check_opening_status, column_names
from employers.values import OpeningValues
from storekit.checks import first, refuse_nulls, refuse_unknown, refuse_unsafe
from storekit.connection import Connection
from storekit.rows import clean, data_columns, new_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

OPENING_COLUMNS = column_names(OpeningRecord)
_DATA = data_columns(OPENING_COLUMNS)
_DEFAULTS: dict[str, Any] = {
    "description": "",
    "language": "en",
    "occupation_uri": "",
    "occupation_label": "",
    "isco_group": "",
    "contract_type": "",
    "application_route": "either",
    "status": "open",
    "city": "",
    "remote": False,
}
_SELECT = f"SELECT {', '.join(OPENING_COLUMNS)} FROM crm_openings"


class OpeningStore(Store):
    """Openings in the ``crm_*`` tables of an injected DuckDB connection."""

    def create(self, *, values: OpeningValues, actor: str) -> OpeningRecord:
        """Create one opening at a live employer and return it as stored."""
        return self.create_many(rows=[values], actor=actor)[0]

    def create_many(self, *, rows: Sequence[OpeningValues], actor: str) -> builtins.list[OpeningRecord]:
        """Create openings in one transaction; nothing is written if any row is invalid.

        A row without coordinates takes its site's city and coordinates.

        Raises:
            NotFoundError: An employer (or site of that employer) does not exist.
            InvalidError: A field breaks a rule.
        """
        with self.transaction() as con:
            ids = self.insert(con, rows, actor)
        return self._get_many(ids)

    def insert(self, con: Connection, rows: Sequence[Mapping[str, Any]], actor: str) -> builtins.list[str]:
        """Validate and insert inside the caller's transaction; returns the new ids."""
        prepared = [_prepare(row) for row in rows]
        sites = self._sites_of({r["employer_id"] for r in prepared})
        for row in prepared:
            _place_from_site(row, sites)
        return insert_records(
            con, table="crm_openings", columns=_DATA, records=prepared, actor=actor, entity="opening"
        )

    def get(self, *, opening_id: str) -> OpeningRecord:
        """Return the live opening; raise NotFoundError when missing or deleted."""
        return first(self._get_many([opening_id]), "opening", opening_id)

    def list(
        self,
        *,
        employer_id: str | None = None,
        status: str | None = None,
        limit: int = 50,
        after: str | None = None,
    ) -> builtins.list[OpeningRecord]:
        """Live openings ordered by id, optionally of one employer and status, after ``after``."""
        emp = str(uuid_of("employer_id", employer_id)) if employer_id else None
        rows = self.con.execute(
            f"{_SELECT} WHERE deleted_at IS NULL AND (?::UUID IS NULL OR employer_id = ?::UUID) "
            "AND (?::VARCHAR IS NULL OR status = ?) AND (?::UUID IS NULL OR id > ?::UUID) "
            "ORDER BY id LIMIT ?",
            [emp, emp, status, status, after, after, limit],
        ).fetchall()
        return [OpeningRecord(**clean(OPENING_COLUMNS, r)) for r in rows]

    def update(self, *, opening_id: str, values: OpeningValues, actor: str) -> OpeningRecord:
        """Change fields of a live opening (status moves lead -> open -> filled/closed).

        Raises:
            NotFoundError: No live opening (or the new employer/site does not exist).
            InvalidError: A field breaks a rule, or the status change is not allowed.
        """
        with self.transaction() as con:
            self.apply_update(con, opening_id, values, actor)
        return self.get(opening_id=opening_id)

    def apply_update(
        self, con: Connection, opening_id: str, values: Mapping[str, Any], actor: str
    ) -> dict[str, tuple[Any, Any]]:
        """Update inside the caller's transaction; returns field -> (old, new)."""
        refuse_unknown(values, set(_DATA) - {"id"}, "is not an updatable opening field")
        refuse_nulls(values, _DEFAULTS)
        refuse_unsafe(values)
        old = self.get(opening_id=opening_id)
        merged = {c: getattr(old, c) for c in _DATA} | dict(values)
        check_opening(merged)
        check_opening_status(old.status, merged["status"])
        row = {k: (list(v) if isinstance(v, tuple) else v) for k, v in values.items()}
        if "employer_id" in row or "site_id" in row:
            row |= {"employer_id": str(merged["employer_id"]), "site_id": merged["site_id"]}
            _place_from_site(row, self._sites_of({str(merged["employer_id"])}))
        return changes.update_row(
            con, table="crm_openings", entity="opening", entity_id=opening_id, values=row, actor=actor
        )

    def delete(self, *, opening_id: str, actor: str) -> None:
        """Soft-delete a live opening (restorable)."""
        with self.transaction() as con:
            changes.soft_delete(
                con, table="crm_openings", entity="opening", entity_id=opening_id, actor=actor
            )

    def restore(self, *, opening_id: str, actor: str) -> OpeningRecord:
        """Undelete a soft-deleted opening."""
        with self.transaction() as con:
            changes.restore(con, table="crm_openings", entity="opening", entity_id=opening_id, actor=actor)
        return self.get(opening_id=opening_id)

    def count(self) -> int:
        """Number of live (not deleted) openings, any status."""
        row = self.con.execute("SELECT count(*) FROM crm_openings WHERE deleted_at IS NULL").fetchone()
        return int(row[0]) if row else 0

    def list_live(self, *, as_of: datetime | None = None) -> builtins.list[OpeningRecord]:
        """Openings that can still become a job: status lead/open, not deleted, not closed by date."""
        rows = self.con.execute(
            f"{_SELECT} WHERE deleted_at IS NULL AND status IN ('lead', 'open') "
            "AND (closes_at IS NULL OR closes_at >= ?) ORDER BY id",
            [as_of or now()],
        ).fetchall()
        return [OpeningRecord(**clean(OPENING_COLUMNS, r)) for r in rows]

    def _get_many(self, ids: Sequence[str]) -> builtins.list[OpeningRecord]:
        uuids = [uuid_of("id", i) for i in ids]
        rows = self.con.execute(
            f"{_SELECT} WHERE deleted_at IS NULL AND list_contains(?, id)", [uuids]
        ).fetchall()
        by_id = {r.id: r for r in (OpeningRecord(**clean(OPENING_COLUMNS, row)) for row in rows)}
        return [by_id[i] for i in ids if i in by_id]

    def _sites_of(self, employer_ids: set[str]) -> dict[str, dict[str, Any]]:
        """Live employers' sites: employer id -> {site id -> (city, lat, lon)}; raises if missing."""
        uuids = [uuid_of("employer_id", e) for e in employer_ids]
        live = self.con.execute(
            "SELECT id FROM crm_employers WHERE deleted_at IS NULL AND list_contains(?, id)", [uuids]
        ).fetchall()
        missing = employer_ids - {str(r[0]) for r in live}
        if missing:
            raise NotFoundError("employer", sorted(missing)[0])
        rows = self.con.execute(
            "SELECT employer_id, id, city, lat, lon FROM crm_sites "
            "WHERE deleted_at IS NULL AND list_contains(?, employer_id)",
            [uuids],
        ).fetchall()
        sites: dict[str, dict[str, Any]] = {e: {} for e in employer_ids}
        for emp, site, city, lat, lon in rows:
            sites[str(emp)][str(site)] = (city, lat, lon)
        return sites


def _prepare(values: Mapping[str, Any]) -> dict[str, Any]:
    refuse_unknown(values, _DATA, "is not an opening field")
    refuse_unsafe(values)
    check_opening(values)
    if not values.get("employer_id"):
        raise InvalidError("employer_id", "is required")
    row = {c: values.get(c) for c in _DATA}
    for name, default in _DEFAULTS.items():
        row[name] = row[name] if row[name] is not None else default
    row["id"] = new_id("id", values.get("id"))
    row["employer_id"] = str(uuid_of("employer_id", values["employer_id"]))
    row["site_id"] = str(uuid_of("site_id", row["site_id"])) if row["site_id"] else None
    row["required_licences"] = list(values.get("required_licences") or [])
    row["essential_skills"] = list(values.get("essential_skills") or [])
    return row


def _place_from_site(row: dict[str, Any], sites: Mapping[str, Mapping[str, Any]]) -> None:
    site_id = row["site_id"]
    if site_id is None:
        return
    employer_sites = sites[row["employer_id"]]
    if site_id not in employer_sites:
        raise InvalidError("site_id", "is not a site of this employer")
    city, lat, lon = employer_sites[site_id]
    if row["lat"] is None or row["lon"] is None:
        row["lat"], row["lon"] = lat, lon
    row["city"] = row["city"] or city
