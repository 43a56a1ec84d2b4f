"""The input contract's checks, the competitive derivation, the rules and the windows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest

from reports.bands import total_band
from reports.competitive import competitive, counts_as_start
from reports.fidelity_job_search import days_to_first_contact
from reports.fidelity_jobs import competitive_jobs
from reports.fidelity_planning import profile_updates
from reports.frames import Caseload, FrameError, empty, frame, validate
from reports.periods import Window, quarters
from reports.rules import MissingMinimumWageError, ProgrammeRules, normalise_reason
from tests.reports.caseload import JOBS, PARTICIPANTS, RULES, WINDOW, build


def test_missing_column_is_named():
    with pytest.raises(FrameError, match=r"jobs: missing column 'wage_hourly' \(Float64\)"):
        validate("jobs", empty("jobs").drop("wage_hourly"))


def test_wrong_dtype_is_named_with_the_expected_one():
    bad = empty("jobs").with_columns(pl.col("start").cast(pl.Datetime))
    with pytest.raises(FrameError, match=r"jobs\.start: dtype Datetime.*expected Date"):
        Caseload(participants=empty("participants"), jobs=bad)


def test_null_in_a_required_column_is_refused():
    with pytest.raises(FrameError, match=r"participants\.unit: 1 null"):
        frame("participants", [{**PARTICIPANTS[0], "unit": None}])


def test_unknown_frame_and_extra_columns():
    with pytest.raises(FrameError, match="unknown frame"):
        validate("visits", pl.DataFrame())
    extra = empty("leave").with_columns(pl.lit("x").alias("note"))
    assert validate("leave", extra) is extra  # extra columns are allowed


def test_competitive_reasons_follow_the_rules():
    j3 = JOBS[3]
    assert competitive(j3, RULES).reasons == ("wage 11 below the minimum 11.44 (GB 2024)",)
    j4 = JOBS[4]
    assert not competitive(j4, RULES).competitive
    assert competitive(j4, replace(RULES, count_subsidised_as_competitive=True)).competitive
    transitional = {**JOBS[1], "contract_type": "transitional", "set_aside": True}
    assert len(competitive(transitional, RULES).reasons) == 2
    assert competitive({**JOBS[1], "contract_type": "temp_agency"}, RULES).competitive  # anyone can get it
    assert not competitive({**JOBS[1], "wage_hourly": None}, RULES).competitive


def test_minimum_wage_missing_for_the_year_is_a_clear_error():
    with pytest.raises(MissingMinimumWageError, match="GB 2019"):
        competitive({**JOBS[1], "start": dt.date(2019, 5, 1)}, RULES)


def test_job_start_threshold_is_a_setting():
    j6 = JOBS[6]  # 2 paid hours
    assert not counts_as_start(j6, RULES)
    assert counts_as_start(j6, replace(RULES, job_start_min_paid_hours=0))
    assert counts_as_start(j6, replace(RULES, job_start_min_paid_hours=2))


def test_v10_band_without_the_too_few_jobs_rule():
    v10 = competitive_jobs(build(), replace(RULES, competitive_min_jobs=0), WINDOW)
    assert v10.band == 2  # 4/6 = 67%: 64–74


def test_v3_event_not_yet_due_is_left_out():
    # A window ending 06-01: J5's start (05-06) has until 06-05 for an update, so it is not due yet.
    v3 = profile_updates(build(), RULES, Window(WINDOW.start, dt.date(2024, 6, 1)))
    assert "J5:start" not in [e.id for e in v3.evidence] and v3.denominator == 5


def test_v4_person_without_contact_counts_once_30_days_passed():
    # P4 without C06: entered 02-05, no contact by 06-30 -> 146 days counted (a lower bound).
    caseload = build(
        employer_contacts=[c for c in build().employer_contacts.to_dicts() if c["contact_id"] != "C06"]
    )
    v4 = days_to_first_contact(caseload, RULES, WINDOW)
    assert next(e.value for e in v4.evidence if e.id == "P4") == 146
    assert v4.extra["without_contact"] == 1
    # ... but with a window ending 02-20 (15 days after entry) P4 is not yet due.
    early = days_to_first_contact(caseload, RULES, Window(WINDOW.start, dt.date(2024, 2, 20)))
    assert "P4" not in [e.id for e in early.evidence]


def test_entry_date_rule_changes_who_entered():
    v4 = days_to_first_contact(build(), replace(RULES, entry_date="accepted_at"), WINDOW)
    # Accepted in H1: P2 01-03, P5 01-16, P4 02-02, P6 03-04, P7 04-02 (P1 accepted 2023-12-05).
    assert [e.id for e in v4.evidence] == ["P2", "P4", "P5", "P6", "P7"]


def test_rules_and_reasons():
    assert normalise_reason("  Missed appointments ") == "missed_appointments"
    assert normalise_reason("time-limit reached") == "time_limit_reached"
    with pytest.raises(ValueError):
        ProgrammeRules(sustained_weeks=0)


def test_total_bands_at_their_edges():
    assert [total_band(t) for t in (125, 115, 114, 100, 99, 74, 73, 25)] == [
        "exemplary", "exemplary", "good", "good", "fair", "fair", "not supported employment",
        "not supported employment",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        total_band(24)


def test_quarters_clip_to_the_window():
    qs = quarters(Window(dt.date(2024, 2, 15), dt.date(2024, 7, 2)))
    assert [(q.label, q.start, q.end) for q in qs] == [
        ("2024Q1", dt.date(2024, 2, 15), dt.date(2024, 3, 31)),
        ("2024Q2", dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        ("2024Q3", dt.date(2024, 7, 1), dt.date(2024, 7, 2)),
    ]
    with pytest.raises(ValueError):
        Window(dt.date(2024, 2, 1), dt.date(2024, 1, 1))
