"""`EmployerStore`: employers and their sites."""

from __future__ import annotations

import builtins
import threading
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from employers.errors import InvalidError, NotFoundError
from employers.models import EmployerRecord, SiteRecord, check_employer, column_names
from employers.rows import clean, data_columns, insert_sql, new_id, uuid_of
from employers.tx import log_change, now, write_transaction

EMPLOYER_COLUMNS = column_names(EmployerRecord)
SITE_COLUMNS = column_names(SiteRecord)
_EMPLOYER_DATA = data_columns(EMPLOYER_COLUMNS)
_SITE_DATA = data_columns(SITE_COLUMNS)
_LISTS = ("aliases", "hiring_occupations")


class EmployerStore:
    """Employers and sites in the ``crm_*`` tables of an injected DuckDB connection.

    Args:
        con: A DuckDB connection or cursor (one per thread).
        lock: The process-wide writer lock; a private lock when omitted (tests, scripts).
    """

    def __init__(self, con: Any, lock: AbstractContextManager[Any] | None = None) -> None:
        self.con = con
        self.lock = lock if lock is not None else threading.Lock()

    def create(self, *, values: Mapping[str, Any], actor: str) -> EmployerRecord:
        """Create one employer (with its ``sites``) and return it as stored."""
        return self.create_many(rows=[values], actor=actor)[0]

    def create_many(self, *, rows: Sequence[Mapping[str, Any]], actor: str) -> builtins.list[EmployerRecord]:
        """Create employers in one transaction; nothing is written if any row is invalid."""
        prepared = [_prepare(row) for row in rows]
        stamp = (now(), actor, now(), actor)
        with write_transaction(self.con, self.lock) as con:
            con.executemany(
                insert_sql("crm_employers", _EMPLOYER_DATA),
                [[emp[c] for c in _EMPLOYER_DATA] + list(stamp) for emp, _ in prepared],
            )
            sites = [site for _, emp_sites in prepared for site in emp_sites]
            if sites:
                con.executemany(
                    insert_sql("crm_sites", _SITE_DATA),
                    [[s[c] for c in _SITE_DATA] + list(stamp) for s in sites],
                )
            for emp, _ in prepared:
                log_change(con, actor=actor, entity="employer", entity_id=emp["id"], action="create")
        return self._get_many([emp["id"] for emp, _ in prepared])

    def get(self, *, employer_id: str) -> EmployerRecord:
        """Return the live employer; raise NotFoundError when missing or deleted."""
        found = self._get_many([employer_id])
        if not found:
            raise NotFoundError("employer", employer_id)
        return found[0]

    def list(self, *, limit: int = 50, after: str | None = None) -> builtins.list[EmployerRecord]:
        """Live employers ordered by id, ``limit`` of them after the cursor id ``after``."""
        rows = self.con.execute(
            "SELECT id FROM crm_employers WHERE deleted_at IS NULL AND (? IS NULL OR id > ?::UUID) "
            "ORDER BY id LIMIT ?",
            [after, after, limit],
        ).fetchall()
        return self._get_many([str(r[0]) for r in rows])

    def list_all(self) -> builtins.list[EmployerRecord]:
        """Every live employer (for building the ranking index)."""
        ids = self.con.execute("SELECT id FROM crm_employers WHERE deleted_at IS NULL").fetchall()
        return self._get_many([str(r[0]) for r in ids])

    def _get_many(self, ids: Sequence[str]) -> builtins.list[EmployerRecord]:
        if not ids:
            return []
        uuids = [uuid_of("id", i) for i in ids]
        emp_rows = self.con.execute(
            f"SELECT {', '.join(EMPLOYER_COLUMNS)} FROM crm_employers "
            "WHERE deleted_at IS NULL AND list_contains(?, id) ORDER BY id",
            [uuids],
        ).fetchall()
        site_rows = self.con.execute(
            f"SELECT {', '.join(SITE_COLUMNS)} FROM crm_sites "
            "WHERE deleted_at IS NULL AND list_contains(?, employer_id) ORDER BY name, id",
            [uuids],
        ).fetchall()
        sites: dict[str, list[SiteRecord]] = {}
        for row in site_rows:
            site = SiteRecord(**clean(SITE_COLUMNS, row))
            sites.setdefault(site.employer_id, []).append(site)
        by_id = {}
        for row in emp_rows:
            values = clean(EMPLOYER_COLUMNS, row)
            by_id[values["id"]] = EmployerRecord(**values, sites=tuple(sites.get(values["id"], [])))
        return [by_id[i] for i in ids if i in by_id]


def _prepare(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    unknown = set(values) - set(_EMPLOYER_DATA) - {"sites"}
    if unknown:
        raise InvalidError(sorted(unknown)[0], "is not an employer field")
    check_employer(values)
    emp = {c: values.get(c) for c in _EMPLOYER_DATA}
    emp["id"] = new_id("id", values.get("id"))
    emp["stage"] = values.get("stage") or "prospect"
    emp["do_not_contact"] = bool(values.get("do_not_contact", False))
    emp["needs_learned"] = values.get("needs_learned") or ""
    for name in _LISTS:
        emp[name] = list(values.get(name) or [])
    return emp, [_prepare_site(site, str(emp["id"])) for site in values.get("sites") or []]


def _prepare_site(site: Mapping[str, Any], employer_id: str) -> dict[str, Any]:
    extra = set(site) - set(_SITE_DATA) - {"employer_id"}
    if extra:
        raise InvalidError(f"sites.{sorted(extra)[0]}", "is not a site field")
    row = {c: site.get(c) for c in _SITE_DATA}
    row.update(id=new_id("sites.id", site.get("id")), employer_id=employer_id)
    for text in ("name", "address", "postcode", "city"):
        row[text] = row[text] or ""
    return row
