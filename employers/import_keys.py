"""`ImportKeys`: the natural keys of live records as dicts, built once per import.

An import looks each row up by registry number, email or external id, and checks new registry
numbers against every live employer. Done in SQL per row that was a scan (a regex per live
employer for registry numbers) per row: quadratic, 110 s for a 2,000-row dry run. Here one query
per table fills dicts keyed by the normalised key; rows the import writes are added as it goes,
and `refresh` picks up what others changed since (from the change log, which every store write
appends to in the same transaction), so a run split into several transactions stays correct.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from employers.keys import registry_key
from storekit.connection import Connection
from storekit.transactions import now

#: table -> (change-log entity, {key kind: column})
KEYED = {
    "crm_employers": ("employer", {"registry_number": "registry_number", "external_id": "external_id"}),
    "crm_people": ("person", {"email": "email", "external_id": "external_id"}),
    "crm_contacts": ("contact", {"external_id": "external_id"}),
    "crm_openings": ("opening", {"external_id": "external_id"}),
}
#: How far back `refresh` looks before its last run, for clocks and commits in flight.
_MARGIN = timedelta(seconds=5)


def normal(kind: str, value: object) -> str | None:
    """The form a key is compared in: registry numbers normalised, emails lower-case."""
    if value is None or value == "":
        return None
    if kind == "registry_number":
        return registry_key(str(value))
    return str(value).lower() if kind == "email" else str(value)


class ImportKeys:
    """Live ids by (table, key kind, normalised key); a lookup gives the smallest id, as SQL did.

    Args:
        con: The import's connection (reads what its open transaction wrote, too).
        tables: The tables the import looks rows up in.
    """

    def __init__(self, con: Connection, tables: tuple[str, ...]) -> None:
        self.tables = tuple(dict.fromkeys(tables))
        self._ids: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self._keys: dict[tuple[str, str], dict[str, str | None]] = {}  # (table, id) -> kind -> key
        self._since: datetime = now()
        for table in self.tables:
            self._load(con, table, None)

    def lookup(self, table: str, kind: str, value: object) -> str | None:
        """The live record with this key (smallest id when several), or None."""
        key = normal(kind, value)
        ids = self._ids.get((table, kind, key)) if key else None
        return min(ids) if ids else None

    def owners(self, table: str, kind: str, value: object) -> set[str]:
        """Every live id with this key (to tell a conflict from the record itself)."""
        key = normal(kind, value)
        return set(self._ids.get((table, kind, key), ())) if key else set()

    def put(self, table: str, record_id: str, values: dict[str, object]) -> None:
        """Record what a row just wrote: the keys among ``values`` replace the ones the id had."""
        keys = dict(self._keys.get((table, record_id), {}))
        keys |= {kind: normal(kind, values[kind]) for kind in KEYED[table][1] if kind in values}
        self._set(table, record_id, keys)

    def refresh(self, con: Connection) -> None:
        """Re-read the records that anybody changed since the last refresh (call under the lock)."""
        since, self._since = self._since - _MARGIN, now()
        for table in self.tables:
            self._load(con, table, since)

    def _load(self, con: Connection, table: str, since: datetime | None) -> None:
        entity, kinds = KEYED[table]
        cols = ", ".join(kinds.values())
        where = ""
        params: list[object] = []
        if since is not None:
            changed = con.execute(
                "SELECT DISTINCT entity_id FROM crm_change_log WHERE entity = ? AND changed_at >= ?",
                [entity, since],
            ).fetchall()
            if not changed:
                return
            for (rid,) in changed:
                self._set(table, str(rid), {})
            where = " AND list_contains(?, id)"
            params = [[r[0] for r in changed]]
        rows = con.execute(
            f"SELECT id, {cols} FROM {table} WHERE deleted_at IS NULL{where}", params
        ).fetchall()
        for rid, *values in rows:
            self._set(table, str(rid), {k: normal(k, v) for k, v in zip(kinds, values, strict=True)})

    def _set(self, table: str, record_id: str, keys: dict[str, str | None]) -> None:
        for kind, value in self._keys.pop((table, record_id), {}).items():
            if value:
                self._ids[(table, kind, value)].discard(record_id)
        for kind, value in keys.items():
            if value:
                self._ids[(table, kind, value)].add(record_id)
        if any(keys.values()):
            self._keys[(table, record_id)] = keys
