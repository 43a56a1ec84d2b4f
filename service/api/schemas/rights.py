"""GDPR rights and backups: consent entries, erasure requests and their results, backup results."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from participants.consents import ConsentRecord
from service.api.schemas.common import Out, ParticipantRecordOut, Strict, strict_with_examples

Purpose = Literal["team_sharing", "employer_disclosure", "national_register_export"]


class ConsentIn(Strict):
    """A consent given or withdrawn by the person (recorded by the caller, dated ``effective_on``)."""

    model_config = strict_with_examples({"purpose": "employer_disclosure", "state": "withdrawn"})

    purpose: Purpose
    state: Literal["given", "withdrawn"]
    effective_on: date | None = Field(
        None, ge=date(1900, 1, 1), description="When the person gave or withdrew it; default today"
    )


class ConsentOut(ParticipantRecordOut):
    """One entry of the consent register."""

    purpose: str
    state: str
    effective_on: date
    recorded_at: datetime
    recorded_by: str


class ConsentsOut(Out):
    """A participant's consent register: ``current`` purpose -> state, and every entry oldest first."""

    current: dict[str, str]
    history: list[ConsentOut]

    @classmethod
    def from_history(cls, entries: list[ConsentRecord]) -> ConsentsOut:
        """The register from its entries (the latest per purpose is the current state)."""
        current = {e.purpose: e.state for e in sorted(entries, key=lambda e: e.recorded_at)}
        return cls(current=current, history=[ConsentOut.from_fields(e) for e in entries])


class ErasureIn(Strict):
    """``erase`` removes all personal data; ``pseudonymise`` keeps the structured profile by id."""

    model_config = strict_with_examples({"mode": "erase"})

    mode: Literal["erase", "pseudonymise"]


class ErasureOut(Out):
    """What an erasure changed: table or kind -> rows changed or deleted."""

    participant_id: str
    mode: str
    caseload: dict[str, int]
    crm: dict[str, int]


class BackupOut(Out):
    """A written backup: its folder name, per-table row counts and checksums, per-file SHA-256."""

    # No ``path`` field: from_fields(backup) leaves the server's folder path out.

    name: str
    created_at: str
    duckdb_version: str
    tables: dict[str, dict[str, int | str]]
    files: dict[str, str]
