"""CRM records -> response models (participant links shown only to the participant's unit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TypeVar
from uuid import UUID

from pydantic import BaseModel

from employers import ContactRecord, MergeRecord, PersonRecord, TimelineItem
from service.api.mappers import employer_out
from service.api.schemas import crm as schemas_crm
from service.api.schemas import views as schemas_views

M = TypeVar("M", bound=BaseModel)


def fields_of(record: Any, model: type[M], **extra: Any) -> M:
    """``model`` filled from the record's attributes of the same names (plus ``extra``)."""
    values = {k: getattr(record, k) for k in model.model_fields if hasattr(record, k)}
    return model(**(values | extra))


def person_out(rec: PersonRecord) -> schemas_crm.PersonOut:
    """A person with their employer links."""
    links = [fields_of(link, schemas_crm.PersonLinkOut) for link in rec.employers]
    return fields_of(rec, schemas_crm.PersonOut, employers=links)


def contact_out(rec: ContactRecord, units: Sequence[str]) -> schemas_crm.ContactOut:
    """A contact; its participant link is hidden unless the reader works in that unit."""
    return fields_of(rec, schemas_crm.ContactOut, **_participant_view(rec, units))


def timeline_out(item: TimelineItem, units: Sequence[str]) -> schemas_views.TimelineItemOut:
    """A timeline event, hiding a participant link from readers outside its unit."""
    return fields_of(item, schemas_views.TimelineItemOut, **_participant_view(item, units))


def _participant_view(rec: ContactRecord | TimelineItem, units: Sequence[str]) -> dict[str, Any]:
    hidden = rec.participant_id is not None and rec.participant_unit not in units
    return {"participant_id": None if hidden else rec.participant_id, "participant_hidden": hidden}


def merge_out(rec: MergeRecord, survivor: Any = None) -> schemas_views.MergeOut:
    """A merge with what moved and the survivor as it is now (if live)."""
    values = asdict(rec)
    values["changed"] = {
        k: schemas_views.FieldChangeOut(before=b, after=a) for k, (b, a) in rec.changed.items()
    }
    values["survivor"] = employer_out(survivor) if survivor is not None else None
    return schemas_views.MergeOut(**values)


def ids_as_text(values: dict[str, Any]) -> dict[str, Any]:
    """Request values with UUIDs as strings, as the stores take them."""
    return {k: str(v) if isinstance(v, UUID) else v for k, v in values.items()}
