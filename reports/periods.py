"""Reporting windows: an inclusive date range and its calendar quarters.

Every report takes a ``Window``: items look at events inside it, point-in-time figures (S1) are
taken on its last day (``as_of``). Dates are ``datetime.date`` (UTC calendar days); the store casts
its timestamps to dates before calling.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """The days ``start`` .. ``end``, both included; ``label`` names it in tables (e.g. "2024Q1")."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")

    @property
    def as_of(self) -> dt.date:
        """The day point-in-time figures are taken on: the window's last day."""
        return self.end

    @property
    def days(self) -> int:
        """Number of calendar days in the window (>= 1)."""
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date | None) -> bool:
        """True when ``day`` falls inside the window (None never does)."""
        return day is not None and self.start <= day <= self.end

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """True when the episode ``start`` .. ``end`` (None end = still going) meets the window."""
        if start is None or start > self.end:
            return False
        return end is None or end >= self.start

    def overlap_days(self, start: dt.date, end: dt.date | None) -> int:
        """Days of the episode ``start`` .. ``end`` (inclusive; None = open) inside the window."""
        lo = max(start, self.start)
        hi = self.end if end is None else min(end, self.end)
        return max(0, (hi - lo).days + 1)


def quarter_of(day: dt.date) -> Window:
    """The calendar quarter holding ``day``, labelled like "2024Q2"."""
    q = (day.month - 1) // 3
    start = dt.date(day.year, 3 * q + 1, 1)
    nxt = dt.date(day.year + 1, 1, 1) if q == 3 else dt.date(day.year, 3 * q + 4, 1)
    return Window(start, nxt - dt.timedelta(days=1), f"{day.year}Q{q + 1}")


def quarters(window: Window) -> list[Window]:
    """The calendar quarters that meet ``window``, in order, each clipped to it (label kept)."""
    out: list[Window] = []
    day = window.start
    while day <= window.end:
        q = quarter_of(day)
        out.append(Window(max(q.start, window.start), min(q.end, window.end), q.label))
        day = q.end + dt.timedelta(days=1)
    return out
