"""Programme vocabulary on DuckDB (``vocab_*`` tables): the team's aliases for titles and skills.

An alias maps a title or skill as the team writes it, in one language, to one ESCO concept. The
service keeps every live alias in memory and consults them before the learned linker.
"""

from __future__ import annotations

from pathlib import Path

from storekit.errors import ConflictError, InvalidError, NotFoundError
from vocabulary.records import KINDS, LANGUAGES, AliasKind, AliasRecord, AliasValues, check_alias
from vocabulary.store import AliasStore

MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = [
    "KINDS",
    "LANGUAGES",
    "MIGRATIONS",
    "AliasKind",
    "AliasRecord",
    "AliasStore",
    "AliasValues",
    "ConflictError",
    "InvalidError",
    "NotFoundError",
    "check_alias",
]
