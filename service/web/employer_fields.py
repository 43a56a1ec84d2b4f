"""The employer form's fields: a record shown as text, and posted text read back into store values.

`employer_fields` fills the edit form from a record, `new_employer_fields` the create form
(stage prospect, the caller as owner, the unit's country); `employer_values` reads the posted
form into `employers.values.EmployerValues` keys (every field of the form, so a blanked field
clears), noting each failure on its field. A new employer's first site (address, postcode,
place) is read by `site_values`; sites of an existing employer are not edited here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from employers import EmployerRecord
from employers.models import REGISTRY_KINDS, SIZE_BANDS
from matching.types import STAGES
from service.web.countries import COUNTRY_CODES
from service.web.forms import FORM, NOTHING_SENT, Posted
from service.web.labels import N_

EMPLOYER_FIELDS = (
    *("name", "registry_number", "registry_kind", "country", "sector_nace", "size_band"),
    *("website", "phone", "stage", "owner", "do_not_contact", "needs_learned", "hiring_process"),
)
SITE_FIELDS = ("address", "postcode", "city")
UNKNOWN_USER = N_("No user has this username.")
_TEXTS = ("name", "registry_number", "sector_nace", "website", "phone", "owner", "needs_learned")


def employer_fields(rec: EmployerRecord) -> dict[str, list[str]]:
    """The edit form's fields as first shown: the record's values as text."""
    fields = {name: [str(getattr(rec, name) or "")] for name in (*_TEXTS, "hiring_process")}
    for name in ("registry_kind", "country", "size_band", "stage"):
        fields[name] = [getattr(rec, name) or ""]
    if rec.do_not_contact:
        fields["do_not_contact"] = ["on"]
    return fields


def new_employer_fields(*, owner: str, country: str) -> dict[str, list[str]]:
    """The create form's fields as first shown: a prospect owned by the caller, in the unit's country."""
    return {"stage": ["prospect"], "owner": [owner], "country": [country]}


def employer_values(form: Posted, *, known_user: Callable[[str], bool]) -> dict[str, Any]:
    """The employer's store values from the posted form (``known_user`` checks the owner)."""
    if not form.given("name"):
        form.fail(FORM, NOTHING_SENT)
    values: dict[str, Any] = {
        "name": form.text("name", max_length=300, required=True),
        "registry_number": form.text("registry_number", max_length=40) or None,
        "registry_kind": form.choice("registry_kind", REGISTRY_KINDS, required=False),
        "country": form.choice("country", COUNTRY_CODES, required=False),
        "sector_nace": form.sector("sector_nace"),
        "size_band": form.choice("size_band", SIZE_BANDS, required=False),
        "website": form.text("website", max_length=300) or None,
        "phone": form.text("phone", max_length=40) or None,
        "stage": form.choice("stage", STAGES),
        "owner": form.text("owner", max_length=100) or None,
        "do_not_contact": form.given("do_not_contact"),
        "needs_learned": form.text("needs_learned", max_length=4000),
        "hiring_process": form.text("hiring_process", max_length=4000),
    }
    if values["owner"] and not known_user(values["owner"]):
        form.fail("owner", UNKNOWN_USER)
    return values


def site_values(form: Posted, *, country: str | None) -> list[dict[str, Any]]:
    """The new employer's first site, when an address or place was typed (none otherwise)."""
    site = {
        "address": form.text("address", max_length=300),
        "postcode": form.text("postcode", max_length=20),
        "city": form.text("city", max_length=200),
    }
    return [{**site, "name": site["city"], "country": country}] if any(site.values()) else []
