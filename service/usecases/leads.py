"""Leads for one participant: rank, record, audit; feedback; the leads shown before (API and page)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from typing import Any

from matching.ranking.explain import person_note_phrases, person_notes
from matching.types import Lead, LeadKind, Phrase, Profile
from participants import (
    LeadRecord,
    LeadSetRecord,
    LeadSetStore,
    LeadStore,
    NotFoundError,
    ParticipantRecord,
    ParticipantStore,
)
from service.access.audit import access_rows, insert_access, log_access
from service.access.users import User
from service.access.visibility import participant_scope
from service.runtime.database import Database
from service.usecases import lead_sets
from service.usecases.lead_cards import CardFacts, card_facts, merge_duplicates
from service.usecases.lead_engine import LeadEngine
from service.usecases.lead_sets import Fingerprint, Reusable, find_reusable, fingerprint, items_of, latest_set
from service.usecases.rank_inputs import RankInput, rank_input


@dataclass(frozen=True, slots=True)
class ServedLead:
    """A lead as shown, with the id it was recorded under (for feedback) and its card facts.

    Attributes:
        lead_id: The recorded lead's id.
        lead: The ranked, explained lead.
        card: What the card says about the job.
        feedback: The latest feedback on the recorded lead, None when none.
        new: Not in the person's previous lead set ("new since yesterday").
    """

    lead_id: str
    lead: Lead
    card: CardFacts
    feedback: str | None = None
    new: bool = False

    @property
    def set_aside(self) -> bool:
        """The latest feedback takes it out of the list."""
        return self.feedback in SET_ASIDE


@dataclass(frozen=True, slots=True)
class ServedLeads:
    """Ranked, explained, recorded leads for one participant.

    Attributes:
        participant_id: Whose leads.
        leads: Best first, each with its recorded id.
        removed_by_constraints: Items left out, counted by reason.
        model_version: The encoder, ranker weights and re-ranker that ranked them.
        generated_at: When they were ranked (UTC).
        person_notes: Notes true of the person, shown once above the leads (and as phrases).
        lead_set_id: The lead set these leads were recorded (or shown again) as.
        reused: Shown again from a recorded set instead of ranked anew.
    """

    participant_id: str
    leads: list[ServedLead]
    removed_by_constraints: dict[str, int]
    model_version: str
    generated_at: datetime
    person_notes: tuple[str, ...] = ()
    lead_set_id: str = ""
    reused: bool = False
    person_note_phrases: tuple[Phrase, ...] = ()

    @property
    def current(self) -> list[ServedLead]:
        """The leads still in the list (not set aside), best first."""
        return [s for s in self.leads if not s.set_aside]

    @property
    def set_aside(self) -> list[ServedLead]:
        """Leads marked "not relevant" or "person declined" (shown apart, with an undo)."""
        return [s for s in self.leads if s.set_aside]


#: Extra leads ranked beyond ``n`` so the list still has ``n`` after duplicates are merged.
DUPLICATE_SLACK = 5
#: Feedback that moves a lead out of the list into "Set aside" (``reconsider`` brings it back).
SET_ASIDE = frozenset({"not_relevant", "person_declined"})


@dataclass(frozen=True, slots=True)
class _Request:
    """One leads request: who asks, for whom (and what they are ranked with), and what."""

    person: ParticipantRecord
    inputs: RankInput
    user: User
    engine: LeadEngine
    db: Database
    n: int
    kinds: Sequence[LeadKind]
    exclude: Sequence[str]

    def audit(self, fp: Fingerprint, detail: str) -> list[tuple[object, ...]]:
        """The audit row of a lead generation: n, model version, inputs hash (fingerprint), batch/set."""
        inputs = sha256(fp.key.encode()).hexdigest()[:16]
        return access_rows(
            user_id=self.user.id,
            action="leads",
            entity="participant",
            entity_ids=[self.person.id],
            detail=f"n={self.n} model={self.engine.model_version} inputs={inputs} {detail}".strip(),
        )


def serve_leads(
    *,
    person: ParticipantRecord,
    user: User,
    engine: LeadEngine,
    db: Database,
    n: int,
    kinds: Sequence[LeadKind] = ("opening", "employer"),
    exclude: Sequence[str] = (),
    reuse_within: timedelta | None = None,
) -> ServedLeads:
    """Leads for a participant the caller may see, recorded as a lead set, with the access logged.

    With ``reuse_within``, the newest set is shown again when its fingerprint is unchanged and it
    is younger than that, or a fitting overnight batch's leads (`lead_sets`); otherwise new leads
    are ranked. New leads, their set and the audit row are one write, committed (grouped with
    other requests' writes) before the answer goes out.
    """
    inputs = rank_input(db, person, engine.travel_area_km)  # the batch ranks the same (rank_inputs)
    req = _Request(person, inputs, user, engine, db, n, kinds, exclude)
    profile = inputs.profile
    fp = fingerprint(
        engine.index,
        person=person,
        profile=profile,
        model_version=engine.model_version,
        n=n,
        kinds=kinds,
        exclude=exclude,
    )
    found = find_reusable(db, person_id=person.id, fp=fp, window=reuse_within) if reuse_within else None
    if found is not None:
        return _reuse(req, profile, fp, found)
    return _rank_and_record(req, profile, fp)


def _rank_and_record(req: _Request, profile: Profile, fp: Fingerprint) -> ServedLeads:
    previous = latest_set(req.db, person_id=req.person.id)
    result = req.engine.rank(
        profile, goals_text=req.inputs.goals_text, n=req.n + DUPLICATE_SLACK, kinds=req.kinds,
        exclude=req.exclude,
    )  # fmt: skip
    shown = merge_duplicates(result.leads, card_facts(req.db.cursor(), result.leads, profile.home), req.n)
    audit = req.audit(fp, "batch=none")

    def record(cur: Any) -> tuple[list[str], str]:
        # The group writer already holds the writer lock and the transaction.
        ids = LeadStore(cur, nullcontext()).create_many(
            participant_id=req.person.id,
            leads=[lead for lead, _ in shown],
            model_version=result.model_version,
            actor=req.user.username,
        )
        set_id = _record_set(cur, req, fp, ids, shown, result.removed, batch_id=None)
        insert_access(cur, audit)
        return ids, set_id

    ids, set_id = req.db.group_commit(record)
    leads = [ServedLead(i, lead, card) for (lead, card), i in zip(shown, ids, strict=True)]
    return _served(req, result.removed, result.person_notes, _marked(req, leads, previous), set_id, None)


def _reuse(req: _Request, profile: Profile, fp: Fingerprint, found: Reusable) -> ServedLeads:
    records = {r.item_id: r for r in LeadStore(req.db.cursor()).get_many(lead_ids=found.lead_ids)}
    leads = req.engine.explain(profile, goals_text=req.inputs.goals_text, ids=list(records))
    cards = card_facts(req.db.cursor(), leads, profile.home)
    if found.set is None:  # an overnight batch's leads, adopted as a set
        return _adopt(req, profile, fp, found, records, merge_duplicates(leads, cards, req.n))
    merged = found.set.merged  # shown before: as it was, with the duplicates it had merged
    served = [
        ServedLead(
            records[lead.id].id, lead, replace(card, also_posted=tuple(merged.get(records[lead.id].id, ())))
        )
        for lead, card in zip(leads, cards, strict=True)
    ]
    audit = req.audit(fp, f"set={found.set.id} batch={found.set.batch_id or 'none'}")
    req.db.group_commit(lambda cur: insert_access(cur, audit))
    notes = person_notes(profile)
    marked = _marked(req, served, found.previous)
    return _served(req, found.set.removed, notes, marked, found.set.id, found.ranked_at)


def _adopt(
    req: _Request, profile: Profile, fp: Fingerprint, found: Reusable, records: dict[str, LeadRecord],
    pairs: list[tuple[Lead, CardFacts]],
) -> ServedLeads:  # fmt: skip
    served = [ServedLead(records[lead.id].id, lead, card) for lead, card in pairs]
    result = req.engine.rank(  # only for what the person's constraints remove
        profile, goals_text=req.inputs.goals_text, n=1, kinds=req.kinds, exclude=req.exclude
    )
    audit = req.audit(fp, f"batch={found.batch_id}")

    def adopt(cur: Any) -> str:
        ids = [s.lead_id for s in served]
        set_id = _record_set(cur, req, fp, ids, pairs, result.removed, batch_id=found.batch_id)
        insert_access(cur, audit)
        return set_id

    set_id = req.db.group_commit(adopt)
    leads = _marked(req, served, found.previous)
    return _served(req, result.removed, result.person_notes, leads, set_id, found.ranked_at)


def _record_set(
    cur: Any, req: _Request, fp: Fingerprint, ids: Sequence[str], shown: Sequence[tuple[Lead, CardFacts]],
    removed: dict[str, int], *, batch_id: str | None,
) -> str:  # fmt: skip
    merged = {i: list(c.also_posted) for i, (_, c) in zip(ids, shown, strict=True) if c.also_posted}
    set_id = LeadSetStore(cur, nullcontext()).create(
        participant_id=req.person.id, fingerprint=fp.key, lead_ids=ids, removed=removed, merged=merged,
        actor=req.user.username, batch_id=batch_id,
    )  # fmt: skip
    lead_sets.keep_items(set_id, [lead.id for lead, _ in shown])  # the next request's "new" marks
    return set_id


def _marked(req: _Request, leads: list[ServedLead], previous: LeadSetRecord | None) -> list[ServedLead]:
    """Leads with the latest feedback on their item and "new" when the previous set lacked them."""
    feedback = LeadStore(req.db.cursor()).feedback_by_item(participant_id=req.person.id)
    before = items_of(req.db, previous)
    return [
        replace(s, feedback=feedback.get(s.lead.id), new=bool(before) and s.lead.id not in before)
        for s in leads
    ]


def _served(
    req: _Request, removed: dict[str, int], notes: tuple[str, ...], leads: list[ServedLead], set_id: str,
    reused_from: datetime | None,
) -> ServedLeads:  # fmt: skip
    """The answer; ``reused_from`` is when a set shown again was ranked (None: ranked now)."""
    return ServedLeads(
        participant_id=req.person.id,
        leads=leads,
        removed_by_constraints=removed,
        model_version=req.engine.model_version,
        generated_at=reused_from or datetime.now(UTC),
        person_notes=notes,
        person_note_phrases=person_note_phrases(req.inputs.profile),
        lead_set_id=set_id,
        reused=reused_from is not None,
    )


def list_recorded_leads(
    *, store: LeadStore, db: Database, user: User, person: ParticipantRecord, limit: int
) -> list[LeadRecord]:
    """Leads shown for a participant before, newest first, with the feedback given (audit-logged)."""
    log_access(db, user_id=user.id, action="read_leads", entity="participant", entity_ids=[person.id])
    return store.list(participant_id=person.id, limit=limit)


def record_feedback(
    *,
    store: LeadStore,
    people: ParticipantStore,
    db: Database,
    user: User,
    lead_id: str,
    feedback: str,
    note: str,
    reason: str = "",
) -> LeadRecord:
    """Record what the specialist did with a lead (NotFoundError for participants outside their unit)."""
    lead = store.get(lead_id=lead_id)
    try:  # another unit's lead answers like a lead that does not exist (no participant id in it)
        people.get(participant_id=lead.participant_id, **participant_scope(user))
    except NotFoundError:
        raise NotFoundError("lead", lead_id) from None
    updated = store.add_feedback(
        lead_id=lead.id, feedback=feedback, note=note, reason=reason, actor=user.username
    )
    log_access(db, user_id=user.id, action="feedback", entity="participant", entity_ids=[lead.participant_id])
    return updated
