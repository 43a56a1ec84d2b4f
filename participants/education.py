"""`EducationStore`: a participant's education episodes (``caseload_education``).

ips-domain.md §3.7 and §8 "EducationEpisode": institution, programme, level, start, end, status.
Sweden and Denmark count *job or education* as the outcome, so an episode's status matters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from participants.episode_store import EpisodeStore, day, not_before
from participants.errors import InvalidError
from storekit.checks import check_choice
from storekit.records import StoredRecord

#: Levels, coarse on purpose (an ISCED-like ladder a specialist can pick without a manual).
EDUCATION_LEVELS = ("basic", "secondary", "vocational", "higher", "adult_education", "course", "other")
#: ``planned`` (place offered, not started), ``enrolled`` (studying), ``completed``, ``left``
#: (stopped before the end), ``paused``.
EDUCATION_STATUSES = ("planned", "enrolled", "paused", "completed", "left")
#: Statuses that mean the episode is over and so needs an end date.
ENDED_STATUSES = frozenset({"completed", "left"})


@dataclass(frozen=True, slots=True)
class EducationRecord(StoredRecord):
    """One course or programme a participant follows or followed."""

    participant_id: str
    institution: str
    level: str
    start_date: dt.date
    status: str
    programme: str = ""
    end_date: dt.date | None = None


class EducationStore(EpisodeStore[EducationRecord]):
    """Education episodes in ``caseload_education``."""

    table = "caseload_education"
    entity = "education"
    record = EducationRecord
    order = "start_date"
    defaults: ClassVar[Mapping[str, Any]] = {"programme": "", "status": "enrolled"}
    required = frozenset({"institution", "level", "start_date", "status"})

    def check(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """Education rules: known level and status, days in order, an end date once it ended."""
        out = dict(row)
        out["institution"] = str(out.get("institution") or "").strip()
        out["programme"] = str(out.get("programme") or "").strip()
        if not out["institution"]:
            raise InvalidError("institution", "is required")
        check_choice("level", out.get("level"), EDUCATION_LEVELS)
        check_choice("status", out.get("status"), EDUCATION_STATUSES)
        out["start_date"] = day("start_date", out.get("start_date"))
        out["end_date"] = day("end_date", out.get("end_date"))
        not_before(out, "end_date", "start_date")
        if out["status"] in ENDED_STATUSES and out["end_date"] is None:
            raise InvalidError("end_date", f"is required when the status is {out['status']}")
        return out
