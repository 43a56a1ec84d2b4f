"""Public job-board feeds: pure parsers from each board's published ad format to one `FeedAd`.

Nothing here does I/O beyond decoding the bytes it is given: fetching is the service's job
(`service.usecases.feeds.fetch`), writing the CRM's (`service.usecases.feeds.pull`).
"""

from __future__ import annotations

from feeds.ad import FeedAd, FeedError, ParsedFeed, Rejected
from feeds.sources import SOURCE_LABELS, SOURCES, adapter_for

__all__ = ["SOURCES", "SOURCE_LABELS", "FeedAd", "FeedError", "ParsedFeed", "Rejected", "adapter_for"]
