"""Properties over random caseloads (hypothesis): rates in [0, 1], monotonic bands, whole denominators."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reports import bands
from reports.bands import Scale
from reports.fidelity import fidelity_items
from reports.fidelity_staffing import caseload_size
from reports.frames import Caseload, frame
from reports.outcomes import outcomes
from reports.periods import Window
from reports.rules import ProgrammeRules

WINDOW = Window(dt.date(2024, 1, 1), dt.date(2024, 6, 30))
START = dt.date(2023, 10, 1)
days = st.integers(0, 300).map(lambda n: START + dt.timedelta(days=n))
PIDS = [f"P{i}" for i in range(6)]
SCALES = [v for v in vars(bands).values() if isinstance(v, Scale)]
RULES = ProgrammeRules(follow_along_months=3)
RATES = ("competitive_rate", "job_outcome_rate", "sustained_rate", "job_or_education_rate")


@st.composite
def caseloads(draw: st.DrawFn) -> Caseload:
    people = []
    for i, pid in enumerate(PIDS[: draw(st.integers(1, len(PIDS)))]):
        meet = draw(st.none() | days)
        closed = draw(st.none() | days)
        people.append({
            "participant_id": pid, "unit": f"u{i % 2}", "specialist": f"es{i % 2}", "referred_at": START,
            "first_meeting_at": meet, "employment_status_at_entry": draw(st.sampled_from(["unemployed", "employed_at_risk"])),  # noqa: E501
            "closed_at": closed, "closure_reason": draw(st.sampled_from(["moved", "Not ready"])) if closed else None,  # noqa: E501
        })  # fmt: skip
    pids = [p["participant_id"] for p in people]
    jobs = []
    for j in range(draw(st.integers(0, 6))):
        start = draw(days)
        end = draw(st.none() | st.integers(0, 200).map(lambda n, s=start: s + dt.timedelta(days=n)))
        jobs.append({
            "job_id": f"J{j}", "participant_id": draw(st.sampled_from(pids)), "employer_id": draw(st.sampled_from("AB")),  # noqa: E501
            "occupation_group": draw(st.sampled_from(["5223", "9412", None])), "start": start, "end": end,
            "end_learned_at": end, "paid_hours_to_date": draw(st.floats(0, 50)), "hours_week": draw(st.floats(0, 40)),  # noqa: E501
            "wage_hourly": draw(st.floats(9, 15)), "set_aside": draw(st.booleans()), "subsidy_type": "none",
        })  # fmt: skip
    contacts = [
        {"contact_id": f"C{k}", "at": draw(days), "specialist": draw(st.sampled_from(["es0", "es1"])),
         "employer_id": draw(st.sampled_from("AB")), "mode": draw(st.sampled_from(["face_to_face", "phone"])),
         "participant_id": draw(st.none() | st.sampled_from(pids)), "by_participant": draw(st.booleans()),
         "occupation_group": "5223", "plan_target": draw(st.booleans())}
        for k in range(draw(st.integers(0, 8)))
    ]  # fmt: skip
    support = [
        {"contact_id": f"S{k}", "participant_id": draw(st.sampled_from(pids)), "at": draw(days),
         "mode": "face_to_face", "with_whom": "participant"}
        for k in range(draw(st.integers(0, 8)))
    ]  # fmt: skip
    staff = [{"specialist": es, "unit": "u", "fte": 1.0, "active_from": START} for es in ("es0", "es1")]
    return Caseload(
        participants=frame("participants", people), jobs=frame("jobs", jobs),
        employer_contacts=frame("employer_contacts", contacts), support_contacts=frame("support_contacts", support),  # noqa: E501
        staff=frame("staff", staff),
    )  # fmt: skip


def with_newcomer(caseload: Caseload, status: str = "unemployed") -> Caseload:
    """The same caseload plus one person entered on 2024-01-02 with nothing else recorded."""
    new = frame("participants", [{"participant_id": "NEW", "unit": "u0", "specialist": "es0",
                                  "first_meeting_at": dt.date(2024, 1, 2), "employment_status_at_entry": status}])  # fmt: skip  # noqa: E501
    return replace(caseload, participants=caseload.participants.vstack(new))


@settings(max_examples=60, deadline=None)
@given(caseloads())
def test_shares_and_rates_stay_in_unit_interval(caseload: Caseload) -> None:
    for item in fidelity_items(caseload, RULES, WINDOW):
        assert item.band is None or 1 <= item.band <= 5
        if item.unit == "share" and item.figure is not None:
            assert 0.0 <= item.figure <= 1.0, item
            assert item.figure == item.numerator / item.denominator
    table = outcomes(caseload, RULES, WINDOW, by="unit")
    for column in RATES:
        values = table[column].drop_nulls()
        assert values.is_empty() or (values.min() >= 0.0 and values.max() <= 1.0)  # type: ignore[operator]


@settings(max_examples=60, deadline=None)
@given(caseloads())
def test_an_unrelated_participant_changes_denominators_only_as_defined(caseload: Caseload) -> None:
    rules = RULES
    before = {i.item: i for i in fidelity_items(caseload, rules, WINDOW)}
    after = {i.item: i for i in fidelity_items(with_newcomer(caseload), rules, WINDOW)}
    # Served (V2) and entered in the window, 30+ days before its end (V4): one more each.
    assert after["V2"].denominator == before["V2"].denominator + 1
    assert after["V4"].denominator == before["V4"].denominator + 1
    # No job, contact or closure of theirs: every other denominator is unchanged.
    for item in ("V1", "V3", "V5", "V6", "V7", "V8", "V9", "V10", "V12", "V14"):
        assert after[item].denominator == before[item].denominator, item
    # Active needs a recent contact: not them; with the "open" rule they count.
    assert after["S1"].numerator == before["S1"].numerator
    open_rule = replace(rules, active_client="open")
    assert (
        caseload_size(with_newcomer(caseload), open_rule, WINDOW).numerator
        == caseload_size(caseload, open_rule, WINDOW).numerator + 1
    )
    old, new = outcomes(caseload, rules, WINDOW), outcomes(with_newcomer(caseload), rules, WINDOW)
    assert (new["served"] - old["served"]).to_list() == [1, 1]
    assert (new["out_of_work"] - old["out_of_work"]).to_list() == [1, 1]
    assert new["competitive"].to_list() == old["competitive"].to_list()
    in_work = outcomes(with_newcomer(caseload, "employed_at_risk"), rules, WINDOW)
    assert in_work["out_of_work"].to_list() == old["out_of_work"].to_list()  # not out of work: not counted


@given(st.sampled_from(SCALES), st.floats(-10, 500, allow_nan=False), st.floats(-10, 500, allow_nan=False))
def test_bands_are_monotonic_in_their_figure(scale: Scale, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    band_lo, band_hi = scale.band(lo), scale.band(hi)
    assert band_lo is not None and band_hi is not None
    assert (band_lo <= band_hi) if scale.higher_is_better else (band_lo >= band_hi)
