"""Opaque cursors for lists not ordered by id alone (timeline, dormant list)."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime

from employers import InvalidError


def encode(at: datetime | None, record_id: str) -> str:
    """A cursor for the item at (``at``, ``record_id``)."""
    raw = f"{at.isoformat() if at else ''}|{record_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str | None) -> tuple[datetime | None, str] | None:
    """(at, id) from a cursor made by `encode`; InvalidError on ``query.after`` if it is not one."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at_text, record_id = raw.split("|", 1)
        uuid.UUID(record_id)
        return (datetime.fromisoformat(at_text) if at_text else None, record_id)
    except ValueError:
        raise InvalidError("query.after", "is not a cursor from this list") from None
