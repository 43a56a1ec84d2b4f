"""Reverting an import: soft-delete what it created, put back what it updated."""

from __future__ import annotations

import json
from typing import Any

from employers import changes
from employers.import_rows import TABLES
from employers.store import EmployerStore
from storekit.connection import Connection
from storekit.transactions import now


def delete_created(con: Connection, entity: str, entity_id: str, link_id: Any, actor: str) -> None:
    """Soft-delete a record an import created (and a contact's follow-up tasks, a person's link)."""
    table, noun = TABLES[entity]
    live = con.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NULL", [entity_id]).fetchone()
    if live:
        changes.soft_delete(con, table=table, entity=noun, entity_id=entity_id, actor=actor)
    if entity == "contacts":
        con.execute(
            "UPDATE crm_tasks SET deleted_at = ?, deleted_by = ? WHERE contact_id = ? AND deleted_at IS NULL",
            [now(), actor, entity_id],
        )
    if link_id is not None:
        _delete_link(con, str(link_id), actor)


def _delete_link(con: Connection, link_id: str, actor: str) -> None:
    live = con.execute(
        "SELECT 1 FROM crm_employer_people WHERE id = ? AND deleted_at IS NULL", [link_id]
    ).fetchone()
    if live:
        changes.soft_delete(
            con, table="crm_employer_people", entity="person_link", entity_id=link_id, actor=actor
        )


def restore_updated(
    con: Connection,
    entity: str,
    entity_id: str,
    link_id: Any,
    before: dict[str, Any],
    after: dict[str, Any],
    actor: str,
) -> None:
    """Put back the old value of each field the import changed and nobody changed since."""
    table, noun = TABLES[entity]
    if "link.created" in before:
        _delete_link(con, str(link_id), actor)
    plain = {k: v for k, v in before.items() if not k.startswith("link.")}
    links = {k[5:]: v for k, v in before.items() if k.startswith("link.") and k != "link.created"}
    for target, fields, name, ident in (
        (table, plain, noun, entity_id),
        ("crm_employer_people", links, "person_link", link_id),
    ):
        if not fields or ident is None:
            continue
        prefix = "" if target == table else "link."
        now_values = changes.current(
            con, table=target, entity=name, entity_id=str(ident), columns=list(fields)
        )
        untouched = {f: v for f, v in fields.items() if _jsonable(now_values[f]) == after[prefix + f]}
        if not untouched:
            continue
        if target == "crm_employers":
            EmployerStore(con).apply_update(con, str(ident), untouched, actor, action="import_revert")
        else:
            changes.update_row(
                con,
                table=target,
                entity=name,
                entity_id=str(ident),
                values=untouched,
                actor=actor,
                action="import_revert",
            )


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(_plain(value), default=str))


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
