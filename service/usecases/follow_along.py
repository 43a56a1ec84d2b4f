"""Follow-along: the support contacts each job calls for, and whether a contact met them.

Pure functions over plain values (no store, no clock: ``today`` is passed in). The periods are
the ones IPS-25 V12 checks (`reports.fidelity_follow_along.timetable`, ips-domain.md §2.3 V12,
§3.6): in the 7 days before a start, within 3 days after it, once in each of the 4 weeks of
month 1, once in each 30-day month after that for ``months - 1`` months while the job lasts, and
within 3 days of the day the specialist learned the job ended. Using the report's own timetable
means a specialist who clears every due item in their week scores V12 = 100%.

A due item is *met* by a support contact with the participant, in a face-to-face mode, dated
inside its period. Every job gets the schedule, also before it reaches the job-start paid hours
(V12 later counts only the jobs that did).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from reports.fidelity_follow_along import timetable

Status = Literal["met", "due", "upcoming", "missed"]
#: A missed item stays on the specialist's week for this many days after its period ended
#: (then it is only a V12 figure): long enough to notice, short enough not to nag for ever.
OVERDUE_SHOWN_DAYS = 28
Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class JobDates:
    """The dates of one job the schedule reads."""

    job_id: str
    participant_id: str
    start: dt.date
    end: dt.date | None = None
    end_learned_at: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """A logged support contact: its day, mode and who it was with."""

    contact_id: str
    participant_id: str
    day: dt.date
    mode: str
    with_whom: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DueContact:
    """One support contact a job calls for.

    Attributes:
        check: ``before``, ``after``, ``week1``..``week4``, ``month2``.., or ``end``.
        first, last: The period, both days included.
        status: ``met`` (a qualifying contact in the period), ``due`` (period open today),
            ``upcoming`` (not begun), ``missed`` (ended unmet).
        met_by: The first contact that met it (None unless met).
    """

    job_id: str
    participant_id: str
    check: str
    first: dt.date
    last: dt.date
    status: Status
    met_by: Contact | None = None


def qualifies(contact: Contact, face_to_face_modes: Collection[str]) -> bool:
    """True for a contact with the participant in a face-to-face mode (what V12 counts)."""
    return "participant" in contact.with_whom and contact.mode in face_to_face_modes


def schedule(
    jobs: Iterable[JobDates],
    contacts: Iterable[Contact],
    *,
    today: dt.date,
    months: int,
    face_to_face_modes: Collection[str] = ("face_to_face",),
) -> list[DueContact]:
    """Every due contact of ``jobs``, by (first day, job id, check), each with its status today."""
    by_person: dict[str, list[Contact]] = {}
    for c in sorted(contacts, key=lambda c: (c.day, c.contact_id)):
        if qualifies(c, face_to_face_modes):
            by_person.setdefault(c.participant_id, []).append(c)
    out = []
    for job in jobs:
        dates = {"start": job.start, "end": job.end, "end_learned_at": job.end_learned_at}
        mine = by_person.get(job.participant_id, [])
        for check, first, last in timetable(dates, months):
            met = next((c for c in mine if first <= c.day <= last), None)
            out.append(
                DueContact(
                    job.job_id, job.participant_id, check, first, last, _status(met, first, last, today), met
                )
            )
    return sorted(out, key=lambda d: (d.first, d.job_id, d.check))


def _status(met: Contact | None, first: dt.date, last: dt.date, today: dt.date) -> Status:
    if met is not None:
        return "met"
    if today > last:
        return "missed"
    return "due" if today >= first else "upcoming"


@dataclass(frozen=True, slots=True)
class WeekItems(Generic[Item]):
    """What a week shows: due this week, overdue (missed lately), and met by a contact this week.

    ``Item`` is a `DueContact` here, a `service.usecases.support_week.SupportItem` (the same with
    the person's name) on the specialist's week.
    """

    due: tuple[Item, ...] = ()
    overdue: tuple[Item, ...] = ()
    met: tuple[Item, ...] = ()


def for_week(items: Sequence[DueContact], *, monday: dt.date, today: dt.date) -> WeekItems[DueContact]:
    """Split ``items`` for the ISO week starting ``monday``.

    Due: unmet, still open today, and begun by the week's Sunday. Overdue: missed, ended at
    most `OVERDUE_SHOWN_DAYS` before today. Met: met by a contact dated in the week.
    """
    sunday = monday + dt.timedelta(days=6)
    oldest = today - dt.timedelta(days=OVERDUE_SHOWN_DAYS)
    due = [d for d in items if d.status in ("due", "upcoming") and d.first <= sunday and d.last >= monday]
    overdue = [d for d in items if d.status == "missed" and d.last >= oldest]
    met = [d for d in items if d.met_by is not None and monday <= d.met_by.day <= sunday]
    return WeekItems(tuple(due), tuple(overdue), tuple(met))
