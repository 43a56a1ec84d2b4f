"""Per-employer exceptions in the disclosure plan: the ranker, the constraint and the oracle agree."""

from __future__ import annotations

import numpy as np
import pytest

from matching.ranking.contact_rules import NoContactWith, NoEmployerContact, contact_constraints
from matching.ranking.oracle import allowed
from matching.ranking.ranker import Ranker
from matching.ranking.table import OpeningTable
from matching.types import Disclosure, Opening, Profile

ITEMS = [
    Opening(id="lead-yes", employer_id="yes", kind="employer"),
    Opening(id="lead-no", employer_id="no", kind="employer"),
    Opening(id="lead-other", employer_id="other", kind="employer"),
    Opening(id="intro-no", employer_id="no", application_route="via_specialist"),
    Opening(id="advert-no", employer_id="no"),  # the person applies alone: always kept
]
VECTORS = np.eye(len(ITEMS), dtype=np.float32)

PLANS = {
    "no contact, except yes": Disclosure("service_only", False, contact_employers=("yes",)),
    "contact, except no": Disclosure("service_only", True, no_contact_employers=("no",)),
    "no contact at all": Disclosure("none", False),
    "contact everywhere": Disclosure("partial", True),
}
EXPECTED = {
    "no contact, except yes": {"lead-yes", "advert-no"},
    "contact, except no": {"lead-yes", "lead-other", "advert-no"},
    "no contact at all": {"advert-no"},
    "contact everywhere": {item.id for item in ITEMS},
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_ranker_and_oracle_keep_the_same_leads(name: str) -> None:
    profile = Profile(id="p", disclosure=PLANS[name])
    ranker = Ranker().fit(ITEMS, VECTORS)
    ranked = {lead.id for lead in ranker.rank(profile, VECTORS[0], n=10)}
    assert ranked == EXPECTED[name]
    assert {item.id for item in ITEMS if allowed(item, profile)} == EXPECTED[name]


def test_the_rules_are_per_row_only_when_an_employer_is_named() -> None:
    assert not NoEmployerContact().per_row and NoEmployerContact(("yes",)).per_row
    table = OpeningTable.build(ITEMS)
    kept = NoContactWith(("no",)).keep(table, np.arange(len(ITEMS)))
    assert kept.tolist() == [True, False, True, False, True]
    assert [c.name for c in contact_constraints(PLANS["contact, except no"])] == [
        "employer_do_not_contact",
        "disclosure_not_this_employer",
    ]


def test_may_contact_names_the_employer() -> None:
    plan = PLANS["no contact, except yes"]
    assert plan.may_contact("yes") and not plan.may_contact("other") and not plan.may_contact(None)
    both = Disclosure("partial", True, contact_employers=("x",), no_contact_employers=("x",))
    assert not both.may_contact("x")  # "not this one" wins over "this one"
