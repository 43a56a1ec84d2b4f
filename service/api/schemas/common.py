"""What every entity's request and response models share: strict input, cursor pages, ESCO concepts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, Literal, Self, TypeVar
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from storekit.checks import clean_text, sane_day, utc_moment

#: Text a store can hold: no control character but tab, LF and CR, no lone surrogate (the stores
#: check the same rule; here it is a 422 naming the field before any work is done).
SafeText = Annotated[str, AfterValidator(clean_text)]
#: A time between 1900 and 2200, as aware UTC (a value without a zone is read as UTC).
Moment = Annotated[datetime, AfterValidator(utc_moment)]
#: `Moment` that must carry a time zone.
AwareMoment = Annotated[AwareDatetime, AfterValidator(utc_moment)]
#: A day between 1900-01-01 and 2200-12-31.
Day = Annotated[date, AfterValidator(sane_day)]

LanguageIn = Literal["en", "sv", "da", "fr"]
StageIn = Literal["prospect", "introduced", "learning", "partnered", "hired_from_us", "dormant"]
SubsidyIn = Literal["none", "wage_subsidy", "flexjob", "job_trial", "apprenticeship_aid", "other"]
LicenceIn = Literal["driving_b", "driving_c", "forklift", "food_hygiene", "security", "first_aid"]
ContractIn = Literal["permanent", "fixed_term", "temporary", "seasonal", "apprenticeship"]
Hours = Field(default=None, ge=0, le=80, description="Hours per week")
Text = Field(None, max_length=4000)


class Strict(BaseModel):
    """Unknown fields are an error, so typos are caught instead of silently dropped."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    def store_values(self, **dump: Any) -> dict[str, Any]:
        """The fields as the stores take them: ``model_dump(**dump)`` with top-level UUIDs as text."""
        return {k: str(v) if isinstance(v, UUID) else v for k, v in self.model_dump(**dump).items()}


class Out(BaseModel):
    """A response model that can be filled from a store record's attributes of the same names.

    An answer that is only a record's same-named fields has no ``from_record`` of its own: callers
    use ``from_fields(record)``. A subclass adds a named constructor where it maps or adds fields.
    """

    @classmethod
    def from_fields(cls, *records: object, **extra: Any) -> Self:
        """The model from the ``records``' attributes named like its fields, plus ``extra``.

        A later record's attribute wins over an earlier one's, and ``extra`` over both.
        """
        values = {k: getattr(r, k) for r in records for k in cls.model_fields if hasattr(r, k)}
        return cls(**(values | extra))


class ParticipantRecordOut(Out):
    """A record that belongs to one participant: its own id, then the participant's."""

    id: str
    participant_id: str


T = TypeVar("T")


class Items(BaseModel, Generic[T]):
    """A whole list of answers (no paging); a subclass names it and says its order."""

    items: list[T]


class Page(BaseModel, Generic[T]):
    """Cursor pagination: pass ``next_cursor`` as ``after`` for the next page."""

    next_cursor: str | None
    items: list[T]


class ConceptIn(Strict):
    """An occupation or skill as the person or advert words it; linked to ESCO when saved."""

    label: SafeText = Field(min_length=1, max_length=300, examples=["Undersköterska"])
    uri: SafeText = Field("", max_length=300, description="ESCO URI if known; filled in by linking if empty")


class ConceptOut(BaseModel):
    """An occupation or skill with its ESCO URI and ISCO group (empty when not linked)."""

    label: str
    uri: str
    isco_group: str = ""


def participant_view(participant_id: str | None, unit: str | None, units: Sequence[str]) -> dict[str, Any]:
    """``participant_id`` and ``participant_hidden`` as a reader in ``units`` may see them.

    A participant link is participant data: readers outside the participant's unit see null.
    """
    hidden = participant_id is not None and unit not in units
    return {"participant_id": None if hidden else participant_id, "participant_hidden": hidden}


def with_examples(*examples: dict[str, Any]) -> ConfigDict:
    """The config of a response model whose OpenAPI schema shows these examples."""
    return ConfigDict(json_schema_extra={"examples": list(examples)})


def strict_with_examples(*examples: dict[str, Any]) -> ConfigDict:
    """The config of a `Strict` model whose OpenAPI schema shows these request examples."""
    return Strict.model_config | with_examples(*examples)


def check_hours(hours_min: float | None, hours_max: float | None) -> None:
    """ValueError when both hours are given and ``hours_min`` exceeds ``hours_max``."""
    if hours_min is not None and hours_max is not None and hours_min > hours_max:
        raise ValueError("hours_min must not exceed hours_max")


class HoursChecked(Strict):
    """A body with ``hours_min``/``hours_max`` fields (declared by the subclass, in its order)."""

    @model_validator(mode="after")
    def _hours_in_order(self) -> Self:
        check_hours(getattr(self, "hours_min", None), getattr(self, "hours_max", None))
        return self
