"""Employer CRM on DuckDB: employers, sites, openings, change log.

The store takes an injected DuckDB connection (or cursor); the service owns the file.
"""

from __future__ import annotations

from pathlib import Path

from employers.errors import EmployerError, InvalidError, NotFoundError
from employers.models import EmployerRecord, OpeningRecord, SiteRecord
from employers.openings import OpeningStore
from employers.store import EmployerStore

MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = [
    "MIGRATIONS",
    "EmployerError",
    "EmployerRecord",
    "EmployerStore",
    "InvalidError",
    "NotFoundError",
    "OpeningRecord",
    "OpeningStore",
    "SiteRecord",
]
