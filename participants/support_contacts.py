"""`SupportContactStore`: follow-along support contacts with a participant.

ips-domain.md §3.6 and §8 "SupportContact": the day, the mode, where, what kind of support and
with whom. V12 (follow-along timetable) counts face-to-face contacts with the participant; the
due contacts a job calls for are computed from it, never stored
(`service.usecases.follow_along`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from participants.episode_store import EpisodeStore, day
from participants.errors import InvalidError
from storekit.checks import check_choice
from storekit.records import StoredRecord

SUPPORT_MODES = ("face_to_face", "phone", "video", "message")
SUPPORT_LOCATIONS = ("", "community", "office", "workplace", "home", "remote")
SUPPORT_TYPES = (
    "job_support",
    "employer_support",
    "job_search",
    "benefits",
    "education",
    "engagement",
    "job_end",
)
WITH_WHOM = ("participant", "employer", "family", "team")


@dataclass(frozen=True, slots=True)
class SupportContactRecord(StoredRecord):
    """One support contact; ``with_whom`` lists everyone it was with (at least one)."""

    participant_id: str
    contact_date: dt.date
    mode: str
    contact_type: str
    with_whom: tuple[str, ...]
    location: str = ""
    job_id: str | None = None
    note: str = ""


class SupportContactStore(EpisodeStore[SupportContactRecord]):
    """Support contacts in ``caseload_support_contacts``, oldest first."""

    table = "caseload_support_contacts"
    entity = "support_contact"
    record = SupportContactRecord
    order = "contact_date"
    defaults: ClassVar[Mapping[str, Any]] = {
        "location": "",
        "note": "",
        "with_whom": ("participant",),
        "contact_type": "job_support",
    }
    required = frozenset({"contact_date", "mode", "contact_type", "with_whom"})

    def check(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """Known mode, location, type and people; no contact dated in the future."""
        out = dict(row)
        out["contact_date"] = day("contact_date", out.get("contact_date"))
        # One day of slack: just after midnight in Europe it is still yesterday in UTC.
        tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
        if out["contact_date"] is not None and out["contact_date"] > tomorrow:
            raise InvalidError("contact_date", "is in the future; log a contact once it happened")
        check_choice("mode", out.get("mode"), SUPPORT_MODES)
        check_choice("location", out.get("location"), SUPPORT_LOCATIONS)
        check_choice("contact_type", out.get("contact_type"), SUPPORT_TYPES)
        who = tuple(dict.fromkeys(out.get("with_whom") or ()))
        if not who:
            raise InvalidError("with_whom", "name at least one of " + ", ".join(WITH_WHOM))
        for name in who:
            check_choice("with_whom", name, WITH_WHOM)
        out["with_whom"] = who
        out["note"] = str(out.get("note") or "")
        return out
