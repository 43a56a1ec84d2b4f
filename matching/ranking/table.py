"""Columnar view of the rankable items, updated in place as items change.

Constraints and score parts run as numpy operations over these columns. Strings are turned into
integer codes (one vocabulary per column, append-only so codes stay valid while items change) so
membership tests are integer look-ups, and skill and licence sets are de-duplicated: many openings
share an occupation's essential skills, so coverage is computed once per distinct set and gathered.

Columns have a capacity larger than the number of rows in use; rows are written by index
(`OpeningTable.write`), so the ranker can reuse freed rows instead of rebuilding every column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

from matching.ranking.codes import SetColumn, SetVocabulary, Vocabulary
from matching.ranking.column import Column
from matching.types import APPLICATION_ROUTES, STAGES, Opening

_NAN = float("nan")
#: The string columns kept as codes into a `Vocabulary` of their own that constraints look values up in.
CodedColumn = Literal["sector", "occupation"]
#: The ``route`` code of openings reached only through the specialist.
VIA_SPECIALIST = APPLICATION_ROUTES.index("via_specialist")


class OpeningTable:
    """Columns of items, row i <-> the item written at row i.

    Vocabularies can be shared with another table (the ranker's table of group representatives
    uses the same codes), so constraints evaluate on either.

    Attributes:
        ids: (capacity,) object array of ids ("" for unused rows).
        is_employer: (capacity,) bool, True for employer leads.
        sector: (capacity,) int32 codes into ``sectors``.
        occupation: (capacity,) int32 codes into ``occupations``.
        isco: (capacity,) int32 ISCO-08 4-digit group as an int, -1 when unknown.
        hours_min: (capacity,) float64, NaN when unknown.
        hours_max: (capacity,) float64, NaN when unknown.
        lat: (capacity,) float64 degrees, NaN when unknown.
        lon: (capacity,) float64 degrees, NaN when unknown.
        phi, lam, cos_phi: (capacity,) float64 latitude and longitude in radians and the
            latitude's cosine (`geo.haversine_radians` reads them; kept so no query redoes them).
        contract: (capacity,) int32 codes into ``contracts``.
        stage: (capacity,) int8 index into STAGES.
        route: (capacity,) int8 index into APPLICATION_ROUTES.
        do_not_contact: (capacity,) bool.
        remote: (capacity,) bool, True for remote work (no commute).
        country: (capacity,) int32 codes into ``countries`` (0 = unknown).
        employer: (capacity,) int32 codes into ``employers`` (for per-employer disclosure rules).
        skills: Essential skills per row.
        licences: Required licences per row.
    """

    sectors: Vocabulary
    occupations: Vocabulary
    contracts: Vocabulary
    countries: Vocabulary
    employers: Vocabulary
    skills: SetColumn
    licences: SetColumn
    ids: npt.NDArray[np.object_]
    is_employer = Column(np.bool_, False)
    sector = Column(np.int32, 0)
    occupation = Column(np.int32, 0)
    isco = Column(np.int32, -1)
    hours_min = Column(np.float64, _NAN)
    hours_max = Column(np.float64, _NAN)
    lat = Column(np.float64, _NAN)
    lon = Column(np.float64, _NAN)
    phi = Column(np.float64, _NAN)
    lam = Column(np.float64, _NAN)
    cos_phi = Column(np.float64, _NAN)
    contract = Column(np.int32, 0)
    stage = Column(np.int8, 0)
    route = Column(np.int8, 0)
    do_not_contact = Column(np.bool_, False)
    remote = Column(np.bool_, False)
    country = Column(np.int32, 0)
    employer = Column(np.int32, 0)

    def __init__(self, capacity: int = 0, *, share: OpeningTable | None = None) -> None:
        self.sectors = share.sectors if share is not None else Vocabulary()
        self.occupations = share.occupations if share is not None else Vocabulary()
        self.contracts = share.contracts if share is not None else Vocabulary()
        self.countries = share.countries if share is not None else Vocabulary()
        self.employers = share.employers if share is not None else Vocabulary()
        skill_sets = share.skills.sets if share is not None else SetVocabulary()
        licence_sets = share.licences.sets if share is not None else SetVocabulary()
        self.skills = SetColumn(skill_sets, capacity)
        self.licences = SetColumn(licence_sets, capacity)
        self.ids = np.full(capacity, "", dtype=object)
        for name, (dtype, fill) in _COLUMNS.items():
            setattr(self, name, np.full(capacity, fill, dtype))

    @classmethod
    def build(cls, openings: Sequence[Opening]) -> OpeningTable:
        """Build the columns for ``openings`` (any length, including zero), row i = openings[i]."""
        table = cls(len(openings))
        table.write(np.arange(len(openings)), openings)
        return table

    @property
    def capacity(self) -> int:
        """Rows allocated (in use or not)."""
        return len(self.ids)

    def __len__(self) -> int:
        return self.capacity

    def grow(self, capacity: int) -> None:
        """Enlarge every column to ``capacity`` rows (new rows are unused)."""
        old = self.capacity
        if capacity <= old:
            return
        for name, (_, fill) in (*_COLUMNS.items(), ("ids", ("", ""))):
            col = getattr(self, name)
            new = np.empty(capacity, col.dtype)
            new[:old] = col
            new[old:] = fill
            setattr(self, name, new)
        for sets in (self.skills, self.licences):
            sets.row_set = np.concatenate([sets.row_set, np.zeros(capacity - old, np.int32)])

    def write(self, rows: npt.NDArray[np.int64], openings: Sequence[Opening]) -> None:
        """Encode ``openings[i]`` into row ``rows[i]`` (rows must be below the capacity)."""
        if len(openings) == 0:
            return
        rows = np.asarray(rows, np.int64)
        self.ids[rows] = [o.id for o in openings]
        self.is_employer[rows] = [o.kind == "employer" for o in openings]
        self.sector[rows] = [self.sectors.add(o.sector) for o in openings]
        self.occupation[rows] = [self.occupations.add(o.occupation.uri) for o in openings]
        self.isco[rows] = [_isco_int(o.occupation.isco_group) for o in openings]
        self.hours_min[rows] = _floats([o.hours_min for o in openings])
        self.hours_max[rows] = _floats([o.hours_max for o in openings])
        self.lat[rows] = _floats([o.place.lat if o.place else None for o in openings])
        self.lon[rows] = _floats([o.place.lon if o.place else None for o in openings])
        self.phi[rows] = np.radians(self.lat[rows])
        self.lam[rows] = np.radians(self.lon[rows])
        self.cos_phi[rows] = np.cos(self.phi[rows])
        self.contract[rows] = [self.contracts.add(o.contract_type) for o in openings]
        self.stage[rows] = [STAGES.index(o.stage) for o in openings]
        self.route[rows] = [APPLICATION_ROUTES.index(o.application_route) for o in openings]
        self.do_not_contact[rows] = [o.employer_do_not_contact for o in openings]
        self.remote[rows] = [o.remote for o in openings]
        self.country[rows] = [self.countries.add(o.place.country if o.place else "") for o in openings]
        self.employer[rows] = [self.employers.add(o.employer_id) for o in openings]
        skills = self.skills.sets
        self.skills.row_set[rows] = [skills.add([s.uri for s in o.essential_skills]) for o in openings]
        self.licences.row_set[rows] = [self.licences.sets.add(o.required_licences) for o in openings]

    def copy_from(self, other: OpeningTable, src: npt.NDArray[np.int64], dst: npt.NDArray[np.int64]) -> None:
        """Copy rows ``src`` of ``other`` (sharing this table's vocabularies) into rows ``dst``."""
        for name in (*_COLUMNS, "ids"):
            getattr(self, name)[dst] = getattr(other, name)[src]
        self.skills.row_set[dst] = other.skills.row_set[src]
        self.licences.row_set[dst] = other.licences.row_set[src]

    def clear(self, rows: npt.NDArray[np.int64]) -> None:
        """Reset ``rows`` to the unused state."""
        self.ids[rows] = ""
        for name, (_, fill) in _COLUMNS.items():
            getattr(self, name)[rows] = fill

    def coded(self, column: CodedColumn) -> tuple[npt.NDArray[np.int32], Vocabulary]:
        """The (capacity,) int32 codes of one coded column and the vocabulary they index."""
        if column == "sector":
            return self.sector, self.sectors
        return self.occupation, self.occupations

    def nbytes(self) -> int:
        """Bytes held by the numeric columns (ids' string objects not included)."""
        cols: list[npt.NDArray[np.generic]] = [getattr(self, name) for name in _COLUMNS]
        return sum(c.nbytes for c in cols) + self.ids.nbytes + 2 * self.skills.row_set.nbytes


#: Column name -> (dtype, fill value for unused rows), in declaration order.
_COLUMNS: dict[str, tuple[type, object]] = {
    name: (c.dtype, c.fill) for name, c in vars(OpeningTable).items() if isinstance(c, Column)
}


def _floats(values: Sequence[float | None]) -> npt.NDArray[np.float64]:
    return np.array([_NAN if v is None else float(v) for v in values], np.float64)


def _isco_int(code: str) -> int:
    return int(code) if code.isdigit() else -1
