from __future__ import annotations

import numpy as np

from matching.ranking.constraints import And, HoursRange, Not, Or, RefusedSectors, constraints_for
from matching.ranking.table import OpeningTable
from matching.types import Disclosure, Opening, Place, Profile

ITEMS = [
    Opening(id="a", employer_id="e", sector="G47", hours_min=10, hours_max=20),
    Opening(id="b", employer_id="e", sector="I56", hours_min=30, hours_max=40),
    Opening(id="c", employer_id="e", sector="", hours_min=None, hours_max=None),
]
TABLE = OpeningTable.build(ITEMS)
ROWS = np.arange(3)


def test_each_constraint_describes_itself() -> None:
    assert RefusedSectors(("G47",)).describe() == "the person refuses sector(s) G47"
    assert HoursRange(None, 25).describe() == "the person can work at most 25 hours a week"
    assert "and" in And((RefusedSectors(("G47",)), HoursRange(5, 25))).describe()


def test_composition() -> None:
    retail = RefusedSectors(("G47",))
    short = HoursRange(None, 25)
    assert And((retail, short)).keep(TABLE, ROWS).tolist() == [False, False, True]
    assert Or((retail, short)).keep(TABLE, ROWS).tolist() == [True, True, True]
    assert Not(retail).keep(TABLE, ROWS).tolist() == [True, False, False]


def test_unknown_values_are_kept() -> None:
    # An item that does not say its sector or hours is never removed for it.
    assert HoursRange(1, 2).keep(TABLE, ROWS).tolist() == [False, False, True]
    assert RefusedSectors(("", "I56")).keep(TABLE, ROWS).tolist() == [True, False, True]


def test_constraints_come_only_from_what_the_person_said() -> None:
    quiet = Profile(id="p", disclosure=Disclosure(es_may_contact_employers=True))
    assert [c.name for c in constraints_for(quiet)] == ["employer_do_not_contact"]
    stated = Profile(
        id="p",
        refused_sectors=("G47",),
        hours_min=10,
        hours_max=20,
        hours_is_constraint=True,
        home=Place(59.3, 18.0),
        max_commute_km=5,
        commute_is_constraint=True,
        exclude_missing_licence=True,
    )
    assert [c.name for c in constraints_for(stated)] == [
        "employer_do_not_contact",
        "disclosure_no_employer_contact",
        "refused_sectors",
        "hours_range",
        "max_commute",
        "missing_licence",
    ]
