"""The alias record, the values a caller gives, and the rules every alias keeps."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypedDict, get_args

from storekit.errors import InvalidError
from storekit.records import StoredRecord

#: What an alias names: a job title (ESCO occupation or ISCO group) or a skill (ESCO skill).
AliasKind = Literal["occupation", "skill"]
KINDS: tuple[AliasKind, ...] = get_args(AliasKind)
#: The languages the programme writes in.
LANGUAGES = ("sv", "da", "fr", "en")
MAX_TEXT = 300


@dataclass(frozen=True, slots=True)
class AliasRecord(StoredRecord):
    """One live (or soft-deleted) alias as stored (id and audit stamps from `StoredRecord`).

    Attributes:
        id: UUID string.
        kind: "occupation" or "skill".
        language: "sv", "da", "fr" or "en".
        text: The words as the team writes them.
        folded: ``text`` folded as the linker folds titles (the lookup key).
        esco_uri: The ESCO concept the words mean.
        note: Why the team added it (free text).
    """

    kind: str
    language: str
    text: str
    folded: str
    esco_uri: str
    note: str
    deleted_at: datetime | None = None


class AliasValues(TypedDict, total=False):
    """What a caller sets on an alias (``folded`` is computed by the caller's linker folding)."""

    id: str
    kind: str
    language: str
    text: str
    folded: str
    esco_uri: str
    note: str


class AliasFilters(TypedDict, total=False):
    """Equality filters of `AliasStore.list` (None: no filter on that column)."""

    kind: str | None
    language: str | None


def check_alias(values: Mapping[str, Any]) -> None:
    """InvalidError naming the field when an alias breaks a rule (URIs are checked by the service).

    Raises:
        InvalidError: Unknown kind or language, empty or too long text, empty URI.
    """
    if values.get("kind") not in KINDS:
        raise InvalidError("kind", f"must be one of {', '.join(KINDS)}, not {values.get('kind')!r}")
    if values.get("language") not in LANGUAGES:
        raise InvalidError(
            "language", f"unknown language {values.get('language')!r} (one of {', '.join(LANGUAGES)})"
        )
    text = str(values.get("text") or "").strip()
    if not text or not str(values.get("folded") or "").strip():
        raise InvalidError("text", "is empty")
    if len(text) > MAX_TEXT:
        raise InvalidError("text", f"is longer than {MAX_TEXT} characters")
    if not str(values.get("esco_uri") or "").strip():
        raise InvalidError("esco_uri", "is empty")
