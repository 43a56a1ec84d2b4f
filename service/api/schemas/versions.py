"""A saved version of a participant's versioned document (career profile, plan) as the API shows it."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Self

from participants import PlanVersion, ProfileVersion
from service.api.schemas.common import Out


class VersionOut(Out):
    """Who saved a version and when (UTC), with the screening warnings the save confirmed.

    A subclass names the field its saved document is served under (``body_field``) and adds what
    tells its versions apart (a plan's ``kind``, a profile's ``trigger``).
    """

    #: The response field holding the saved document (``plan``, ``profile``): a plain object.
    body_field: ClassVar[str]

    participant_id: str
    version: int
    saved_at: datetime
    saved_by: str
    warnings: list[str]

    @classmethod
    def from_version(cls, v: PlanVersion | ProfileVersion) -> Self:
        """A version for the API: its document as a plain object, each warning in words."""
        body = {cls.body_field: dict(v.body)}
        return cls.from_fields(v, **body, warnings=[w.describe() for w in v.warnings])
