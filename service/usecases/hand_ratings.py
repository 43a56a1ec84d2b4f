"""The reviewer's hand ratings of a unit's IPS-25 items: read and save, scoped and logged.

Who may: the unit's supervisor or an admin (who must name the unit); other roles get
ForbiddenError, another unit (or one that does not exist) NotFoundError, so a supervisor learns
nothing about other units. Only `reports.self_assessment.HAND_ITEMS` are rated here. Saving
appends a row per item whose rating or evidence changed (history kept, the latest counts) and
writes one audit row for the unit (action ``rate_fidelity``, detail the items); a read writes one
too (``read_hand_ratings``), as the team view does.
"""

from __future__ import annotations

from collections.abc import Sequence

from participants.fidelity_ratings import FidelityRating, FidelityRatingStore
from reports.self_assessment import HAND_ITEMS, HandRating
from service.access.audit import log_access
from service.access.errors import ForbiddenError
from service.access.users import User, list_units
from service.runtime.database import Database
from storekit.errors import InvalidError, NotFoundError


def rated_unit(db: Database, user: User, unit: str | None) -> str:
    """The unit whose ratings ``user`` reads or writes: own (supervisor) or the one named (admin)."""
    if user.role == "supervisor" and user.unit_id:
        if unit is not None and unit != user.unit_id:
            raise NotFoundError("unit", unit)
        return user.unit_id
    if user.role != "admin":
        raise ForbiddenError(f"role {user.role} has no access to the fidelity ratings")
    if not unit:
        raise InvalidError("query.unit", "an admin names the unit whose ratings these are")
    if unit not in {u["id"] for u in list_units(db)}:
        raise NotFoundError("unit", unit)
    return unit


def _store(db: Database) -> FidelityRatingStore:
    return FidelityRatingStore(db.cursor(), db.write_lock)


def hand_ratings(db: Database, user: User, unit: str | None) -> tuple[str, dict[str, FidelityRating]]:
    """(unit id, item -> its latest rating) for the unit ``user`` may see."""
    unit_id = rated_unit(db, user, unit)
    log_access(db, user_id=user.id, action="read_hand_ratings", entity="unit", entity_ids=[unit_id])
    return unit_id, _store(db).latest(unit_id=unit_id)


def save_hand_ratings(
    db: Database, user: User, unit: str | None, ratings: Sequence[tuple[str, int, str]]
) -> tuple[str, dict[str, FidelityRating]]:
    """Store ``(item, rating, evidence)`` for the unit; (unit id, item -> latest) after saving.

    InvalidError ``ratings.<i>.item`` for an item not rated by hand or given twice,
    ``ratings.<i>.rating`` outside 1..5 (checked before anything is written).
    """
    unit_id = rated_unit(db, user, unit)
    seen: set[str] = set()
    for i, (item, rating, _) in enumerate(ratings):
        if item not in HAND_ITEMS or item in seen:
            raise InvalidError(f"ratings.{i}.item", "one of " + ", ".join(HAND_ITEMS) + ", once each")
        seen.add(item)
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            raise InvalidError(f"ratings.{i}.rating", "a rating is a whole number from 1 to 5")
    store = _store(db)
    before = store.latest(unit_id=unit_id)
    changed = [
        (item, rating, evidence)
        for item, rating, evidence in ratings
        if item not in before or (before[item].rating, before[item].evidence) != (rating, evidence)
    ]
    if changed:
        store.add(unit_id=unit_id, ratings=changed, actor=user.username)
        detail = ", ".join(f"{item}={rating}" for item, rating, _ in changed)
        log_access(
            db, user_id=user.id, action="rate_fidelity", entity="unit", entity_ids=[unit_id], detail=detail
        )
    return unit_id, store.latest(unit_id=unit_id)


def as_hand(ratings: dict[str, FidelityRating]) -> dict[str, HandRating]:
    """The stored ratings as the self-assessment's `HandRating` (item -> rating)."""
    return {i: HandRating(i, r.rating, r.evidence, r.rated_by) for i, r in ratings.items()}
