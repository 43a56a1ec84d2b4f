"""Lead sets: when a participant's recorded leads can be shown again instead of ranking anew.

A set's fingerprint names what ranked it: the profile as ranked (a hash of the ranking profile and
free-text goals, so any change to what the ranker sees gives a new set), the lead-index version
(changes to employers, sites and openings in the CRM change log: durable and the same for every
process; `LeadIndex.version` keeps it in memory between the writes it is told of), the model
version and the request (n, kinds, exclude). A set is reused while its fingerprint is unchanged
and it is younger than the programme's reuse window (``IPSMATCH_LEAD_SET_HOURS``, 24 h). The
overnight batch's leads are adopted when the batch ran on the same model after the last change to
the person and to the index.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from matching.types import LeadKind, Profile
from participants import BatchLeads, LeadSetRecord, LeadSetStore, LeadStore, ParticipantRecord
from participants.memo import Memo
from service.runtime.database import Database
from service.usecases.lead_index import LeadIndex

#: The request a batch's leads answer: every kind, nothing excluded.
_ALL_KINDS = frozenset({"opening", "employer"})
#: Set id -> the item ids its leads showed (a set's leads never change); ~1 KB each.
_ITEMS: Memo[frozenset[str]] = Memo(20_000)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a lead set was ranked from.

    Attributes:
        profile: Hash of the ranking profile and the free-text goals.
        profile_changed_at: When the participant record last changed (for batch sets).
        index_changes: Changes to employers, sites and openings so far.
        index_changed_at: When the last of them was, None before any.
        model_version: The encoder, weights and re-ranker.
        request: Hash of n, kinds and exclude.
        batch_request: The request is one a batch answers (all kinds, nothing excluded).
    """

    profile: str
    profile_changed_at: datetime | None
    index_changes: int
    index_changed_at: datetime | None
    model_version: str
    request: str
    batch_request: bool

    @property
    def key(self) -> str:
        """The fingerprint as stored with a set."""
        index = f"{self.index_changes}@{self.index_changed_at.isoformat() if self.index_changed_at else '-'}"
        return f"p={self.profile};i={index};m={self.model_version};q={self.request}"

    def admits_batch(self, batch: BatchLeads, now: datetime, window: timedelta) -> bool:
        """The batch ranked this profile on this index and model, recently enough."""
        after = [t for t in (self.profile_changed_at, self.index_changed_at) if t is not None]
        return (
            self.batch_request
            and batch.model_version == self.model_version
            and all(batch.started_at >= t for t in after)
            and now - batch.started_at < window
        )


def fingerprint(
    index: LeadIndex,
    *,
    person: ParticipantRecord,
    profile: Profile,
    model_version: str,
    n: int,
    kinds: Sequence[LeadKind],
    exclude: Sequence[str],
) -> Fingerprint:
    """The fingerprint a set ranked now for ``person`` would have."""
    changes, changed_at = index.version()
    request = json.dumps([n, sorted(kinds), sorted(exclude)])
    return Fingerprint(
        profile=_digest(repr(profile) + "\x00" + person.preferences.goals),
        profile_changed_at=person.updated_at or person.created_at,
        index_changes=changes,
        index_changed_at=changed_at,
        model_version=model_version,
        request=_digest(request),
        batch_request=set(kinds) == _ALL_KINDS and not exclude,
    )


@dataclass(frozen=True, slots=True)
class Reusable:
    """Recorded leads that may be shown again.

    Attributes:
        lead_ids: Recorded lead ids in rank order.
        set: The stored set, None for a batch's leads not yet adopted as a set.
        batch_id: The batch that wrote the leads, None for a page or API set.
        previous: The set shown before, for "new since yesterday".
        ranked_at: When the leads were ranked (the set's or the batch's start).
    """

    lead_ids: tuple[str, ...]
    set: LeadSetRecord | None
    batch_id: str | None
    previous: LeadSetRecord | None
    ranked_at: datetime


def find_reusable(db: Database, *, person_id: str, fp: Fingerprint, window: timedelta) -> Reusable | None:
    """The newest set with this fingerprint younger than ``window``, else a fitting batch's leads."""
    cur = db.cursor()
    sets = LeadSetStore(cur).recent(participant_id=person_id, limit=2)
    now = datetime.now(UTC)
    if sets and sets[0].fingerprint == fp.key and now - sets[0].created_at < window:
        before = sets[1] if len(sets) > 1 else None
        return Reusable(sets[0].lead_ids, sets[0], sets[0].batch_id, before, sets[0].created_at)
    batch = LeadSetStore(cur).latest_batch(participant_id=person_id)
    adopted = bool(sets) and batch is not None and sets[0].batch_id == batch.batch_id
    if batch is not None and not adopted and fp.admits_batch(batch, now, window):  # adopted: stale now
        return Reusable(batch.lead_ids, None, batch.batch_id, sets[0] if sets else None, batch.started_at)
    return None


def latest_set(db: Database, *, person_id: str) -> LeadSetRecord | None:
    """The participant's newest lead set (the one a new set follows)."""
    sets = LeadSetStore(db.cursor()).recent(participant_id=person_id, limit=1)
    return sets[0] if sets else None


def items_of(db: Database, lead_set: LeadSetRecord | None) -> frozenset[str]:
    """The item ids (openings, employers) a set showed; empty for no set.

    A set's leads never change, so its items are kept in memory by set id (`keep_items` when the
    set is recorded; read once otherwise, e.g. after a restart).
    """
    if lead_set is None:
        return frozenset()
    found = _ITEMS.get(lead_set.id)
    if found is None:
        found = frozenset(r.item_id for r in LeadStore(db.cursor()).get_many(lead_ids=lead_set.lead_ids))
        _ITEMS.put(lead_set.id, found)
    return found


def keep_items(set_id: str, item_ids: Sequence[str]) -> None:
    """Remember the items of a set being recorded (`items_of` then needs no read)."""
    _ITEMS.put(set_id, frozenset(item_ids))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]
