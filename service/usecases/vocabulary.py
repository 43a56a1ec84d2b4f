"""The programme vocabulary: every alias write goes through here and refreshes the alias map.

The map (`matching.linking.aliases.AliasMap`) lives on the engine's normaliser and is replaced
whole after every committed write, so saving an opening or a person never queries aliases.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from matching.linking.aliases import Alias, AliasMap, alias_key
from matching.linking.esco import EscoCatalog
from service.runtime.database import Database
from vocabulary import AliasRecord, AliasStore, AliasValues, InvalidError

if TYPE_CHECKING:
    from service.usecases.lead_engine import LeadEngine


def load_alias_map(db: Database) -> AliasMap:
    """Every live alias of the database as a map (empty before the vocabulary migration)."""
    store = AliasStore(db.cursor())
    if not store.installed():
        return AliasMap()
    return AliasMap(Alias(a.kind, a.language, a.text, a.esco_uri) for a in store.live())


def refresh(engine: LeadEngine | None) -> None:
    """Rebuild the engine's alias map from the database (None: no engine in this process, e.g. CLI)."""
    if engine is not None:
        engine.normaliser.aliases = load_alias_map(engine.db)


def known_uri(catalog: EscoCatalog, kind: str, uri: str) -> bool:
    """True when ``uri`` is an ESCO concept of ``kind``: an occupation or ISCO group, or a skill."""
    if kind == "skill":
        return uri in catalog.skill_labels
    return uri in catalog.occupations or ("/isco/C" in uri and bool(catalog.occupation(uri).label))


def prepared(catalog: EscoCatalog, values: Mapping[str, Any], old: AliasRecord | None = None) -> AliasValues:
    """``values`` with the folded lookup key of a new text, checked against ESCO.

    Args:
        catalog: ESCO lookups.
        values: What the caller gives (all fields of a new alias, or the changed ones).
        old: The alias being changed, whose kind and URI hold where ``values`` has none.

    Raises:
        InvalidError: The ESCO URI is unknown for the alias's kind.
    """
    out: dict[str, Any] = dict(values)
    if "text" in out:
        out["text"] = str(out["text"] or "").strip()
        out["folded"] = alias_key(out["text"])
    kind = str(out.get("kind") or (old.kind if old else ""))
    uri = str(out.get("esco_uri") or (old.esco_uri if old else "")).strip()
    if uri and kind in ("occupation", "skill") and not known_uri(catalog, kind, uri):
        raise InvalidError("esco_uri", f"unknown ESCO {kind} URI {uri!r}")
    return out  # type: ignore[return-value]  # the caller's keys plus folded


def add_alias(
    *, catalog: EscoCatalog, engine: LeadEngine | None, store: AliasStore, values: AliasValues, actor: str
) -> AliasRecord:
    """Add one alias (checked against ESCO) and refresh the map."""
    record = store.create(values=prepared(catalog, values), actor=actor)
    refresh(engine)
    return record


def change_alias(
    *,
    catalog: EscoCatalog,
    engine: LeadEngine | None,
    store: AliasStore,
    alias_id: str,
    values: AliasValues,
    actor: str,
) -> AliasRecord:
    """Change an alias's words, language, kind, concept or note; refresh the map."""
    old = store.get(record_id=alias_id)
    record = store.update(record_id=alias_id, values=prepared(catalog, values, old), actor=actor)
    refresh(engine)
    return record


def remove_alias(*, engine: LeadEngine | None, store: AliasStore, alias_id: str, actor: str) -> AliasRecord:
    """Soft-delete an alias (restorable) and refresh the map."""
    record = store.delete(record_id=alias_id, actor=actor)
    refresh(engine)
    return record


def restore_alias(*, engine: LeadEngine | None, store: AliasStore, alias_id: str, actor: str) -> AliasRecord:
    """Undelete an alias and refresh the map."""
    record = store.restore(record_id=alias_id, actor=actor)
    refresh(engine)
    return record
