"""What a file of ads means for the stored openings: new, maybe changed, to close, nothing to do."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from employers import OpeningRecord
from feeds import FeedAd, Rejected
from feeds.normal import expired
from matching.types import LIVE_OPENING_STATUSES


@dataclass
class PullPlan:
    """The ads sorted by what they do to the CRM (before linking and employer matching).

    Attributes:
        new: Ads with no opening yet.
        changed: (ad, its opening) where the ad may differ (a newer version, or a board with no
            change times); the values decide.
        close: (opening, reason) to close: removed, past its closing date, or left out of a snapshot.
        unchanged: Ads that change nothing (same version, already closed, removed before ever pulled).
        rejected: Ads refused here (a new ad already past its closing date).
    """

    new: list[FeedAd] = field(default_factory=list)
    changed: list[tuple[FeedAd, OpeningRecord]] = field(default_factory=list)
    close: list[tuple[OpeningRecord, str]] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def plan_pull(
    ads: Sequence[FeedAd], existing: Mapping[str, OpeningRecord], *, now: datetime, snapshot: bool
) -> PullPlan:
    """Sort ``ads`` against the source's stored openings (by ad id).

    Args:
        ads: The file's ads; an id given twice counts once, its newest version (else the later).
        existing: The source's live openings by ad id (`OpeningStore.by_feed`).
        now: The pull's time (closing dates before it are past).
        snapshot: The file lists every open ad of the board: stored ones missing from it close.
    """
    latest: dict[str, FeedAd] = {}
    for ad in ads:
        prev = latest.get(ad.ad_id)
        if (
            prev is None
            or ad.updated_at is None
            or prev.updated_at is None
            or ad.updated_at >= prev.updated_at
        ):
            latest[ad.ad_id] = ad
    plan = PullPlan()
    for ad in latest.values():
        _sort(ad, existing.get(ad.ad_id), now, plan)
    if snapshot:
        for ad_id, rec in existing.items():
            if ad_id not in latest and rec.status in LIVE_OPENING_STATUSES:
                plan.close.append((rec, "no longer listed"))
    return plan


def _sort(ad: FeedAd, rec: OpeningRecord | None, now: datetime, plan: PullPlan) -> None:
    live = rec is not None and rec.status in LIVE_OPENING_STATUSES
    gone = (
        "removed by the board" if ad.removed else "closing date passed" if expired(ad.closes_at, now) else ""
    )
    if gone:
        if rec is not None and live:
            plan.close.append((rec, gone))
        elif rec is None and not ad.removed:
            plan.rejected.append(Rejected(ad.ad_id, "closes_at: the closing date has passed"))
        else:
            plan.unchanged += 1
    elif rec is None:
        plan.new.append(ad)
    elif (
        ad.updated_at is not None and rec.feed_updated_at is not None and ad.updated_at <= rec.feed_updated_at
    ):
        plan.unchanged += 1  # the version already stored (or an older one)
    elif rec.status == "filled":
        plan.unchanged += 1  # the team filled it: a board's update does not reopen it
    else:
        plan.changed.append((ad, rec))
