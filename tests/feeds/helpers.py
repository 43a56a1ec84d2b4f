"""Reading the fixture files (invented ads in each board's published format)."""

from __future__ import annotations

from pathlib import Path

from feeds import ParsedFeed, adapter_for

FIXTURES = Path(__file__).parent / "fixtures"


def parsed(source: str, name: str) -> ParsedFeed:
    return adapter_for(source).parse((FIXTURES / name).read_bytes())


def by_id(feed: ParsedFeed) -> dict[str, object]:
    return {ad.ad_id: ad for ad in feed.ads}
