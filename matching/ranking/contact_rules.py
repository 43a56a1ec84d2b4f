"""Who the specialist may approach: the employer's do-not-contact flag and the disclosure plan.

The disclosure plan says whether the specialist may contact employers about the person at all
(``es_may_contact_employers``), with per-employer exceptions either way. Approaching an employer
(an employer lead, or an opening reached only through the specialist) is what these rules remove;
openings the person applies to alone always remain. Their reasons are fixed sentences, marked
``N_`` so the pages say them in their language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.phrase import N_
from matching.ranking.constraint_base import Constraint
from matching.ranking.table import VIA_SPECIALIST as _VIA_SPECIALIST
from matching.ranking.table import OpeningTable
from matching.types import Disclosure


@dataclass(frozen=True)
class NoEmployerContact(Constraint):
    """Disclosure plan: the specialist may not approach employers for this person.

    Employer leads and openings reachable only through the specialist are removed, except at
    ``except_employers`` (the person's per-employer exceptions); self-application openings remain.
    """

    except_employers: tuple[str, ...] = ()
    name: str = "disclosure_no_employer_contact"

    @property
    def per_row(self) -> bool:  # noqa: D102
        return bool(self.except_employers)  # the employer is not a group column

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        reachable: npt.NDArray[np.bool_] = ~table.is_employer[rows] & (table.route[rows] != _VIA_SPECIALIST)
        if self.except_employers:
            reachable |= table.employers.lookup(self.except_employers)[table.employer[rows]]
        return reachable

    def describe(self) -> str:  # noqa: D102
        return N_("the disclosure plan does not allow the specialist to contact employers")


@dataclass(frozen=True)
class NoContactWith(Constraint):
    """Disclosure plan: the specialist may not approach these employers about the person."""

    employers: tuple[str, ...]
    name: str = "disclosure_not_this_employer"

    @property
    def per_row(self) -> bool:  # noqa: D102
        return True

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        via = table.is_employer[rows] | (table.route[rows] == _VIA_SPECIALIST)
        barred = table.employers.lookup(self.employers)[table.employer[rows]]
        kept: npt.NDArray[np.bool_] = ~(via & barred)
        return kept

    def describe(self) -> str:  # noqa: D102
        return N_("the disclosure plan does not allow the specialist to contact this employer")


@dataclass(frozen=True)
class EmployerNotContactable(Constraint):
    """Employers that asked not to be approached give no employer leads and no introductions."""

    name: str = "employer_do_not_contact"

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:  # noqa: D102
        dnc = table.do_not_contact[rows]
        contactable: npt.NDArray[np.bool_] = ~(
            dnc & (table.is_employer[rows] | (table.route[rows] == _VIA_SPECIALIST))
        )
        return contactable

    def describe(self) -> str:  # noqa: D102
        return N_("the employer asked not to be contacted by the programme")


def contact_constraints(plan: Disclosure) -> tuple[Constraint, ...]:
    """The contact rules for a person with this disclosure plan, in attribution order."""
    found: list[Constraint] = [EmployerNotContactable()]
    if not plan.es_may_contact_employers:
        allowed = tuple(e for e in plan.contact_employers if e not in plan.no_contact_employers)
        found.append(NoEmployerContact(allowed))
    elif plan.no_contact_employers:
        found.append(NoContactWith(tuple(plan.no_contact_employers)))
    return tuple(found)
