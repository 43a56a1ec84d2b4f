"""Duplicate employers: the review queue, "not a duplicate" decisions, merges and their undo."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from employers import DuplicatePair, EmployerRecord, MergeRecord
from service.api.schemas.common import Out, Page, SafeText, Strict, strict_with_examples
from service.api.schemas.employers import EmployerOut


class DuplicatePairOut(Out):
    """Two live employers that are likely the same, with the score and the reasons."""

    a_id: str
    a_name: str
    b_id: str
    b_name: str
    score: float
    reasons: list[str]
    review: bool = Field(
        False, description="Only a phone number or website in common (a switchboard?): look before merging"
    )

    @classmethod
    def from_pair(cls, pair: DuplicatePair) -> DuplicatePairOut:
        """A suggested pair for the API."""
        return cls.from_fields(pair, reasons=list(pair.reasons))


class DuplicateQueue(Page[DuplicatePairOut]):
    """The review queue, best first (pairs marked "not a duplicate" never come back)."""


class NotDuplicateIn(Strict):
    """Remember that two employers are different."""

    model_config = strict_with_examples(
        {"a_id": "0190a1b2-0000-7000-8000-000000000001", "b_id": "0190a1b2-0000-7000-8000-000000000002"}
    )

    a_id: UUID
    b_id: UUID


class NotDuplicateOut(Out):
    """A pair someone marked "not a duplicate" (``a_id < b_id``): who, when, both names."""

    a_id: str
    a_name: str
    b_id: str
    b_name: str
    decided_at: datetime
    decided_by: str


class NotDuplicateList(BaseModel):
    """The caller's unit's "not a duplicate" decisions, newest first."""

    items: list[NotDuplicateOut]


class MergeIn(Strict):
    """Merge ``loser_id`` into ``survivor_id``, choosing per field whose value to keep."""

    model_config = strict_with_examples(
        {
            "survivor_id": "00000000-0000-4000-8000-000000000001",
            "loser_id": "00000000-0000-4000-8000-000000000002",
            "choices": {"phone": "loser", "needs_learned": "survivor"},
        }
    )

    survivor_id: UUID
    loser_id: UUID
    choices: dict[SafeText, Literal["survivor", "loser"]] = Field(
        default_factory=dict,
        description="field -> side; default: the survivor's value unless empty, do_not_contact if either",
    )


class FieldChangeOut(BaseModel):
    """A survivor field's value before and after the merge."""

    before: object
    after: object


class MergeOut(Out):
    """A merge: what moved (table -> ids) and how the survivor changed."""

    id: str
    survivor_id: str
    loser_id: str
    merged_at: datetime
    merged_by: str
    moved: dict[str, list[str]]
    changed: dict[str, FieldChangeOut]
    undone_at: datetime | None
    undone_by: str | None
    survivor_name: str = Field("", description="The survivor's name now (also when it is not live)")
    loser_name: str = Field("", description="The merged-away employer's name")
    survivor: EmployerOut | None = None

    @classmethod
    def from_record(cls, rec: MergeRecord, survivor: EmployerRecord | None) -> MergeOut:
        """A merge with what moved and the survivor as it is now (None: not live)."""
        return cls.from_fields(
            rec,
            changed={k: FieldChangeOut(before=b, after=a) for k, (b, a) in rec.changed.items()},
            survivor=EmployerOut.from_record(survivor) if survivor is not None else None,
        )


class MergeList(BaseModel):
    """The caller's unit's merges, newest first (undone ones too); ``survivor`` is not filled in."""

    items: list[MergeOut]
