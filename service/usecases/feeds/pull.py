"""`pull_feed`: a board's ads into the CRM's openings, incrementally and idempotently.

The natural key is (source, the board's ad id). Steps: sort the ads against the stored openings
(`plan.plan_pull`); match each new ad's employer (`employer_match`) and make prospects for the
rest; link titles to ESCO in the ad's language, in batches, outside the writer lock
(`LeadEngine.normalise_openings`); then one write transaction; then the lead index takes the
touched openings (`indexed_openings`, as every opening write), or rebuilds once for a bulk pull.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from employers import EmployerStore, InvalidError, OpeningStore, PeopleStore
from employers.models import check_opening
from employers.store import prepare as prepare_employer
from feeds import FeedAd, ParsedFeed, Rejected
from service.runtime.database import Database
from service.usecases.feeds import ad_values
from service.usecases.feeds.employer_match import EmployerMatcher
from service.usecases.feeds.plan import PullPlan, plan_pull
from service.usecases.lead_engine import LeadEngine
from service.usecases.openings import indexed_openings
from storekit.checks import refuse_unsafe
from storekit.transactions import now as utc_now

#: Up to this many touched openings are re-read into the index in place; more rebuild it once.
IN_PLACE_LIMIT = 500
#: Openings inserted per statement group (bounds the site look-up of each insert).
INSERT_CHUNK = 2000
#: progress(stage, done, total): "link", "match", "write".
Progress = Callable[[str, int, int], None]


@dataclass
class PullSummary:
    """What a pull did: counts, the ads refused with their reasons, and the openings it touched."""

    source: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    employers_matched: int = 0
    employers_created: int = 0
    opening_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (rejected as ``[{"ad_id", "reason"}]``)."""
        counts = ("new", "updated", "unchanged", "closed", "employers_matched", "employers_created")
        return {"source": self.source, **{k: getattr(self, k) for k in counts}} | {
            "rejected": [{"ad_id": r.ad_id, "reason": r.reason} for r in self.rejected]
        }


@dataclass
class _Writes:
    employers: list[dict[str, Any]] = field(default_factory=list)
    sites: list[dict[str, Any]] = field(default_factory=list)
    openings: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def pull_feed(
    db: Database,
    engine: LeadEngine,
    feed: ParsedFeed,
    *,
    actor: str = "feeds",
    snapshot: bool = False,
    at: datetime | None = None,
    progress: Progress | None = None,
) -> PullSummary:
    """Apply a parsed file of ads; returns the summary.

    Args:
        db: The service database.
        engine: Links titles to ESCO and holds the lead index.
        feed: The parsed file (`feeds.Adapter.parse`); its rejected ads are counted here.
        actor: Who the change log names.
        snapshot: The file is the board's full listing: stored ads missing from it close.
        at: The pull's time (default now, UTC): closing dates before it are past.
        progress: Told how far linking, matching and writing have got.
    """
    tick = progress or (lambda stage, done, total: None)
    at = at or utc_now()
    cur = db.cursor()
    openings = OpeningStore(cur, db.write_lock)
    plan = plan_pull(feed.ads, openings.by_feed(feed.source), now=at, snapshot=snapshot)
    summary = PullSummary(feed.source, unchanged=plan.unchanged, rejected=[*feed.rejected, *plan.rejected])
    writes = _Writes()
    _new_openings(db, engine, plan.new, writes, summary, tick)
    _changed_openings(engine, plan, writes, summary)
    writes.updates += [(rec.id, {"status": "closed"}) for rec, _ in plan.close]
    summary.closed = len(plan.close)
    tick("write", 0, len(writes.openings) + len(writes.updates))
    ids = _write(openings, writes, actor, tick)
    summary.opening_ids = ids + [rec_id for rec_id, _ in writes.updates]
    _reindex(openings, engine, summary.opening_ids)
    return summary


def _new_openings(
    db: Database, engine: LeadEngine, ads: list[FeedAd], writes: _Writes, summary: PullSummary, tick: Progress
) -> None:
    """Link, check and place the new ads; their prospects go into ``writes`` too."""
    tick("link", 0, len(ads))
    linked = engine.normalise_openings(
        [ad_values.opening_values(ad, employer_id="", site_id=None, route="self_apply") for ad in ads],
        labels=[ad_values.link_labels(ad) for ad in ads],
    )
    tick("link", len(ads), len(ads))
    cur = db.cursor()
    employers = {e.id: e for e in EmployerStore(cur).list_all()}
    matcher = EmployerMatcher(employers.values())
    with_people = PeopleStore(cur).employers_with_people(on=utc_now().date())
    for done, (ad, values) in enumerate(zip(ads, linked, strict=True), start=1):
        try:
            _check(values)
            row = _placed(ad, dict(values), matcher, employers, with_people, writes, summary)
        except InvalidError as exc:
            summary.rejected.append(Rejected(ad.ad_id, f"{exc.field}: {exc.message}"))
            continue
        writes.openings.append(row)
        summary.new += 1
        if done % 1000 == 0 or done == len(ads):
            tick("match", done, len(ads))


def _placed(
    ad: FeedAd,
    row: dict[str, Any],
    matcher: EmployerMatcher,
    employers: dict[str, Any],
    with_people: set[str],
    writes: _Writes,
    summary: PullSummary,
) -> dict[str, Any]:
    """``row`` with its employer: the matched one, or a new prospect (added to ``writes``)."""
    match = matcher.match(ad)
    if match.employer_id is not None:
        summary.employers_matched += match.employer_id in employers  # in the CRM before this pull
        row["application_route"] = ad_values.application_route(employers.get(match.employer_id), with_people)
        return row | {"employer_id": match.employer_id}
    if not ad.employer_name.strip():
        raise InvalidError("employer_name", "the ad names no employer")
    emp, sites = prepare_employer(ad_values.employer_values(ad))
    writes.employers.append(emp)
    writes.sites += sites
    matcher.created(ad, str(emp["id"]))
    summary.employers_created += 1
    return row | {"employer_id": str(emp["id"]), "site_id": sites[0]["id"]}


def _changed_openings(engine: LeadEngine, plan: PullPlan, writes: _Writes, summary: PullSummary) -> None:
    """Updates for ads whose values differ; a closed opening whose ad is back opens again."""
    retitled = [(ad, rec) for ad, rec in plan.changed if ad.title != rec.title]
    linked = engine.normalise_openings(
        [
            ad_values.opening_values(ad, employer_id=rec.employer_id, site_id=None, route="")
            for ad, rec in retitled
        ],
        labels=[ad_values.link_labels(ad) for ad, _ in retitled],
    )
    by_ad = {ad.ad_id: values for (ad, _), values in zip(retitled, linked, strict=True)}
    for ad, rec in plan.changed:
        values = by_ad.get(ad.ad_id) or ad_values.opening_values(
            ad, employer_id=rec.employer_id, site_id=None, route=""
        )
        diff = ad_values.changes(rec, values)
        if rec.status == "closed":
            diff["status"] = "open"
        try:
            _check({**{c: getattr(rec, c) for c in ("title", "language", "status")}, **diff})
        except InvalidError as exc:
            summary.rejected.append(Rejected(ad.ad_id, f"{exc.field}: {exc.message}"))
            continue
        if diff:
            writes.updates.append((rec.id, diff))
            summary.updated += 1
        else:
            summary.unchanged += 1


def _check(values: Any) -> None:
    """InvalidError for a value the opening store would refuse (checked per ad, before the write)."""
    refuse_unsafe(values)
    check_opening(values)


def _write(openings: OpeningStore, writes: _Writes, actor: str, tick: Progress) -> list[str]:
    """Everything in one transaction under the writer lock; returns the new openings' ids."""
    ids: list[str] = []
    total = len(writes.openings) + len(writes.updates)
    with openings.transaction() as con:
        EmployerStore(con).insert(con, writes.employers, writes.sites, actor, registry_checked=True)
        for start in range(0, len(writes.openings), INSERT_CHUNK):
            ids += openings.insert(
                con, writes.openings[start : start + INSERT_CHUNK], actor, internal_ok=True
            )
            tick("write", len(ids), total)
        for rec_id, diff in writes.updates:
            openings.apply_update(con, rec_id, diff, actor)
    tick("write", total, total)
    return ids


def _reindex(openings: OpeningStore, engine: LeadEngine, ids: list[str]) -> None:
    """The lead index takes the touched openings in place, or rebuilds once after a bulk pull."""
    if len(ids) > IN_PLACE_LIMIT:
        engine.invalidate()
    elif ids:
        indexed_openings(openings, engine).refresh(ids)
