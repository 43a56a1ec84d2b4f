"""String and string-set vocabularies: the integer codes `OpeningTable`'s coded columns hold.

Append-only, so codes stay valid while items change. A set vocabulary keeps each distinct set once
in CSR form; many openings share an occupation's essential skills, though on real adverts nearly
every opening's list is its own set, which is why its buffers grow in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt


class Vocabulary:
    """String <-> int code mapping; code 0 is the empty string ("unknown"). Append-only."""

    __slots__ = ("codes",)

    def __init__(self, codes: dict[str, int] | None = None) -> None:
        self.codes: dict[str, int] = codes if codes is not None else {"": 0}

    @classmethod
    def build(cls, values: Sequence[str]) -> Vocabulary:
        """Make a vocabulary of the distinct values, in first-seen order after ""."""
        vocab = cls()
        for value in values:
            vocab.add(value)
        return vocab

    def add(self, value: str) -> int:
        """The code of ``value``, adding it when new."""
        return self.codes.setdefault(value, len(self.codes))

    def encode(self, values: Sequence[str]) -> npt.NDArray[np.int32]:
        """(n,) int32 codes; values not in the vocabulary get -1."""
        return np.fromiter((self.codes.get(v, -1) for v in values), np.int32, len(values))

    def lookup(self, values: Sequence[str]) -> npt.NDArray[np.bool_]:
        """(len(self.codes),) bool table, True at the codes of ``values`` (unknown values ignored)."""
        table = np.zeros(len(self.codes), bool)
        table[[self.codes[v] for v in values if v in self.codes]] = True
        return table


class SetVocabulary:
    """Distinct string sets in CSR form: set code -> members; code 0 is the empty set. Append-only.

    Attributes:
        members: Vocabulary of member strings (code 0 unused).
        indptr: (n_sets + 1,) int64 offsets into ``indices``.
        indices: (nnz,) int32 member codes, sorted within each set.
    """

    def __init__(self) -> None:
        self.members = Vocabulary()
        self._codes: dict[frozenset[int], int] = {}
        # Buffers grow by doubling so adding a set is amortised O(its size): on real adverts nearly
        # every opening's skill list is its own set, and copying all sets per add made a fit of
        # n openings O(n^2) (100k realistic openings took minutes).
        self._indptr = np.zeros(64, np.int64)
        self._indices = np.zeros(1024, np.int32)
        self._nnz = 0
        self._postings: _Postings | None = None
        self.add(())  # code 0 is the empty set, which unused rows point at

    @property
    def indptr(self) -> npt.NDArray[np.int64]:
        """(n_sets + 1,) int64 offsets into ``indices`` (a view; valid until the next new set)."""
        return self._indptr[: len(self._codes) + 1]

    @property
    def indices(self) -> npt.NDArray[np.int32]:
        """(nnz,) int32 member codes, sorted within each set (a view; valid until the next new set)."""
        return self._indices[: self._nnz]

    def add(self, row: Sequence[str]) -> int:
        """The code of the set of ``row``'s non-empty members, adding it when new."""
        key = frozenset(self.members.add(m) for m in row if m)
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = len(self._codes)
            end = self._nnz + len(key)
            if end > len(self._indices):
                self._indices = _grown(self._indices, end)
            self._indices[self._nnz : end] = sorted(key)
            self._nnz = end
            if code + 2 > len(self._indptr):
                self._indptr = _grown(self._indptr, code + 2)
            self._indptr[code + 1] = end
        return code

    def set_sizes(self) -> npt.NDArray[np.int64]:
        """(n_sets,) int64 number of members per distinct set."""
        return np.diff(self.indptr)

    def hits_per_set(self, have: frozenset[str]) -> npt.NDArray[np.int64]:
        """(n_sets,) int64 how many members of each set are in ``have``.

        One ``bincount`` over the posting lists (member -> sets holding it) of ``have``'s members,
        so the cost follows those lists, not every set's members; sets added since the lists were
        built are counted from their members directly.
        """
        postings = getattr(self, "_postings", None)  # None too in vocabularies pickled before it
        if postings is None or len(self._codes) - postings.built > postings.built // 8:
            postings = self._postings = _Postings.of(self.indices, self.indptr)
        built, hits = postings.built, np.zeros(len(self._codes), np.int64)
        members = [c for c in map(self.members.codes.get, have) if c is not None]
        hits[:built] = postings.count(members, built)
        start = self.indptr[built]
        if start < self._nnz:  # the tail: sets added after the posting lists were built
            mask = self._member_mask(have)
            hits[built:] = _segment_sums(mask[self.indices[start:]], self.indptr[built + 1 :] - start)
        return hits

    def hits_of(
        self, codes: npt.NDArray[np.int32], have: frozenset[str]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """(m,) int64 members in ``have`` and (m,) int64 size, of the sets ``codes``."""
        sizes = self.indptr[codes + 1] - self.indptr[codes]
        return self.hits_per_set(have)[codes], sizes

    def _member_mask(self, have: frozenset[str]) -> npt.NDArray[np.bool_]:
        mask = np.zeros(len(self.members.codes), bool)
        for m in have:
            code = self.members.codes.get(m)
            if code is not None:
                mask[code] = True
        return mask


_Int = TypeVar("_Int", np.int32, np.int64)


@dataclass(frozen=True, slots=True)
class _Postings:
    """Member code -> the codes of the sets holding it (CSR), for the sets below ``built``.

    Attributes:
        built: Sets 0 .. built - 1 are indexed.
        indptr: (n_members + 1,) int64 offsets into ``sets``, for the members known at build time.
        sets: (nnz,) int64 set codes, ascending within each member.
    """

    built: int
    indptr: npt.NDArray[np.int64]
    sets: npt.NDArray[np.int64]

    @classmethod
    def of(cls, indices: npt.NDArray[np.int32], indptr: npt.NDArray[np.int64]) -> _Postings:
        """Invert the sets' CSR (``indices`` members of set i at ``indptr[i]:indptr[i + 1]``)."""
        n_sets = len(indptr) - 1
        owner = np.repeat(np.arange(n_sets, dtype=np.int64), np.diff(indptr))
        order = np.argsort(indices, kind="stable")
        counts = np.bincount(indices, minlength=1)
        return cls(n_sets, np.concatenate(([0], np.cumsum(counts))), owner[order])

    def count(self, members: list[int], n_sets: int) -> npt.NDArray[np.int64]:
        """(n_sets,) int64 how many of ``members`` (member codes) each indexed set holds."""
        known = [m for m in members if m + 1 < len(self.indptr)]  # newer members: only in the tail
        if not known:
            return np.zeros(n_sets, np.int64)
        found = np.concatenate([self.sets[self.indptr[m] : self.indptr[m + 1]] for m in known])
        return np.bincount(found, minlength=n_sets)[:n_sets]


def _segment_sums(flags: npt.NDArray[np.bool_], ends: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """(k,) int64 count of True in each of the k consecutive segments of ``flags`` ending at ``ends``."""
    sums = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
    return sums[ends] - sums[np.concatenate(([0], ends[:-1]))]


def _grown(buffer: npt.NDArray[_Int], need: int) -> npt.NDArray[_Int]:
    """A copy of ``buffer`` at least twice as long and at least ``need`` long, zero-filled past the end."""
    out = np.zeros(max(need, 2 * len(buffer)), buffer.dtype)
    out[: len(buffer)] = buffer
    return out


class SetColumn:
    """A column of string sets: row -> set code in a shared `SetVocabulary`.

    Attributes:
        row_set: (capacity,) int32 set code per row.
        sets: The distinct sets.
    """

    def __init__(self, sets: SetVocabulary, capacity: int) -> None:
        self.sets = sets
        self.row_set = np.zeros(capacity, np.int32)

    @property
    def members(self) -> Vocabulary:
        """Vocabulary of member strings."""
        return self.sets.members

    def set_sizes(self) -> npt.NDArray[np.int64]:
        """(n_sets,) int64 number of members per distinct set."""
        return self.sets.set_sizes()

    def hits_per_set(self, have: frozenset[str]) -> npt.NDArray[np.int64]:
        """(n_sets,) int64 how many members of each set are in ``have``."""
        return self.sets.hits_per_set(have)

    def hits_of_rows(
        self, rows: npt.NDArray[np.int64], have: frozenset[str]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """(m,) int64 members in ``have`` and (m,) int64 set size, of each of ``rows``' sets."""
        return self.sets.hits_of(self.row_set[rows], have)
