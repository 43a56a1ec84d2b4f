"""Cursor pages: one helper builds every page, and the opaque cursors of lists not ordered by id.

Lists ordered by id pass the last item's id as ``next_cursor``; the timeline and the dormant list
are ordered by a time and an id, so their cursor encodes both; the duplicate queue is computed on
each call, so its cursor is a position.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Protocol, TypeVar

from fastapi import Query

from employers import InvalidError
from storekit.checks import utc_moment

T = TypeVar("T")
P = TypeVar("P")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
Limit = Annotated[int, Query(ge=1, le=500)]
"""The ``limit`` query parameter of every list (default 50 where declared)."""


def after_id(after: uuid.UUID | None) -> str | None:
    """The ``after`` query parameter of an id-ordered list as the stores take it."""
    return str(after) if after else None


def page(
    model: Callable[..., P],
    rows: Sequence[T],
    limit: int,
    to_out: Callable[[T], object],
    cursor_of: Callable[[T], str],
) -> P:
    """``model(items=..., next_cursor=...)``: a full page points at its last row, a short one is the end.

    Args:
        model: The page model (``EmployerPage``...).
        rows: At most ``limit`` rows from the store, in list order.
        limit: The page size asked for.
        to_out: Row -> item model.
        cursor_of: Row -> the cursor that continues after it.
    """
    cursor = cursor_of(rows[-1]) if rows and len(rows) == limit else None
    return model(items=[to_out(r) for r in rows], next_cursor=cursor)


def id_page(model: Callable[..., P], records: Sequence[R], limit: int, to_out: Callable[[R], object]) -> P:
    """`page` of a list ordered by id: the cursor is the last record's id."""
    return page(model, records, limit, to_out, lambda r: r.id)


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
        return (utc_moment(datetime.fromisoformat(at_text)) if at_text else None, record_id)
    except ValueError:
        raise InvalidError("query.after", "is not a cursor from this list") from None


def decode_dated(cursor: str | None) -> tuple[datetime, str] | None:
    """`decode` for lists where every item has a time (the timeline): a cursor without one is invalid."""
    at = decode(cursor)
    if at is None:
        return None
    if at[0] is None:
        raise InvalidError("query.after", "is not a cursor from this list")
    return at[0], at[1]
