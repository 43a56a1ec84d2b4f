"""`LeadIndex`: the fitted `Ranker` over live openings and employer leads, kept current in place."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import numpy as np

from embeddings import CachedEncoder
from employers import EmployerStore, OpeningRecord, OpeningStore
from employers import NotFoundError as EmployerNotFound
from employers.change_log import index_version
from matching import Ranker
from matching.linking.esco import EscoCatalog
from matching.types import Opening
from service.runtime.database import Database
from service.runtime.rwlock import ReadWriteLock
from service.usecases.rankable_items import build_items, employer_items, is_live


class LeadIndex:
    """The ranker over every rankable item, built once and then updated per employer.

    A write use case calls `upsert_openings`, `upsert_employers` or `remove_items` with the ids it
    touched, which re-reads just those employers' items (vectors come from the cache, so only new
    texts are encoded). `invalidate` remains as a fallback: the next read rebuilds everything.
    Openings whose ``closes_at`` passes drop out at the next read.

    Args:
        db: The service database.
        encoder: Passage encoder with the database vector cache.
        catalog: ESCO lookups.
    """

    def __init__(self, db: Database, encoder: CachedEncoder, catalog: EscoCatalog) -> None:
        self.db = db
        self.encoder = encoder
        self.catalog = catalog
        self._lock = ReadWriteLock()
        self._stale = True
        self._ranker: Ranker | None = None
        self._closing: list[tuple[datetime, str]] = []  # heap of (closes_at, opening id)
        self._employer_of: dict[str, str] = {}  # item id -> employer id
        self._writes = 0  # writes the index was told of; the kept change-log version is of one count
        self._version: tuple[int, tuple[int, datetime | None]] | None = None

    def invalidate(self) -> None:
        """Rebuild everything before the next read (fallback for bulk or unknown changes)."""
        self._writes += 1
        self._stale = True

    def version(self) -> tuple[int, datetime | None]:
        """The CRM change log's count of changes to what the index holds, and when the last was.

        ``employers.change_log.index_version``, kept in memory and read again after every write
        the index is told of (each is told after its commit): ~1 ms of a leads request otherwise.
        A read that a write overtakes is kept under the older write count, so it is never served.
        """
        writes, kept = self._writes, self._version
        if kept is not None and kept[0] == writes:
            return kept[1]
        found = index_version(self.db.cursor())
        self._version = (writes, found)
        return found

    def upsert_openings(self, opening_ids: Iterable[str]) -> None:
        """Re-read these openings (created, changed, closed or deleted) and their employers."""
        store = OpeningStore(self.db.cursor())
        employer_ids = set()
        for opening_id in opening_ids:
            try:
                employer_ids.add(store.get(record_id=opening_id).employer_id)
            except EmployerNotFound:  # deleted: its employer is known from the index
                if opening_id in self._employer_of:
                    employer_ids.add(self._employer_of[opening_id])
        self.upsert_employers(employer_ids)

    def remove_items(self, ids: Iterable[str]) -> None:
        """Drop these items (opening or employer ids) and re-read their employers."""
        self.upsert_employers({self._employer_of[i] for i in set(ids) if i in self._employer_of})

    def upsert_employers(self, employer_ids: Iterable[str]) -> None:
        """Re-read every item of these employers (an employer's change reaches all its openings)."""
        self._writes += 1
        employer_ids = set(employer_ids)
        if not employer_ids or self._stale:
            return  # a full rebuild is due anyway
        items, texts, closing = self._items_of(employer_ids)
        vectors = self._vectors(texts)
        with self._lock.writing():
            ranker = self._ranker
            if ranker is None or self._stale:
                return
            old = {i for i, e in self._employer_of.items() if e in employer_ids}
            ranker.remove(old - {o.id for o in items})
            for item_id in old:
                del self._employer_of[item_id]
            ranker.upsert(items, vectors)
            self._index_employers(items)
            for entry in closing:
                heapq.heappush(self._closing, entry)

    def ranker(self) -> Ranker:
        """The fitted ranker, rebuilt first if marked stale, with expired openings dropped."""
        if self._stale or self._ranker is None:
            with self._lock.writing():
                if self._stale or self._ranker is None:
                    self._stale = False  # changes from here on are applied to the new ranker
                    self._ranker = self._build()
        if self._closing and self._closing[0][0] < datetime.now(UTC):
            self._expire()
        assert self._ranker is not None
        return self._ranker

    @contextmanager
    def reading(self) -> Iterator[Ranker]:
        """The ranker, held unchanged while the block runs (updates wait for readers)."""
        ranker = self.ranker()
        with self._lock.reading():
            yield self._ranker or ranker

    def _expire(self) -> None:
        now = datetime.now(UTC)
        with self._lock.writing():
            gone = []
            while self._closing and self._closing[0][0] < now:
                gone.append(heapq.heappop(self._closing)[1])
        if gone:
            self.upsert_openings(gone)

    def _build(self) -> Ranker:
        cur = self.db.cursor()
        live = OpeningStore(cur).list_live()
        items, texts = build_items(live, EmployerStore(cur).list_all(), self.catalog)
        ranker = Ranker(similarity_floor=self.encoder.similarity_floor).fit(items, self._vectors(texts))
        self._employer_of = {}
        self._index_employers(items)
        self._closing = [(rec.closes_at, rec.id) for rec in live if rec.closes_at is not None]
        heapq.heapify(self._closing)
        return ranker

    def _items_of(
        self, employer_ids: set[str]
    ) -> tuple[list[Opening], list[str], list[tuple[datetime, str]]]:
        cur = self.db.cursor()
        now = datetime.now(UTC)
        items: list[Opening] = []
        texts: list[str] = []
        closing = []
        for employer_id in sorted(employer_ids):
            try:
                emp = EmployerStore(cur).get(employer_id=employer_id)
            except EmployerNotFound:
                continue  # deleted or merged: none of its items stay
            live = [rec for rec in _all_openings(OpeningStore(cur), employer_id) if is_live(rec, now)]
            closing += [(rec.closes_at, rec.id) for rec in live if rec.closes_at is not None]
            found, found_texts = employer_items(emp, live, self.catalog)
            items += found
            texts += found_texts
        return items, texts, closing

    def _vectors(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.encoder.dim), np.float32)
        return self.encoder.encode(texts, kind="passage")

    def _index_employers(self, items: Iterable[Opening]) -> None:
        self._employer_of.update((item.id, item.employer_id) for item in items)


def _all_openings(store: OpeningStore, employer_id: str, page: int = 500) -> list[OpeningRecord]:
    """Every not-deleted opening of one employer, any status (the store pages by id)."""
    out: list[OpeningRecord] = []
    while True:
        batch = store.list(
            limit=page, after=out[-1].id if out else None, filters={"employer_id": employer_id}
        )
        out += batch
        if len(batch) < page:
            return out
