from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Ranker
from matching.ranking.oracle import allowed, reference_rank, reference_tiers
from matching.ranking.ranker import NotFittedError
from matching.types import Concept, Disclosure, Opening, Place, Profile
from tests.matching.builders import openings, profiles, unit_vectors

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_fit_follows_the_estimator_contract() -> None:
    ranker = Ranker(weights={"preference": 1.0})
    assert ranker.weights == {"preference": 1.0}  # stored unchanged
    items = [Opening(id="a", employer_id="e")]
    assert ranker.fit(items, unit_vectors(1)) is ranker
    assert ranker.openings_ == tuple(items) and ranker.vectors_.shape == (1, 8)


def test_rank_before_fit_raises() -> None:
    with pytest.raises(NotFittedError):
        Ranker().rank(Profile(id="p"), unit_vectors(1)[0])


@pytest.mark.parametrize(
    "vectors", [np.ones((2, 3), np.float64), np.ones((1, 3), np.float32), np.full((2, 3), 2.0, np.float32)]
)
def test_fit_rejects_bad_vectors(vectors: np.ndarray) -> None:
    items = [Opening(id="a", employer_id="e"), Opening(id="b", employer_id="e")]
    with pytest.raises(ValueError):
        Ranker().fit(items, vectors)


def test_equal_scores_are_ordered_by_id() -> None:
    ids = ["d", "b", "e", "a", "c"]
    items = [Opening(id=i, employer_id="e") for i in ids]
    vec = np.tile(unit_vectors(1), (5, 1))
    leads = Ranker().fit(items, vec).rank(Profile(id="p"), vec[0], n=3)
    assert [lead.id for lead in leads] == ["a", "b", "c"]
    assert [lead.rank for lead in leads] == [1, 2, 3]


@FAST
@given(items=openings(), profile=profiles(), n=st.integers(1, 50))
def test_matches_reference_and_parts_add_up(items: list[Opening], profile: Profile, n: int) -> None:
    vecs = unit_vectors(len(items))
    goals = unit_vectors(2, seed=1)
    leads = Ranker(similarity_floor=0.1).fit(items, vecs).rank(profile, goals, n=n)
    expected = reference_rank(items, vecs.tolist(), profile, goals.tolist(), n=n, similarity_floor=0.1)
    assert len(leads) == len(expected)
    for lead, (ref_id, ref_score) in zip(leads, expected, strict=True):
        assert lead.score == pytest.approx(ref_score, abs=1e-5)
        assert sum(p.contribution for p in lead.explanation.parts) == pytest.approx(lead.score, abs=1e-12)
        if lead.id != ref_id:  # only allowed where float32 vs float64 makes a near-tie
            assert lead.score == pytest.approx(dict(expected).get(lead.id, -1), abs=1e-5)
    tiers = reference_tiers(items, profile)
    keys = [(tiers[lead.id], -lead.score, lead.id) for lead in leads]
    assert keys == sorted(keys)  # (travel tier, score, id), the tier computed independently


@FAST
@given(items=openings(), profile=profiles())
def test_only_the_persons_constraints_remove_leads(items: list[Opening], profile: Profile) -> None:
    vecs = unit_vectors(len(items))
    ranker = Ranker().fit(items, vecs)
    leads = ranker.rank(profile, vecs[0], n=len(items))
    kept = {lead.id for lead in leads}
    removed = {r.id: r for r in ranker.removals(profile)}
    assert kept | set(removed) == {o.id for o in items}  # every item is either a lead or explained
    assert not kept & set(removed)
    for item in items:
        assert (item.id in kept) == allowed(item, profile)
    for removal in removed.values():
        assert removal.reason and removal.constraint


@FAST
@given(items=openings(), profile=profiles())
def test_refused_sectors_never_appear(items: list[Opening], profile: Profile) -> None:
    vecs = unit_vectors(len(items))
    leads = Ranker().fit(items, vecs).rank(profile, vecs[0], n=len(items))
    sector = {o.id: o.sector for o in items}
    assert not {sector[lead.id] for lead in leads} & set(profile.refused_sectors)


@FAST
@given(items=openings(), profile=profiles())
def test_no_employer_contact_means_no_employer_leads(items: list[Opening], profile: Profile) -> None:
    profile = dataclasses.replace(profile, disclosure=Disclosure("full", es_may_contact_employers=False))
    vecs = unit_vectors(len(items))
    leads = Ranker().fit(items, vecs).rank(profile, vecs[0], n=len(items))
    by_id = {o.id: o for o in items}
    assert all(lead.kind == "opening" for lead in leads)
    assert all(by_id[lead.id].application_route != "via_specialist" for lead in leads)


@FAST
@given(profile=profiles())
def test_zero_exclusion_every_person_gets_an_answer(profile: Profile) -> None:
    # Nothing about a person can make ranking fail or return nothing when nothing constrains it.
    items = [Opening(id=f"o{i}", employer_id="e", application_route="self_apply") for i in range(5)]
    vecs = unit_vectors(5)
    free = dataclasses.replace(profile, refused_sectors=(), refused_occupations=())
    leads = Ranker().fit(items, vecs).rank(free, vecs[0], n=5)
    assert len(leads) == 5


def test_benefit_threshold_only_flags_and_never_changes_scores() -> None:
    items = [Opening(id="a", employer_id="e", hours_min=30, hours_max=40)]
    vecs = unit_vectors(1)
    ranker = Ranker().fit(items, vecs)
    plain = ranker.rank(Profile(id="p"), vecs[0])[0]
    warned = ranker.rank(Profile(id="p", benefit_hours_threshold=15), vecs[0])[0]
    assert plain.score == warned.score
    assert "benefit_threshold" in {f.code for f in warned.explanation.flags}
    assert "benefit_threshold" not in {f.code for f in plain.explanation.flags}


def test_protected_attributes_are_not_profile_fields() -> None:
    names = {f.name for f in dataclasses.fields(Profile)} | {f.name for f in dataclasses.fields(Opening)}
    for banned in (
        "diagnosis",
        "diagnoses",
        "criminal",
        "conviction",
        "benefit_status",
        "benefits",
        "health",
    ):
        assert not any(banned in name for name in names), banned


def test_preferences_flag_but_constraints_remove() -> None:
    far = Opening(id="far", employer_id="e", place=Place(59.9, 18.0), hours_min=35, hours_max=40)
    near = Opening(id="near", employer_id="e", place=Place(59.33, 18.06), hours_min=10, hours_max=20)
    vecs = unit_vectors(2)
    ranker = Ranker().fit([far, near], vecs)
    soft = Profile(id="p", home=Place(59.33, 18.06), max_commute_km=10, hours_min=10, hours_max=20)
    leads = {lead.id: lead for lead in ranker.rank(soft, vecs[0], n=5)}
    assert set(leads) == {"far", "near"}
    assert {"commute_over_preference", "hours_outside_preference"} <= {
        f.code for f in leads["far"].explanation.flags
    }
    hard = dataclasses.replace(soft, commute_is_constraint=True)
    assert [lead.id for lead in ranker.rank(hard, vecs[0], n=5)] == ["near"]
    assert [r.constraint for r in ranker.removals(hard)] == ["max_commute"]
    hours = dataclasses.replace(soft, hours_is_constraint=True)
    assert [lead.id for lead in ranker.rank(hours, vecs[0], n=5)] == ["near"]


def test_missing_licence_flags_unless_the_person_asks_to_hide() -> None:
    van = Opening(id="van", employer_id="e", required_licences=("driving_b",))
    vecs = unit_vectors(1)
    ranker = Ranker().fit([van], vecs)
    lead = ranker.rank(Profile(id="p"), vecs[0])[0]
    assert "missing_licence" in {f.code for f in lead.explanation.flags}
    assert ranker.rank(Profile(id="p", exclude_missing_licence=True), vecs[0]) == []
    holder = Profile(id="p", licences=("driving_b",), exclude_missing_licence=True)
    assert [lead.id for lead in ranker.rank(holder, vecs[0])] == ["van"]


def test_exclude_and_kinds() -> None:
    items = [
        Opening(id="o1", employer_id="e"),
        Opening(id="o2", employer_id="e"),
        Opening(id="e9", employer_id="e9", kind="employer"),
    ]
    vecs = unit_vectors(3)
    ranker = Ranker().fit(items, vecs)
    p = Profile(id="p", disclosure=Disclosure("service_only", es_may_contact_employers=True))
    assert {lead.id for lead in ranker.rank(p, vecs[0], exclude={"o1"})} == {"o2", "e9"}
    assert {lead.id for lead in ranker.rank(p, vecs[0], kinds=["employer"])} == {"e9"}
    with pytest.raises(ValueError):
        ranker.rank(p, vecs[0], kinds=["job"])  # type: ignore[list-item]


def test_explanation_names_matched_and_missing_skills() -> None:
    a, b, c = (Concept(f"s{i}", f"skill:{i}") for i in range(3))
    item = Opening(id="x", employer_id="e", essential_skills=(a, b, c))
    vecs = unit_vectors(1)
    lead = Ranker().fit([item], vecs).rank(Profile(id="p", skills=(a, c)), vecs[0])[0]
    assert lead.explanation.matched_skills == (a, c)
    assert lead.explanation.missing_skills == (b,)
    skills = next(p for p in lead.explanation.parts if p.name == "skills")
    assert skills.value == pytest.approx(2 / 3)
    assert "2 of 3" in skills.because


def test_a_person_without_recorded_skills_is_neutral_on_skills() -> None:
    # Unknown is not "has none": an opening listing skills must not lose to one listing none.
    listed = Opening(id="a", employer_id="e", essential_skills=(Concept("s", "skill:s"),))
    unlisted = Opening(id="b", employer_id="e")
    vecs = np.vstack([unit_vectors(1), unit_vectors(1)])
    leads = Ranker().fit([listed, unlisted], vecs).rank(Profile(id="p"), vecs[0], n=2)
    parts = [next(p for p in lead.explanation.parts if p.name == "skills") for lead in leads]
    assert [p.value for p in parts] == [0.5, 0.5]
    assert [lead.id for lead in leads] == ["a", "b"]  # equal scores: id order
    assert "no skills recorded" in parts[0].because
    assert leads[0].explanation.missing_skills == ()  # unknown, so not listed as missing


def test_closest_goal_drives_preference() -> None:
    cook, cleaner = Concept("cook", "occ:cook", "5120"), Concept("cleaner", "occ:cleaner", "9112")
    items = [
        Opening(id="k", employer_id="e", occupation=cook),
        Opening(id="c", employer_id="e", occupation=cleaner),
    ]
    vecs = unit_vectors(2)
    profile = Profile(id="p", preferred_occupations=(cook, cleaner))
    leads = Ranker().fit(items, vecs).rank(profile, vecs, n=2)  # one goal vector per goal
    for lead in leads:
        pref = next(p for p in lead.explanation.parts if p.name == "preference")
        assert pref.value == pytest.approx(1.0)
        assert ("cook" if lead.id == "k" else "cleaner") in pref.because
