"""Columnar view of the rankable items, built once per `Ranker.fit`.

Constraints and score parts run as numpy operations over these columns. Strings are turned into
integer codes (one vocabulary per column) so membership tests are integer `np.isin` calls, and
skill and licence sets are de-duplicated: many openings share an occupation's essential skills, so
coverage is computed once per distinct skill set and gathered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matching.types import APPLICATION_ROUTES, STAGES, Opening

_NAN = float("nan")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """String <-> int code mapping; code 0 is the empty string ("unknown")."""

    codes: dict[str, int]

    @classmethod
    def build(cls, values: Sequence[str]) -> Vocabulary:
        """Make a vocabulary of the distinct values, in first-seen order after ""."""
        codes: dict[str, int] = {"": 0}
        for value in values:
            codes.setdefault(value, len(codes))
        return cls(codes)

    def encode(self, values: Sequence[str]) -> np.ndarray:
        """(n,) int32 codes; values not in the vocabulary get -1."""
        return np.fromiter((self.codes.get(v, -1) for v in values), np.int32, len(values))


@dataclass(frozen=True, slots=True)
class SetColumn:
    """De-duplicated string sets: row -> set code -> members, in CSR form.

    Attributes:
        row_set: (n_rows,) int32 set code per row.
        indptr: (n_sets + 1,) int64 offsets into ``indices``.
        indices: (nnz,) int32 member codes.
        members: Vocabulary of member strings (code 0 unused).
    """

    row_set: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    members: Vocabulary

    @classmethod
    def build(cls, rows: Sequence[tuple[str, ...]]) -> SetColumn:
        """Build from one tuple of member strings per row."""
        members = Vocabulary.build([m for row in rows for m in row])
        set_codes: dict[frozenset[int], int] = {}
        row_set = np.empty(len(rows), np.int32)
        indptr, indices = [0], []
        for i, row in enumerate(rows):
            key = frozenset(members.codes[m] for m in row if m)
            code = set_codes.get(key)
            if code is None:
                code = set_codes[key] = len(set_codes)
                indices.extend(sorted(key))
                indptr.append(len(indices))
            row_set[i] = code
        return cls(row_set, np.asarray(indptr, np.int64), np.asarray(indices, np.int32), members)

    def set_sizes(self) -> np.ndarray:
        """(n_sets,) int64 number of members per distinct set."""
        return np.diff(self.indptr)

    def hits_per_set(self, have: frozenset[str]) -> np.ndarray:
        """(n_sets,) int64 how many members of each set are in ``have``."""
        mask = np.zeros(len(self.members.codes), bool)
        for m in have:
            code = self.members.codes.get(m)
            if code is not None:
                mask[code] = True
        hits = np.concatenate(([0], np.cumsum(mask[self.indices], dtype=np.int64)))
        return hits[self.indptr[1:]] - hits[self.indptr[:-1]]


@dataclass(frozen=True, slots=True)
class OpeningTable:
    """Columns of the fitted items, row i <-> ``openings[i]``.

    Attributes:
        ids: (n,) object array of ids.
        id_order: (n,) int64 position of each id in sorted id order (the tie-breaker).
        is_employer: (n,) bool, True for employer leads.
        sector: (n,) int32 codes into ``sectors``.
        occupation: (n,) int32 codes into ``occupations``.
        isco: (n,) int32 ISCO-08 4-digit group as an int, -1 when unknown.
        hours_min: (n,) float64, NaN when unknown.
        hours_max: (n,) float64, NaN when unknown.
        lat: (n,) float64 degrees, NaN when unknown.
        lon: (n,) float64 degrees, NaN when unknown.
        contract: (n,) int32 codes into ``contracts``.
        stage: (n,) int8 index into STAGES.
        route: (n,) int8 index into APPLICATION_ROUTES.
        do_not_contact: (n,) bool.
        skills: Essential skills per row.
        licences: Required licences per row.
    """

    ids: np.ndarray
    id_order: np.ndarray
    is_employer: np.ndarray
    sector: np.ndarray
    sectors: Vocabulary
    occupation: np.ndarray
    occupations: Vocabulary
    isco: np.ndarray
    hours_min: np.ndarray
    hours_max: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    contract: np.ndarray
    contracts: Vocabulary
    stage: np.ndarray
    route: np.ndarray
    do_not_contact: np.ndarray
    skills: SetColumn
    licences: SetColumn

    @classmethod
    def build(cls, openings: Sequence[Opening]) -> OpeningTable:
        """Build the columns for ``openings`` (any length, including zero)."""
        ids = np.array([o.id for o in openings], dtype=object)
        id_order = np.empty(len(ids), np.int64)
        id_order[np.argsort(ids.astype(str), kind="stable")] = np.arange(len(ids))
        sectors = Vocabulary.build([o.sector for o in openings])
        occupations = Vocabulary.build([o.occupation.uri for o in openings])
        contracts = Vocabulary.build([o.contract_type for o in openings])
        return cls(
            ids=ids,
            id_order=id_order,
            is_employer=np.array([o.kind == "employer" for o in openings], bool),
            sector=sectors.encode([o.sector for o in openings]),
            sectors=sectors,
            occupation=occupations.encode([o.occupation.uri for o in openings]),
            occupations=occupations,
            isco=np.array([_isco_int(o.occupation.isco_group) for o in openings], np.int32),
            hours_min=_floats([o.hours_min for o in openings]),
            hours_max=_floats([o.hours_max for o in openings]),
            lat=_floats([o.place.lat if o.place else None for o in openings]),
            lon=_floats([o.place.lon if o.place else None for o in openings]),
            contract=contracts.encode([o.contract_type for o in openings]),
            contracts=contracts,
            stage=np.array([STAGES.index(o.stage) for o in openings], np.int8),
            route=np.array([APPLICATION_ROUTES.index(o.application_route) for o in openings], np.int8),
            do_not_contact=np.array([o.employer_do_not_contact for o in openings], bool),
            skills=SetColumn.build([tuple(s.uri for s in o.essential_skills) for o in openings]),
            licences=SetColumn.build([tuple(o.required_licences) for o in openings]),
        )

    def __len__(self) -> int:
        return len(self.ids)


def _floats(values: Sequence[float | None]) -> np.ndarray:
    return np.array([_NAN if v is None else float(v) for v in values], np.float64)


def _isco_int(code: str) -> int:
    return int(code) if code.isdigit() else -1
