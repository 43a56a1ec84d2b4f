"""A participant's lead history as a funnel: how far their leads got, and when.

A lead is ``shown`` when recorded; every funnel status a specialist gives it (discussed, pursued,
applied, interview, offer, hired) says it got at least that far, so a lead marked ``interview``
counts as discussed, pursued and applied too, even when those were not recorded. Closing
statuses (not relevant, declined by the person or the employer) count by the lead's latest
status, with their reasons; ``reconsider`` re-opens a lead. Months are UTC calendar months.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from participants import FUNNEL, REASONS, FeedbackEvent, LeadHistoryStore, LeadRecord, LeadStore
from service.access.audit import log_access
from service.access.users import User
from service.runtime.database import Database
from service.usecases.episodes import person

STAGES = ("shown", *FUNNEL)


@dataclass(frozen=True, slots=True)
class LeadPath:
    """One lead: where it stands (latest status, None: no feedback), how far it got, its history."""

    lead: LeadRecord
    latest: str | None
    reason: str
    furthest: str
    history: tuple[FeedbackEvent, ...]


@dataclass(frozen=True, slots=True)
class Funnel:
    """Counts per stage (leads that got at least that far), closings by reason, and per month.

    Attributes:
        reached: stage -> leads that reached it, in `STAGES` order.
        closed: closing status -> leads whose latest status it is.
        reasons: closing status -> reason ("" = none given) -> leads.
        months: ``YYYY-MM`` -> status (or ``shown``) -> events that month, oldest month first.
        leads: Newest first.
    """

    participant_id: str
    reached: dict[str, int]
    closed: dict[str, int]
    reasons: dict[str, dict[str, int]]
    months: dict[str, dict[str, int]]
    leads: tuple[LeadPath, ...]


def lead_funnel(*, db: Database, user: User, participant_id: str) -> Funnel:
    """The funnel of a participant of the caller's unit (NotFoundError otherwise); logged."""
    who = person(db, user, participant_id)
    leads = LeadStore(db.cursor()).list(participant_id=who.id, limit=None)  # type: ignore[arg-type]
    events = LeadHistoryStore(db.cursor()).events(participant_id=who.id)
    log_access(db, user_id=user.id, action="read_leads", entity="participant", entity_ids=[who.id])
    return funnel_of(who.id, leads, events)


def funnel_of(participant_id: str, leads: Sequence[LeadRecord], events: Sequence[FeedbackEvent]) -> Funnel:
    """The funnel from recorded leads and their feedback events (oldest first); pure."""
    by_lead: dict[str, list[FeedbackEvent]] = {}
    for e in events:
        by_lead.setdefault(e.lead_id, []).append(e)
    paths = tuple(_path(lead, tuple(by_lead.get(lead.id, ()))) for lead in leads)
    reached = {stage: sum(STAGES.index(p.furthest) >= i for p in paths) for i, stage in enumerate(STAGES)}
    closed = {status: sum(p.latest == status for p in paths) for status in REASONS}
    reasons = {status: dict(Counter(p.reason for p in paths if p.latest == status)) for status in REASONS}
    months: dict[str, Counter[str]] = {}
    for lead in leads:
        months.setdefault(_month(lead.created_at), Counter())["shown"] += 1
    for e in events:
        months.setdefault(_month(e.given_at), Counter())[e.feedback] += 1
    return Funnel(
        participant_id,
        reached,
        closed,
        reasons,
        {m: dict(months[m]) for m in sorted(months)},
        paths,
    )


def _path(lead: LeadRecord, history: tuple[FeedbackEvent, ...]) -> LeadPath:
    statuses = [e.feedback for e in history if e.feedback in FUNNEL]
    furthest = max(statuses, key=FUNNEL.index) if statuses else "shown"
    latest = history[-1] if history else None
    return LeadPath(
        lead, latest.feedback if latest else None, latest.reason if latest else "", furthest, history
    )


def _month(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m")
