"""An in-process memory of titles already linked, so a title is scored once per process.

A job board repeats itself: each hourly pull carries mostly titles (and board occupation labels)
the server linked in earlier pulls, and profiles and openings name the same few hundred
occupations. A title's links depend only on the title, its language, what was asked (k, which
groups) and the linker's parts, never on the other titles of its batch, so the answer is kept
under that key and handed back unchanged.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from typing import Generic, TypeVar

V = TypeVar("V")
DEFAULT_SIZE = 50_000  # titles; a JobTech-sized pull's distinct titles, a few tens of MB


class LinkCache(Generic[V]):
    """A thread-safe least-recently-used map of link answers.

    Args:
        size: Answers kept; 0 keeps none.
    """

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_many(self, keys: list[Hashable]) -> dict[Hashable, V]:
        """The answers known for ``keys`` (each marked as just used); counts a hit or miss per key."""
        found: dict[Hashable, V] = {}
        with self._lock:
            for key in keys:
                if key in self._items:
                    self._items.move_to_end(key)
                    found[key] = self._items[key]
                    self.hits += 1
                else:
                    self.misses += 1
        return found

    def put_many(self, answers: Mapping[Hashable, V]) -> None:
        """Remember ``answers``, forgetting the least recently used beyond ``size``."""
        if self.size <= 0:
            return
        with self._lock:
            for key, value in answers.items():
                self._items[key] = value
                self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget every answer (the linker's index or models changed)."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
