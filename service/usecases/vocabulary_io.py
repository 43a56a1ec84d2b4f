"""Importing the programme vocabulary from CSV: all rows or none, every bad row named with why."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from matching.linking.aliases import alias_key
from matching.linking.esco import EscoCatalog
from service.usecases.vocabulary import known_uri, refresh
from vocabulary import KINDS, LANGUAGES, AliasRecord, AliasStore, AliasValues

if TYPE_CHECKING:
    from service.usecases.lead_engine import LeadEngine

#: Required CSV columns, in the order `ipsmatch vocabulary list --format csv` writes them; ``note``
#: is optional.
CSV_COLUMNS = ("kind", "language", "text", "esco_uri")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one CSV row cannot be imported.

    Attributes:
        line: The row's line in the file (the header is line 1).
        field: The column at fault.
        message: What is wrong, in plain words.
    """

    line: int
    field: str
    message: str


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: nothing at all when ``problems`` is not empty.

    Attributes:
        created: The aliases added.
        unchanged: Rows that were already aliases for the same concept (skipped).
        problems: Every bad row and why.
    """

    created: list[AliasRecord] = field(default_factory=list)
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def read_csv(text: str) -> tuple[list[dict[str, str]], list[RowProblem]]:
    """The rows of a vocabulary CSV, or a problem naming the missing columns of its header."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        return [], [RowProblem(1, missing[0], f"missing column(s): {', '.join(missing)}")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader], []


def import_aliases(
    *,
    catalog: EscoCatalog,
    engine: LeadEngine | None,
    store: AliasStore,
    rows: Sequence[Mapping[str, str]],
    actor: str,
) -> ImportOutcome:
    """Add every row as an alias in one transaction, or none when any row is bad.

    A row that is already an alias for the same concept is skipped, so a file can be imported
    again after it grew.
    """
    existing = {(a.kind, a.language, a.folded): a.esco_uri for a in store.live()}
    seen: dict[tuple[str, str, str], int] = {}
    problems: list[RowProblem] = []
    todo: list[AliasValues] = []
    unchanged = 0
    for line, row in enumerate(rows, start=2):
        found = _row_problem(catalog, row, line)
        if found is not None:
            problems.append(found)
            continue
        key = (row["kind"], row["language"], alias_key(row["text"]))
        if key in seen:
            problems.append(RowProblem(line, "text", f"{row['text']!r} repeats line {seen[key]}"))
        elif key in existing and existing[key] != row["esco_uri"]:
            problems.append(
                RowProblem(line, "text", f"{row['text']!r} is already an alias for {existing[key]}")
            )
        elif key in existing:
            unchanged += 1
        else:
            todo.append(_values(row, key[2]))
        seen.setdefault(key, line)
    if problems:
        return ImportOutcome(problems=problems)
    created = store.create_many(rows=todo, actor=actor) if todo else []
    refresh(engine)
    return ImportOutcome(created=created, unchanged=unchanged)


def _row_problem(catalog: EscoCatalog, row: Mapping[str, str], line: int) -> RowProblem | None:
    """The first thing wrong with one row, or None."""
    kind, language, text, uri = (row.get(c, "") for c in CSV_COLUMNS)
    if kind not in KINDS:
        return RowProblem(line, "kind", f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if language not in LANGUAGES:
        return RowProblem(line, "language", f"unknown language {language!r} (one of {', '.join(LANGUAGES)})")
    if not alias_key(text):
        return RowProblem(line, "text", "is empty")
    if not known_uri(catalog, kind, uri):
        return RowProblem(line, "esco_uri", f"unknown ESCO {kind} URI {uri!r}")
    return None


def _values(row: Mapping[str, str], folded: str) -> AliasValues:
    return AliasValues(
        kind=row["kind"],
        language=row["language"],
        text=row["text"],
        folded=folded,
        esco_uri=row["esco_uri"],
        note=row.get("note", ""),
    )
