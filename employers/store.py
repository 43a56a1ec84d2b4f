"""`EmployerStore`: employers and their sites; create, update, soft delete, restore, list, search."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from employers import changes, uniqueness
from employers.change_log import insert_records
from employers.dedupe import Candidate
from employers.errors import ConflictError
from employers.models import EmployerRecord, SiteRecord, check_employer, column_names
from employers.search import rank_by_name
from employers.values import EmployerFilters, EmployerValues, SiteValues
from storekit.checks import first, refuse_nulls, refuse_unknown, refuse_unsafe
from storekit.connection import Connection
from storekit.pages import page_rows
from storekit.rows import clean, data_columns, insert_many, new_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

EMPLOYER_COLUMNS = column_names(EmployerRecord)
SITE_COLUMNS = column_names(SiteRecord)
_EMPLOYER_DATA = data_columns(EMPLOYER_COLUMNS)
_SITE_DATA = data_columns(SITE_COLUMNS)
_LISTS = ("aliases", "hiring_occupations")
_NOT_NULL = frozenset({"name", "stage", "do_not_contact", "needs_learned", "aliases", "hiring_occupations"})
#: Fields a PATCH may change (sites have their own route).
UPDATABLE = tuple(c for c in _EMPLOYER_DATA if c != "id")
_FILTER = (
    "deleted_at IS NULL AND (?::VARCHAR IS NULL OR stage = ?) AND (?::VARCHAR IS NULL OR sector_nace = ?) "
    "AND (?::VARCHAR IS NULL OR owner = ?) AND (?::BOOLEAN IS NULL OR do_not_contact = ?)"
)


class EmployerStore(Store):
    """Employers and sites in the ``crm_*`` tables of an injected DuckDB connection."""

    def create(self, *, values: EmployerValues, actor: str, check_duplicates: bool = False) -> EmployerRecord:
        """Create one employer (with its ``sites``) and return it as stored.

        Raises:
            DuplicateError: ``check_duplicates`` and the employer looks like a live one.
            ConflictError: A live employer has the same registry number.
        """
        return self.create_many(rows=[values], actor=actor, check_duplicates=check_duplicates)[0]

    def create_many(
        self, *, rows: Sequence[EmployerValues], actor: str, check_duplicates: bool = False
    ) -> builtins.list[EmployerRecord]:
        """Create employers in one transaction; nothing is written if any row is invalid."""
        prepared = [prepare(row) for row in rows]
        with self.transaction() as con:
            self.insert(con, [emp for emp, _ in prepared], [s for _, ss in prepared for s in ss], actor)
            if check_duplicates:
                uniqueness.refuse_duplicates(self.con, [emp for emp, _ in prepared])
        return self._get_many([emp["id"] for emp, _ in prepared])

    def insert(
        self,
        con: Connection,
        employers: Sequence[dict[str, Any]],
        sites: Sequence[dict[str, Any]],
        actor: str,
        *,
        registry_checked: bool = False,
    ) -> None:
        """Insert prepared rows inside the caller's transaction (registry numbers checked first).

        ``registry_checked``: the caller checked them against its own key index (an import).
        """
        if not registry_checked:
            uniqueness.check_registry_numbers(self.con, employers)
        insert_records(
            con,
            table="crm_employers",
            columns=_EMPLOYER_DATA,
            records=employers,
            actor=actor,
            entity="employer",
        )
        insert_records(con, table="crm_sites", columns=_SITE_DATA, records=sites, actor=actor, entity=None)
        at = now()
        insert_many(
            con,
            "crm_stage_history",
            ("id", "employer_id", "from_stage", "to_stage", "changed_at", "changed_by"),
            [(new_id("id", None), emp["id"], None, emp["stage"], at, actor) for emp in employers],
        )

    def update(self, *, employer_id: str, values: EmployerValues, actor: str) -> EmployerRecord:
        """Change fields of a live employer; one change-log row per changed field.

        A stage change also writes a stage-history row.

        Raises:
            NotFoundError: No live employer with that id.
            InvalidError: A field breaks a rule or is not updatable.
            ConflictError: The new registry number belongs to another live employer.
        """
        refuse_unknown(values, UPDATABLE, "is not an updatable employer field")
        refuse_nulls(values, _NOT_NULL)
        refuse_unsafe(values)
        with self.transaction() as con:
            self.apply_update(con, employer_id, values, actor)
        return self.get(employer_id=employer_id)

    def apply_update(
        self,
        con: Connection,
        employer_id: str,
        values: Mapping[str, Any],
        actor: str,
        action: str = "update",
        *,
        registry_checked: bool = False,
    ) -> dict[str, tuple[Any, Any]]:
        """Update inside the caller's transaction; returns field -> (old, new).

        ``registry_checked``: the caller checked a new registry number against its key index.
        """
        old = self.get(employer_id=employer_id)
        merged = {**{c: getattr(old, c) for c in UPDATABLE}, **values}
        check_employer(merged)
        if "registry_number" in values and not registry_checked:
            uniqueness.check_registry_numbers(
                self.con, [{"id": employer_id, "registry_number": values["registry_number"]}]
            )
        clean_values = {k: (list(v) if k in _LISTS else v) for k, v in values.items()}
        if "needs_learned" in clean_values:
            clean_values["needs_learned"] = clean_values["needs_learned"] or ""
        done = changes.update_row(
            con,
            table="crm_employers",
            entity="employer",
            entity_id=employer_id,
            values=clean_values,
            actor=actor,
            action=action,
        )
        if "stage" in done:
            con.execute(
                "INSERT INTO crm_stage_history VALUES (?, ?, ?, ?, ?, ?)",
                [new_id("id", None), employer_id, done["stage"][0], done["stage"][1], now(), actor],
            )
        return done

    def delete(self, *, employer_id: str, actor: str) -> None:
        """Soft-delete a live employer (its registry number becomes free for a new record)."""
        with self.transaction() as con:
            changes.soft_delete(
                con, table="crm_employers", entity="employer", entity_id=employer_id, actor=actor
            )

    def create_site(self, *, employer_id: str, values: SiteValues, actor: str) -> EmployerRecord:
        """Add a site (shop, depot, office with its address) to a live employer."""
        site = _prepare_site(values, employer_id)
        with self.transaction() as con:
            self.get(employer_id=employer_id)
            insert_records(
                con, table="crm_sites", columns=_SITE_DATA, records=[site], actor=actor, entity="site"
            )
        return self.get(employer_id=employer_id)

    def restore(self, *, employer_id: str, actor: str) -> EmployerRecord:
        """Undelete an employer; ConflictError if its registry number was reused meanwhile."""
        with self.transaction() as con:
            row = con.execute(
                "SELECT registry_number, merged_into_id FROM crm_employers WHERE id = ?",
                [uuid_of("employer_id", employer_id)],
            ).fetchone()
            if row is not None and row[1] is not None:
                raise ConflictError("id", f"was merged into {row[1]}; undo the merge instead", str(row[1]))
            if row is not None:
                uniqueness.check_registry_numbers(self.con, [{"id": employer_id, "registry_number": row[0]}])
            changes.restore(con, table="crm_employers", entity="employer", entity_id=employer_id, actor=actor)
        return self.get(employer_id=employer_id)

    def get(self, *, employer_id: str) -> EmployerRecord:
        """Return the live employer; raise NotFoundError when missing or deleted."""
        return first(self._get_many([employer_id]), "employer", employer_id)

    def get_many(self, *, employer_ids: Sequence[str]) -> builtins.list[EmployerRecord]:
        """The live employers among ``employer_ids`` (one query per table, not one per id), by id."""
        return self._get_many(list(dict.fromkeys(employer_ids)))

    def list(
        self,
        *,
        limit: int = 50,
        after: str | None = None,
        **filters: Unpack[EmployerFilters],
    ) -> builtins.list[EmployerRecord]:
        """Live employers matching the filters, ordered by id, ``limit`` after the cursor ``after``."""
        args = _filter_args(**filters)
        rows = page_rows(
            self.con, "crm_employers", ("id",), where=_FILTER, parameters=args, after=after, limit=limit
        )
        return self._get_many([str(r[0]) for r in rows])

    def search(
        self,
        *,
        q: str,
        limit: int = 50,
        after: str | None = None,
        **filters: Unpack[EmployerFilters],
    ) -> builtins.list[tuple[EmployerRecord, float]]:
        """Fuzzy search over names and aliases: (employer, score 0-100), best first, ties by id.

        ``after`` is the id of the last hit of the previous page.
        """
        rows = self.con.execute(
            f"SELECT id, name, aliases FROM crm_employers WHERE {_FILTER}",
            _filter_args(**filters),
        ).fetchall()
        ranked = rank_by_name(q, [(str(i), n, tuple(a)) for i, n, a in rows])
        ids = [i for i, _ in ranked]
        start = ids.index(after) + 1 if after in ids else 0
        page = ranked[start : start + limit]
        found = {r.id: r for r in self._get_many([i for i, _ in page])}
        return [(found[i], score) for i, score in page if i in found]

    def list_all(self) -> builtins.list[EmployerRecord]:
        """Every live employer (for building the ranking index)."""
        ids = self.con.execute("SELECT id FROM crm_employers WHERE deleted_at IS NULL").fetchall()
        return self._get_many([str(r[0]) for r in ids])

    def candidates(self) -> builtins.list[Candidate]:
        """Every live employer as the duplicate matcher sees it."""
        return uniqueness.candidates(self.con)

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


def _filter_args(
    *,
    stage: str | None = None,
    sector: str | None = None,
    owner: str | None = None,
    do_not_contact: bool | None = None,
) -> builtins.list[Any]:
    return [stage, stage, sector, sector, owner, owner, do_not_contact, do_not_contact]


def prepare(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An employer row and its site rows from caller values (defaults filled, rules checked)."""
    refuse_unknown(values, {*_EMPLOYER_DATA, "sites"}, "is not an employer field")
    refuse_unsafe(values)
    check_employer(values)
    emp = {c: values.get(c) for c in _EMPLOYER_DATA}
    emp["id"] = new_id("id", values.get("id"))
    emp["stage"] = values.get("stage") or "prospect"
    emp["do_not_contact"] = bool(values.get("do_not_contact", False))
    emp["needs_learned"] = values.get("needs_learned") or ""
    emp["hiring_process"] = values.get("hiring_process") or ""
    for name in _LISTS:
        emp[name] = list(values.get(name) or [])
    return emp, [_prepare_site(site, str(emp["id"])) for site in values.get("sites") or []]


def _prepare_site(site: Mapping[str, Any], employer_id: str) -> dict[str, Any]:
    employer_id = str(uuid_of("employer_id", employer_id))
    refuse_unknown(site, {*_SITE_DATA, "employer_id"}, "is not a site field", prefix="sites.")
    refuse_unsafe(site, prefix="sites.")
    row = {c: site.get(c) for c in _SITE_DATA}
    row.update(id=new_id("sites.id", site.get("id")), employer_id=employer_id)
    for text in ("name", "address", "postcode", "city"):
        row[text] = row[text] or ""
    return row
