"""What callers pass to `ParticipantStore.create`, as typed dicts.

Every key is optional in the type (``total=False``); ``unit_id`` and ``display_name`` are required
at run time, and unknown keys are refused (InvalidError naming the field). Hours are per week,
distances in km, coordinates in WGS84 degrees.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import TypedDict

from matching.types import Concept

#: A concept as callers give it: a `Concept`, or a mapping with ``label`` and optional ``uri``
#: (or ``esco_uri``) and ``isco_group``.
ConceptValue = Concept | Mapping[str, str]


class HomeValues(TypedDict, total=False):
    """Where the person lives."""

    city: str
    lat: float | None
    lon: float | None


class PreferenceValues(TypedDict, total=False):
    """What the person wants; ``*_is_constraint`` makes a preference a hard limit."""

    preferred_occupations: Sequence[ConceptValue]
    refused_occupations: Sequence[ConceptValue]
    liked_sectors: Sequence[str]
    refused_sectors: Sequence[str]
    hours_min: float | None
    hours_max: float | None
    hours_is_constraint: bool
    max_commute_km: float | None
    commute_is_constraint: bool
    contract_types: Sequence[str]
    exclude_missing_licence: bool
    goals: str
    willing_to_relocate: bool
    remote_ok: bool


class DisclosureValues(TypedDict, total=False):
    """The person's disclosure choice (``none`` and no employer contact by default)."""

    level: str
    es_may_contact_employers: bool
    approved_statements: Sequence[str]


class BenefitsValues(TypedDict, total=False):
    """Benefits counselling notes; ``hours_threshold`` in hours per week."""

    status: str
    hours_threshold: float | None


class ParticipantValues(TypedDict, total=False):
    """A person on a caseload, with preferences, skills and plans."""

    id: str | uuid.UUID
    unit_id: str
    specialist_id: str | None
    display_name: str
    language: str
    status: str
    home: HomeValues | None
    licences: Sequence[str]
    preferences: PreferenceValues | None
    skills: Sequence[ConceptValue]
    disclosure: DisclosureValues | None
    benefits: BenefitsValues | None
