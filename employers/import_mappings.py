"""Column mappings: which field each column of a file fills, remembered per file shape.

A mapping is ``{file column: field}``, ``""`` for a column to ignore. A column the mapping does
not name keeps today's rule: its header is the field if it is one, or a header the synonym table
knows (`employers.import_headers`); anything else is an unknown column (an error, so a typo is
not silently dropped). A mapping given with an import is saved for the file's shape (its sorted
folded headers), so the wizard pre-maps the next file with the same headers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from employers.errors import InvalidError
from employers.import_headers import recognise, recognise_all, shape_key
from employers.io_specs import COLUMNS
from storekit.store import Store
from storekit.transactions import now

#: Where a row keeps the cells of ignored columns (for the failed-rows file): ``ignored.<header>``.
IGNORED = "ignored."


def plan_columns(entity: str, headers: Sequence[str], mapping: Mapping[str, str] | None) -> dict[str, str]:
    """Each header -> the field it fills ("" ignored; an unknown header maps to itself).

    Raises:
        InvalidError: On ``mapping`` for a column the file lacks, a field the entity lacks, or
            two columns for one field.
    """
    given = dict(mapping or {})
    for column, field in given.items():
        if column not in headers:
            raise InvalidError("mapping", f"the file has no column {column!r}")
        if field and field not in COLUMNS[entity]:
            raise InvalidError("mapping", f"{field!r} is not a {entity} field")
    plan: dict[str, str] = {}
    for header in headers:
        guess = recognise(entity, header)
        plan[header] = given.get(header, guess.field if guess else header)
    fields = [f for f in plan.values() if f]
    twice = sorted({f for f in fields if fields.count(f) > 1})
    if twice:
        raise InvalidError("mapping", f"two columns fill {twice[0]!r}; ignore one of them")
    return plan


def map_rows(entity: str, plan: Mapping[str, str], rows: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    """Rows keyed by field (ignored cells under ``ignored.<header>``).

    A column read as a registry number whose header names the registry (``CVR``) gives the row
    that ``registry_kind`` unless the row states one.
    """
    kinds = {
        header: guess.registry_kind
        for header, field in plan.items()
        if field == "registry_number" and (guess := recognise(entity, header)) and guess.registry_kind
    }
    out = []
    for row in rows:
        mapped = {(plan[h] or IGNORED + h): v for h, v in row.items()}
        for header, kind in kinds.items():
            if row.get(header) and not mapped.get("registry_kind") and "registry_kind" in COLUMNS[entity]:
                mapped["registry_kind"] = kind
        out.append(mapped)
    return out


def source_cells(plan: Mapping[str, str], cells: Mapping[str, str]) -> dict[str, str]:
    """A mapped row's cells under the file's own headers again (for the failed-rows file)."""
    return {h: cells.get(f or IGNORED + h, "") for h, f in plan.items()}


class ImportMappings(Store):
    """Saved column mappings, one per (entity, file shape)."""

    def get(self, *, entity: str, headers: Sequence[str]) -> dict[str, str] | None:
        """The mapping saved for a file with these headers (matched by shape), or None."""
        row = self.con.execute(
            "SELECT headers, mapping FROM crm_import_mappings WHERE entity = ? AND shape = ?",
            [entity, shape_key(headers)],
        ).fetchone()
        if row is None:
            return None
        saved = dict(zip(json.loads(row[0]), json.loads(row[1]), strict=True))
        by_key = {shape_key([h]): f for h, f in saved.items()}  # the headers may be spelled apart
        return {h: saved.get(h, by_key.get(shape_key([h]), "")) for h in headers}

    def propose(self, *, entity: str, headers: Sequence[str]) -> tuple[dict[str, str], bool]:
        """(header -> field or "", whether it is a saved mapping) for the wizard's mapping step."""
        saved = self.get(entity=entity, headers=headers)
        return (saved, True) if saved is not None else (recognise_all(entity, headers), False)

    def save(self, *, entity: str, plan: Mapping[str, str], actor: str) -> None:
        """Remember ``plan`` (header -> field or "") for files of its shape."""
        headers = list(plan)
        known = [f if f in COLUMNS[entity] else "" for f in plan.values()]
        with self.transaction() as con:
            con.execute(
                "INSERT INTO crm_import_mappings VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity, shape) "
                "DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [entity, shape_key(headers), json.dumps(headers), json.dumps(known), now(), actor],
            )
