"""Job episodes: record a job start or end for a participant of the caller's unit, and read them.

``competitive`` is derived here, on every read, from the programme's rules
(`reports.competitive.competitive`; the store never holds it and the API never accepts it). A job
start moves the participant to ``working``, marks the lead it came from ``hired`` and moves the
employer to the ``hired_from_us`` stage (keeping the lead index current). The stores cannot
import each other, so this use case joins them: every reference is checked before the first
write, then the job, the status, the lead and the stage are written in that order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import employers
from participants import (
    InvalidError,
    JobRecord,
    JobStore,
    LeadStore,
    NotFoundError,
    ParticipantRecord,
    ParticipantStore,
)
from participants.status_change import StatusChangeStore
from reports.competitive import competitive
from reports.rules import MissingMinimumWageError
from service.access.users import User
from service.runtime.database import Database
from service.usecases.employers import indexed_employers
from service.usecases.lead_engine import LeadEngine
from service.usecases.participant_access import log_participant, visible_participant
from service.usecases.programme_rules import Programme

#: What the opening a job came from fills in when the caller left it out.
_FROM_OPENING = (
    *("title", "occupation_uri", "occupation_label", "isco_group"),
    *("contract_type", "wage_hourly", "currency", "subsidy_type"),
)


@dataclass(frozen=True, slots=True)
class JobView:
    """A job with its derived flag: ``competitive`` None when the rules cannot tell (reasons say why)."""

    job: JobRecord
    competitive: bool | None
    competitive_reasons: tuple[str, ...]
    effects: tuple[str, ...] = ()


def judge(job: JobRecord, programme: Programme) -> JobView:
    """The job with ``competitive`` derived from the programme's rules."""
    if job.wage_hourly is not None and job.currency not in (None, programme.currency):
        reason = f"wage in {job.currency}; the minimum wage table is in {programme.currency}"
        return JobView(job, None, (reason,))
    row = {
        "set_aside": job.set_aside,
        "contract_type": job.contract_type,
        "subsidy_type": job.subsidy_type,
        "start": job.start_date,
        "wage_hourly": job.wage_hourly,
    }
    try:
        verdict = competitive(row, programme.rules)
    except MissingMinimumWageError as exc:
        return JobView(job, None, (str(exc.args[0]),))
    return JobView(job, verdict.competitive, verdict.reasons)


def list_jobs(*, db: Database, user: User, participant_id: str, programme: Programme) -> list[JobView]:
    """The participant's jobs by start day (NotFoundError outside the caller's unit); logged."""
    person = _person(db, user, participant_id)
    jobs = JobStore(db.cursor(), db.write_lock).list(participant_id=person.id)
    log_participant(db, user, person.id, "read_jobs")
    return [judge(j, programme) for j in jobs]


def get_job(*, db: Database, user: User, participant_id: str, job_id: str, programme: Programme) -> JobView:
    """One job of the participant; logged."""
    person = _person(db, user, participant_id)
    job = JobStore(db.cursor(), db.write_lock).get(participant_id=person.id, record_id=job_id)
    log_participant(db, user, person.id, "read_jobs")
    return judge(job, programme)


def add_job(
    *,
    db: Database,
    engine: LeadEngine,
    user: User,
    participant_id: str,
    values: Mapping[str, Any],
    programme: Programme,
) -> JobView:
    """Record a job start: the job, then its effects (status, lead ``hired``, employer stage).

    Args:
        db: The database (stores are made on the calling thread's cursor).
        engine: Links the occupation to ESCO and re-indexes the employer after its stage moves.
        user: The caller; the participant must be in their unit (NotFoundError otherwise).
        participant_id: Whose job.
        values: `participants.JobRecord` fields; blanks are filled from the opening (if any) and
            the occupation is linked to ESCO from the label or title when no ISCO group is given.
        programme: The rules ``competitive`` is derived from.

    Raises:
        InvalidError: A field breaks a rule, or the employer / opening / lead named is unknown
            or belongs elsewhere (field named).
    """
    person = _person(db, user, participant_id)
    prepared = _with_references(db, person, dict(values))
    prepared = _with_occupation(engine, person, prepared)
    job = JobStore(db.cursor(), db.write_lock).create(
        participant_id=person.id, values=prepared, actor=user.username
    )
    effects = _start_effects(db, engine, user, job) if job.end_date is None else ()
    log_participant(db, user, person.id, "create_job")
    view = judge(job, programme)
    return JobView(view.job, view.competitive, view.competitive_reasons, effects)


def change_job(
    *,
    db: Database,
    engine: LeadEngine,
    user: User,
    participant_id: str,
    job_id: str,
    values: Mapping[str, Any],
    programme: Programme,
) -> JobView:
    """Change a job (its end, hours, wage, ...); a changed employer or opening is checked again.

    Setting ``end_date`` and ``end_learned_at`` makes the job-end support contact due within 3
    days of ``end_learned_at`` (computed from the job: `service.usecases.follow_along`).
    """
    person = _person(db, user, participant_id)
    store = JobStore(db.cursor(), db.write_lock)
    old = store.get(participant_id=person.id, record_id=job_id)
    if "employer_id" in values or "opening_id" in values:
        merged = {"employer_id": old.employer_id, "opening_id": old.opening_id, **values}
        values = {**values, **{k: merged[k] for k in ("employer_id", "opening_id")}}
        _check_employer_and_opening(db, merged)
    if any(k in values for k in ("occupation_uri", "occupation_label")) and not values.get("isco_group"):
        values = _with_occupation(engine, person, {"isco_group": "", **values})
    job = store.update(participant_id=person.id, record_id=job_id, values=values, actor=user.username)
    log_participant(db, user, person.id, "update_job")
    return judge(job, programme)


def _person(db: Database, user: User, participant_id: str) -> ParticipantRecord:
    store = ParticipantStore(db.cursor(), db.write_lock)
    return visible_participant(store=store, user=user, participant_id=participant_id)


def _with_references(db: Database, person: ParticipantRecord, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the lead's opening and the opening's facts filled in, every reference checked."""
    if values.get("lead_id"):
        try:
            lead = LeadStore(db.cursor()).get(lead_id=str(values["lead_id"]))
        except NotFoundError:
            raise InvalidError("lead_id", "no recorded lead with this id") from None
        if lead.participant_id != person.id:
            raise InvalidError("lead_id", "is a lead of another participant")
        values["employer_id"] = values.get("employer_id") or lead.employer_id
        if str(values["employer_id"]) != lead.employer_id:
            raise InvalidError("employer_id", "is not the employer of the lead")
        if lead.kind == "opening" and not values.get("opening_id"):
            values["opening_id"] = lead.item_id
    opening = _check_employer_and_opening(db, values)
    if opening is not None:
        for name in _FROM_OPENING:
            if values.get(name) in (None, "") and getattr(opening, name) not in (None, ""):
                values[name] = getattr(opening, name)
    return values


def _check_employer_and_opening(db: Database, values: Mapping[str, Any]) -> employers.OpeningRecord | None:
    """The opening named (None when none); InvalidError when the employer or opening is not live."""
    if not values.get("employer_id"):
        raise InvalidError("employer_id", "is required")
    try:
        employers.EmployerStore(db.cursor()).get(employer_id=str(values["employer_id"]))
    except employers.NotFoundError:
        raise InvalidError("employer_id", "no employer with this id in the network") from None
    if not values.get("opening_id"):
        return None
    try:
        opening = employers.OpeningStore(db.cursor()).get(record_id=str(values["opening_id"]))
    except employers.NotFoundError:
        raise InvalidError("opening_id", "no opening with this id") from None
    if opening.employer_id != str(values["employer_id"]):
        raise InvalidError("opening_id", "belongs to another employer")
    return opening


def _with_occupation(engine: LeadEngine, person: ParticipantRecord, values: dict[str, Any]) -> dict[str, Any]:
    """ESCO URI and ISCO group from the occupation label (or title) when the caller gave no group."""
    if values.get("isco_group"):
        return values
    label = values.get("occupation_label") or values.get("title") or ""
    if not (values.get("occupation_uri") or label):
        return values
    linked = engine.normalise_occupation({"label": label, "uri": values.get("occupation_uri") or ""})
    return {**values, "occupation_uri": linked["uri"], "isco_group": linked["isco_group"]}


def _start_effects(db: Database, engine: LeadEngine, user: User, job: JobRecord) -> tuple[str, ...]:
    """Move the person to working, the lead to hired, the employer to hired_from_us; what changed."""
    done = []
    old = StatusChangeStore(db.cursor(), db.write_lock).set_status(
        participant_id=job.participant_id, status="working", actor=user.username
    )
    if old != "working":
        done.append(f"status {old} -> working")
    if job.lead_id:
        leads = LeadStore(db.cursor(), db.write_lock)
        if leads.get(lead_id=job.lead_id).feedback != "hired":
            leads.add_feedback(
                lead_id=job.lead_id, feedback="hired", note=f"job {job.id}", actor=user.username
            )
            done.append("lead hired")
    employer_store = employers.EmployerStore(db.cursor(), db.write_lock)
    stage = employer_store.get(employer_id=job.employer_id).stage
    if stage != "hired_from_us":
        indexed = indexed_employers(employer_store, engine)
        indexed.update(record_id=job.employer_id, values={"stage": "hired_from_us"}, actor=user.username)
        done.append(f"employer stage {stage} -> hired_from_us")
    return tuple(done)
