"""`OpeningStore`: vacancies at network employers (a `RecordStore` with site places and a status flow)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar

from employers import changes
from employers.base import RecordStore
from employers.errors import InvalidError, NotFoundError
from employers.models import OpeningRecord, check_opening, check_opening_status, column_names
from employers.values import OpeningValues
from storekit.checks import refuse_nulls, refuse_unknown, refuse_unsafe
from storekit.connection import Connection
from storekit.rows import clean, uuid_of
from storekit.transactions import now

OPENING_COLUMNS = column_names(OpeningRecord)
_SELECT = f"SELECT {', '.join(OPENING_COLUMNS)} FROM crm_openings"


class OpeningStore(RecordStore[OpeningRecord, OpeningValues]):
    """Openings in the ``crm_*`` tables of an injected DuckDB connection.

    A row without coordinates takes its site's city and coordinates; status changes follow
    `employers.models.OPENING_TRANSITIONS`.
    """

    table = "crm_openings"
    entity = "opening"
    record = OpeningRecord
    filters = ("employer_id", "status", "feed_source")
    #: Set only by a feed pull (`insert(..., internal_ok=True)`), never from an API body or import row.
    internal: ClassVar[frozenset[str]] = frozenset(
        {"feed_source", "feed_ad_id", "feed_url", "feed_apply", "feed_occupation", "feed_updated_at"}
    )
    defaults: ClassVar[Mapping[str, Any]] = {
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

    def check(self, values: Mapping[str, Any]) -> None:
        """Raise InvalidError for the first field that breaks a rule (an employer is required)."""
        check_opening(values)
        if not values.get("employer_id"):
            raise InvalidError("employer_id", "is required")

    def prepare(self, values: Mapping[str, Any], *, internal_ok: bool = False) -> dict[str, Any]:
        """`RecordStore.prepare`, with the site id canonical and licences and skills as lists."""
        row = super().prepare(values, internal_ok=internal_ok)
        row["site_id"] = str(uuid_of("site_id", row["site_id"])) if row["site_id"] else None
        row["required_licences"] = list(values.get("required_licences") or [])
        row["essential_skills"] = list(values.get("essential_skills") or [])
        return row

    def insert(
        self, con: Connection, rows: Sequence[Mapping[str, Any]], actor: str, *, internal_ok: bool = False
    ) -> builtins.list[str]:
        """Validate and insert inside the caller's transaction (places from sites); returns the new ids.

        Raises:
            NotFoundError: An employer (or site of that employer) does not exist.
            InvalidError: A field breaks a rule.
        """
        prepared = [self.prepare(row, internal_ok=internal_ok) for row in rows]
        sites = self._sites_of({r["employer_id"] for r in prepared})
        for row in prepared:
            _place_from_site(row, sites)
        return self.write(con, prepared, actor)

    def apply_update(
        self, con: Connection, record_id: str, values: Mapping[str, Any], actor: str
    ) -> dict[str, tuple[Any, Any]]:
        """Update inside the caller's transaction; returns field -> (old, new).

        Raises:
            NotFoundError: No live opening (or the new employer/site does not exist).
            InvalidError: A field breaks a rule, or the status change is not allowed.
        """
        refuse_unknown(values, set(self.data()) - {"id"}, "is not an updatable opening field")
        refuse_nulls(values, self.defaults)
        refuse_unsafe(values)
        old = self.get(record_id=record_id)
        merged = {c: getattr(old, c) for c in self.data()} | dict(values)
        check_opening(merged)
        check_opening_status(old.status, merged["status"])
        row = {k: (list(v) if isinstance(v, tuple) else v) for k, v in values.items()}
        if "employer_id" in row or "site_id" in row:
            row |= {"employer_id": str(merged["employer_id"]), "site_id": merged["site_id"]}
            _place_from_site(row, self._sites_of({str(merged["employer_id"])}))
        return changes.update_row(
            con, table=self.table, entity=self.entity, entity_id=record_id, values=row, actor=actor
        )

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

    def by_feed(self, source: str) -> dict[str, OpeningRecord]:
        """Live (not deleted) openings pulled from job board ``source``, by the board's ad id."""
        rows = self.con.execute(
            f"{_SELECT} WHERE deleted_at IS NULL AND feed_source = ? ORDER BY created_at, id", [source]
        ).fetchall()
        records = [OpeningRecord(**clean(OPENING_COLUMNS, r)) for r in rows]
        return {str(rec.feed_ad_id): rec for rec in records}

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
