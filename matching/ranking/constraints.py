"""The person's own constraints, as small declarative objects.

The rules about contacting employers (the disclosure plan's and the employer's own) are in
`matching.ranking.contact_rules`.

Zero exclusion: nothing here ever judges a *person*. Each object expresses something the person
said (a sector they refuse, hours they cannot work, a distance they will not travel) or a rule of
their disclosure plan, and removes *leads* for them. Each can execute itself over an
`OpeningTable` and describe itself; the description becomes the reason kept for every lead it
removes. Compose with `And`, `Or`, `Not` (modelled on splink's comparison-level composition).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from matching.ranking.constraint_base import Constraint
from matching.ranking.contact_rules import contact_constraints
from matching.ranking.geo import haversine_radians
from matching.ranking.table import CodedColumn, OpeningTable
from matching.types import Profile


@dataclass(frozen=True)
class _Refusal(Constraint):
    """Removes the rows whose code in one coded column is a value the person refuses.

    The base of `RefusedSectors` and `RefusedOccupations`: a subclass names the column
    (``column``) and what the person said (``says``); ``labels`` name the refused values for
    people (the values themselves when empty).
    """

    refused: tuple[str, ...]
    labels: tuple[str, ...] = ()
    #: The coded column the refused values are looked for in (`OpeningTable.coded`).
    column: ClassVar[CodedColumn]
    #: What the person said, before the list of refused labels.
    says: ClassVar[str]

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        codes, vocabulary = table.coded(self.column)
        wanted = [vocabulary.codes[value] for value in self.refused if value and value in vocabulary.codes]
        return ~np.isin(codes[rows], np.asarray(wanted, np.int32))

    def describe(self) -> str:
        return f"{self.says} {', '.join(self.labels or self.refused)}"


@dataclass(frozen=True)
class RefusedSectors(_Refusal):
    """The person refuses to work in these NACE sectors (``refused``: codes such as "G47")."""

    name: str = "refused_sectors"
    column: ClassVar[CodedColumn] = "sector"
    says: ClassVar[str] = "the person refuses sector(s)"


@dataclass(frozen=True)
class RefusedOccupations(_Refusal):
    """The person refuses these ESCO occupations (``refused``: URIs; ``labels``: their names)."""

    name: str = "refused_occupations"
    column: ClassVar[CodedColumn] = "occupation"
    says: ClassVar[str] = "the person will not work as"


@dataclass(frozen=True)
class HoursRange(Constraint):
    """Weekly hours must overlap the person's [low, high]; unknown hours are kept (and flagged)."""

    low: float | None
    high: float | None
    name: str = "hours_range"

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        lo, hi = table.hours_min[rows], table.hours_max[rows]
        ok = np.ones(len(rows), bool)
        if self.high is not None:
            ok &= ~(lo > self.high)  # NaN compares False, so unknown hours stay
        if self.low is not None:
            ok &= ~(hi < self.low)
        return ok

    def describe(self) -> str:  # noqa: D102
        return f"the person can work {_range(self.low, self.high)} hours a week"


@dataclass(frozen=True)
class MaxCommute(Constraint):
    """Work must be within ``km`` of home (straight line); unknown places are kept and flagged."""

    lat: float
    lon: float
    km: float
    name: str = "max_commute"

    @property
    def per_row(self) -> bool:
        """True: distance is per row (region cells narrow it down, see `matching.ranking.groups`)."""
        return True

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        dist = haversine_radians(self.lat, self.lon, table.phi[rows], table.lam[rows], table.cos_phi[rows])
        return ~(dist > self.km)

    def describe(self) -> str:  # noqa: D102
        return f"the person travels at most {self.km:g} km"


@dataclass(frozen=True)
class HeldLicences(Constraint):
    """Only work whose required licences the person holds (when the person asked for this)."""

    licences: tuple[str, ...]
    name: str = "missing_licence"

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        col = table.licences
        missing = col.set_sizes() - col.hits_per_set(frozenset(self.licences))
        held: npt.NDArray[np.bool_] = missing[col.row_set[rows]] == 0
        return held

    def describe(self) -> str:  # noqa: D102
        held = ", ".join(self.licences) or "none"
        return f"the person asked to hide work needing a licence they lack (holds: {held})"


@dataclass(frozen=True)
class _Junction(Constraint):
    """Parts combined row by row with one boolean operator (the base of `And` and `Or`)."""

    parts: tuple[Constraint, ...]

    #: The mask before any part is combined in (what no parts at all keep).
    start: ClassVar[bool]
    #: ``combine(ok, part_mask, out=ok)`` folds one part's mask in.
    combine: ClassVar[np.ufunc]
    #: Joins the parts' descriptions; ``empty`` describes a junction of no parts.
    joiner: ClassVar[str]
    empty: ClassVar[str] = ""

    @property
    def per_row(self) -> bool:
        return any(p.per_row for p in self.parts)

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        ok = np.full(len(rows), self.start)
        for part in self.parts:
            self.combine(ok, part.keep(table, rows), out=ok)
        return ok

    def describe(self) -> str:
        return self.joiner.join(f"({p.describe()})" for p in self.parts) or self.empty


@dataclass(frozen=True)
class And(_Junction):
    """All parts must keep the row."""

    name: str = "and"
    start: ClassVar[bool] = True
    combine: ClassVar[np.ufunc] = np.bitwise_and
    joiner: ClassVar[str] = " and "
    empty: ClassVar[str] = "no constraint"


@dataclass(frozen=True)
class Or(_Junction):
    """Any part keeping the row keeps it."""

    name: str = "or"
    start: ClassVar[bool] = False
    combine: ClassVar[np.ufunc] = np.bitwise_or
    joiner: ClassVar[str] = " or "


@dataclass(frozen=True)
class Not(Constraint):
    """Keeps exactly the rows the inner constraint removes."""

    inner: Constraint
    name: str = "not"

    @property
    def per_row(self) -> bool:  # noqa: D102
        return self.inner.per_row

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        return ~self.inner.keep(table, rows)

    def describe(self) -> str:  # noqa: D102
        return f"not ({self.inner.describe()})"


def constraints_for(profile: Profile) -> tuple[Constraint, ...]:
    """The constraints a profile states, in the order removals are attributed.

    Only the person's own statements and their disclosure plan appear here. Everything else
    about feasibility (hours, distance, licences when not a constraint) is a flag, not a filter.
    """
    found: list[Constraint] = list(contact_constraints(profile.disclosure))
    if profile.refused_sectors:
        found.append(RefusedSectors(tuple(profile.refused_sectors)))
    refused = tuple(c for c in profile.refused_occupations if c.uri)
    if refused:
        found.append(RefusedOccupations(tuple(c.uri for c in refused), tuple(c.label for c in refused)))
    if profile.hours_is_constraint and (profile.hours_min, profile.hours_max) != (None, None):
        found.append(HoursRange(profile.hours_min, profile.hours_max))
    if profile.commute_is_constraint and profile.home and profile.max_commute_km is not None:
        found.append(MaxCommute(profile.home.lat, profile.home.lon, profile.max_commute_km))
    if profile.exclude_missing_licence:
        found.append(HeldLicences(tuple(profile.licences)))
    return tuple(found)


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}-{high:g}"
    return f"at least {low:g}" if low is not None else f"at most {high:g}"
