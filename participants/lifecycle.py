"""The participant lifecycle's rules: phases, referral, entry, closure reasons (pure, no SQL).

The IPS status of a person is their ``phase`` (referred → enrolled → job_search → working /
education → follow_along → closed, and ``paused``); the older coarse ``status`` (active, on_hold,
closed: what the overnight batch ranks) is derived from it. Closure reasons come from a closed
list; the reasons that break zero exclusion are refused with a message saying why
(../shared/reference/ips-domain.md §2.3 V14, §8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal, get_args

from participants.errors import InvalidError
from storekit.checks import check_choice

Phase = Literal[
    "referred", "enrolled", "job_search", "working", "education", "follow_along", "paused", "closed"
]
ReferralSource = Literal["self", "mh_team", "pes", "family", "other"]
EntryEmployment = Literal["unemployed", "inactive", "employed_at_risk", "employed_seeking_change"]
PHASES: tuple[Phase, ...] = get_args(Phase)
REFERRAL_SOURCES: tuple[ReferralSource, ...] = get_args(ReferralSource)
ENTRY_EMPLOYMENT: tuple[EntryEmployment, ...] = get_args(EntryEmployment)
#: Reasons a participant's file may be closed (``other`` needs a note saying what happened).
CLOSURE_REASONS = (
    "got_job_and_graduated",
    "chose_to_leave",
    "moved_away",
    "transferred",
    "deceased",
    "other",
)
#: Reasons that break zero exclusion: the programme excludes the person instead of the person leaving.
REFUSED_CLOSURE_REASONS = ("not_ready", "missed_appointments", "time_limit_reached", "declined_by_programme")
_REFUSED_ALIASES = {"time_limit": "time_limit_reached", "declined_by_the_programme": "declined_by_programme"}
REFUSED_MESSAGE = (
    "is refused: {reason!r} breaks zero exclusion. IPS never closes a file because a person "
    "seems not ready, missed appointments, reached a time limit or was declined by the programme; "
    "keep them on the caseload and keep reaching out. Refused reasons: "
    + ", ".join(REFUSED_CLOSURE_REASONS)
    + "; allowed: "
    + ", ".join(CLOSURE_REASONS)
    + " (with closure_note for details)"
)
#: The lifecycle columns of ``caseload_participants`` (besides ``status``), in table order.
LIFECYCLE = (
    "phase", "referral_source", "referral_received_at", "referral_accepted_at", "first_meeting_at",
    "employment_status_at_entry", "closed_at", "closure_reason", "closure_note",
)  # fmt: skip
_DATES = ("referral_received_at", "referral_accepted_at", "first_meeting_at", "closed_at", "phase_date")
#: Which coarse status each phase means.
_STATUS_OF = {"paused": "on_hold", "closed": "closed"}
#: The date the programme counts as entry (a programme setting names one of these fields).
ENTRY_FIELDS = ("referral_accepted_at", "first_meeting_at")


def status_of(phase: str) -> str:
    """The coarse status (active, on_hold, closed) a phase means."""
    return _STATUS_OF.get(phase, "active")


def phase_for_status(status: str, current: str) -> str:
    """The phase a legacy ``status`` value asks for, given the current phase."""
    if status == "closed":
        return "closed"
    if status == "on_hold":
        return "paused"
    return "enrolled" if current in ("paused", "closed") else current


def normalise_reason(reason: str) -> str:
    """A closure reason as compared with the lists: lower case, ``_`` for spaces and dashes."""
    key = "_".join(reason.strip().lower().replace("-", " ").split())
    return _REFUSED_ALIASES.get(key, key)


def check_closure(values: Mapping[str, Any]) -> str:
    """The normalised closure reason of a closing participant, or InvalidError on ``closure_reason``."""
    raw = values.get("closure_reason")
    if not str(raw or "").strip():
        raise InvalidError(
            "closure_reason", f"is required to close a file; one of {', '.join(CLOSURE_REASONS)}"
        )
    reason = normalise_reason(str(raw))
    if reason in REFUSED_CLOSURE_REASONS:
        raise InvalidError("closure_reason", REFUSED_MESSAGE.format(reason=raw))
    if reason not in CLOSURE_REASONS:
        raise InvalidError("closure_reason", f"must be one of {', '.join(CLOSURE_REASONS)}; got {raw!r}")
    if reason == "other" and not str(values.get("closure_note") or "").strip():
        raise InvalidError("closure_note", "say what happened when the reason is 'other'")
    return reason


def check_dates(values: Mapping[str, Any]) -> None:
    """InvalidError when referral, entry and closure dates are out of order."""
    received, accepted = values.get("referral_received_at"), values.get("referral_accepted_at")
    if received and accepted and accepted < received:
        raise InvalidError("referral_accepted_at", "must not be before referral_received_at")
    closed = values.get("closed_at")
    for name in ("referral_received_at", "first_meeting_at"):
        if closed and values.get(name) and closed < values[name]:
            raise InvalidError("closed_at", f"must not be before {name}")


def as_date(name: str, value: Any) -> dt.date | None:
    """A date from a date or an ISO text (a datetime's day); InvalidError naming ``name``."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidError(name, f"is not a date (YYYY-MM-DD): {value!r}") from None


def entry_date(record: Any, field: str) -> dt.date | None:
    """Programme entry of a participant record by the programme's rule (one of ENTRY_FIELDS)."""
    check_choice("entry_date_field", field, ENTRY_FIELDS)
    value: dt.date | None = getattr(record, field)
    return value


def dated(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every lifecycle date parsed (`as_date`)."""
    return {k: as_date(k, v) if k in _DATES else v for k, v in values.items()}


def today() -> dt.date:
    """Today's UTC calendar day."""
    return dt.datetime.now(dt.UTC).date()
