"""The scheduled pull inside the server: every ``feeds_pull_minutes``, fetch and pull each source.

Off by default (``IPSMATCH_FEEDS_PULL_MINUTES=0``) and only with ``IPSMATCH_FEEDS_LIVE``. One
daemon thread; a failed fetch or pull is logged and tried again next time, never raised into the
server. Each source's next fetch asks for the ads changed since the last successful one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from feeds import adapter_for
from service.config import Settings
from service.runtime.database import Database
from service.usecases.feeds.fetch import FeedFetchError, fetch_feed
from service.usecases.feeds.pull import PullSummary, pull_feed
from service.usecases.lead_engine import LeadEngine
from storekit.errors import StoreError
from storekit.transactions import now

log = logging.getLogger(__name__)
#: fetch(source, settings, since) -> the board's answer body.
Fetch = Callable[..., bytes]


class FeedScheduler:
    """Pulls ``settings.feeds_pull_sources`` on a timer (see the module).

    Args:
        db: The server's database.
        engine: The server's lead engine (its index takes the pulled openings in place).
        settings: Minutes, sources, URLs and keys.
        fetch: The live fetch (`fetch_feed`); tests pass a fake one.
    """

    def __init__(
        self, db: Database, engine: LeadEngine, settings: Settings, fetch: Fetch = fetch_feed
    ) -> None:
        self.db, self.engine, self.settings, self.fetch = db, engine, settings, fetch
        self.since: dict[str, datetime] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def start_if_enabled(cls, db: Database, engine: LeadEngine, settings: Settings) -> FeedScheduler | None:
        """A started scheduler when pulls are scheduled and live fetching is on, else None."""
        if settings.feeds_pull_minutes <= 0 or not settings.feeds_live or not settings.feeds_pull_sources:
            return None
        scheduler = cls(db, engine, settings)
        scheduler._thread = threading.Thread(target=scheduler._loop, name="feed-pulls", daemon=True)
        scheduler._thread.start()
        return scheduler

    def stop(self) -> None:
        """End the loop (the server is shutting down); waits for a pull under way."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)

    def run_once(self) -> dict[str, PullSummary]:
        """One round: each source fetched and pulled; a failing source is logged and skipped."""
        out = {}
        for source in self.settings.feeds_pull_sources:
            started = now()
            try:
                data = self.fetch(source, self.settings, since=self.since.get(source))
                summary = pull_feed(
                    self.db, self.engine, adapter_for(source).parse(data), actor="feeds-schedule"
                )
            except (FeedFetchError, StoreError, ValueError) as exc:
                log.warning("scheduled pull of %s failed: %s", source, exc)
                continue
            self.since[source] = started
            out[source] = summary
            log.info("scheduled pull %s", summary.as_dict() | {"rejected": len(summary.rejected)})
        return out

    def _loop(self) -> None:
        while not self._stop.wait(self.settings.feeds_pull_minutes * 60):
            try:
                self.run_once()
            except Exception:  # a daemon thread: an unforeseen error is logged, the next round runs
                log.exception("scheduled feed pull failed")
