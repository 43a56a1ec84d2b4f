"""`PartsCache`: participants' preferences, skills and plans kept in memory, keyed by their row stamp.

A participant's record is one ``caseload_participants`` row plus four tables of parts
(preferences, skills, disclosure and benefits plans, consents). Every write to any of them moves
the participant row's ``updated_at`` in the same transaction (`profiles.save_version`,
`plans.save_plan`, `consents.insert_consent`, `updates.apply_update`, erasure), so the parts read
under a given ``(id, updated_at)`` stay true for as long as the row keeps that stamp. A read
therefore always fetches the row itself (visibility, unit, team sharing and erasure are decided
in SQL as before) and takes the parts from here when the stamp matches: no write path has to
remember to invalidate anything, and a write by any process is seen at the next read.
"""

from __future__ import annotations

from typing import Any

from participants.memo import Memo

#: Participants whose parts are kept (least recently read dropped first); ~2 KB each.
SIZE = 10_000

#: The process's cache ``(participant id, updated_at) -> parts`` (record keyword arguments); keys
#: carry the row stamp, so one cache serves every database file.
PARTS: Memo[dict[str, Any]] = Memo(SIZE)
