"""The pure follow-along schedule: periods from the V12 timetable, statuses, the week's split."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from service.usecases.follow_along import OVERDUE_SHOWN_DAYS, Contact, JobDates, for_week, schedule

D = dt.date
START = D(2025, 3, 3)  # a Monday


def _contact(day: dt.date, mode: str = "face_to_face", who: tuple[str, ...] = ("participant",)) -> Contact:
    return Contact(f"c{day}{mode}", "p1", day, mode, who)


def test_a_new_job_calls_for_before_after_weekly_then_monthly() -> None:
    items = schedule([JobDates("j1", "p1", START)], [], today=START, months=12)
    checks = [i.check for i in items]
    assert checks == [
        "before",
        "after",
        "week1",
        "week2",
        "week3",
        "week4",
        *(f"month{m}" for m in range(2, 13)),
    ]
    before, after = items[0], items[1]
    assert (before.first, before.last, before.status) == (D(2025, 2, 24), D(2025, 3, 2), "missed")
    assert (after.first, after.last, after.status) == (START, D(2025, 3, 6), "due")
    assert items[-1].status == "upcoming"


def test_an_ended_job_stops_the_schedule_and_adds_the_end_check() -> None:
    job = JobDates("j1", "p1", START, end=D(2025, 3, 20), end_learned_at=D(2025, 3, 24))
    items = schedule([job], [], today=D(2025, 3, 25), months=12)
    assert [i.check for i in items] == ["before", "after", "week1", "week2", "week3", "end"]
    end = items[-1]
    assert (end.first, end.last, end.status) == (D(2025, 3, 24), D(2025, 3, 27), "due")


def test_only_face_to_face_contacts_with_the_participant_meet_an_item() -> None:
    job = JobDates("j1", "p1", START)
    for contact in (
        _contact(START, "phone"),
        _contact(START, who=("employer",)),
        Contact("x", "p2", START, "face_to_face", ("participant",)),
    ):
        after = schedule([job], [contact], today=START, months=2)[1]
        assert after.status == "due" and after.met_by is None
    met = schedule(
        [job],
        [_contact(START + dt.timedelta(days=3), who=("employer", "participant"))],
        today=START,
        months=2,
    )[1]
    assert met.status == "met" and met.met_by is not None


def test_the_week_shows_due_recent_misses_and_what_was_met() -> None:
    job = JobDates("j1", "p1", START)
    contact = _contact(D(2025, 3, 11))  # meets week2 (10..16 March)
    today = D(2025, 3, 12)
    items = schedule([job], [contact], today=today, months=12)
    week = for_week(items, monday=D(2025, 3, 10), today=today)
    assert {i.check for i in week.met} == {"week2"}
    assert {i.check for i in week.overdue} == {"before", "after", "week1"}
    assert [i.check for i in week.due] == []  # week2 is met; week3 begins on the 17th
    later = for_week(
        items, monday=D(2025, 3, 17), today=D(2025, 3, 17) + dt.timedelta(days=OVERDUE_SHOWN_DAYS + 30)
    )
    assert all(i.last >= D(2025, 3, 17) + dt.timedelta(days=30) for i in later.overdue)


days = st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 12, 31))


@given(start=days, offsets=st.lists(st.integers(-10, 400), max_size=8), today=days, months=st.integers(1, 14))
def test_status_agrees_with_the_contacts_and_the_day(
    start: dt.date, offsets: list[int], today: dt.date, months: int
) -> None:
    contacts = [_contact(start + dt.timedelta(days=o)) for o in offsets]
    for item in schedule([JobDates("j1", "p1", start)], contacts, today=today, months=months):
        inside = [c for c in contacts if item.first <= c.day <= item.last]
        assert (item.status == "met") == bool(inside)
        if item.status == "met":
            assert item.met_by == min(inside, key=lambda c: (c.day, c.contact_id))
        elif item.status == "missed":
            assert today > item.last
        elif item.status == "due":
            assert item.first <= today <= item.last
        else:
            assert today < item.first
