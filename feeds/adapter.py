"""`Adapter`: the common interface of the feed parsers (a document -> raw ads -> `FeedAd`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from feeds.ad import FeedAd, FeedError, ParsedFeed, Rejected
from feeds.normal import text
from matching.types import CONTRACT_TYPES, LANGUAGES

#: How a board says an ad is gone: a ``removed`` flag on the ad (JobStream), or only by leaving
#: it out of a full listing (then a pull with ``snapshot`` closes what is missing).
Removal = Literal["flag", "snapshot"]


@dataclass(frozen=True, slots=True)
class Adapter:
    """One board's published ad format.

    Attributes:
        source: The name pulls and openings carry (``jobtech``, ``francetravail``, ...).
        items: The raw ads of a decoded document (a search page, a stream, a bare list).
        parse_one: One raw ad -> `FeedAd`; raises `FeedError` for an ad that cannot be used.
        removal: How the board signals removed ads (see `Removal`).
        id_field: The raw ad's id field, named when a rejected ad's id is reported.
        decode: Bytes -> document; JSON by default.
    """

    source: str
    items: Callable[[Any], Iterable[Mapping[str, Any]]]
    parse_one: Callable[[Mapping[str, Any]], FeedAd]
    removal: Removal = "snapshot"
    id_field: str = "id"
    decode: Callable[[bytes], Any] = json.loads

    def parse(self, data: bytes) -> ParsedFeed:
        """Every ad of a file: the usable ones in file order, the others with their reason.

        Raises:
            FeedError: The file itself is not in this board's format (``field`` "file").
        """
        try:
            raw_ads = list(self.items(self.decode(data)))
        except (ValueError, TypeError, KeyError) as exc:
            raise FeedError("file", f"is not a {self.source} feed: {exc}") from None
        out = ParsedFeed(self.source)
        for raw in raw_ads:
            ad_id = text(raw.get(self.id_field)) if isinstance(raw, Mapping) else ""
            try:
                if not isinstance(raw, Mapping):
                    raise FeedError("ad", "is not an object")
                out.ads.append(_checked(self.parse_one(raw)))
            except FeedError as exc:
                out.rejected.append(Rejected(ad_id, str(exc)))
        return out


def list_under(*keys: str) -> Callable[[Any], list[Mapping[str, Any]]]:
    """Items of a document that is a bare list, or an object holding the list under one of ``keys``."""

    def items(doc: Any) -> list[Mapping[str, Any]]:
        if isinstance(doc, list):
            return doc
        if isinstance(doc, Mapping):
            for key in keys:
                if isinstance(doc.get(key), list):
                    return list(doc[key])
        raise ValueError(f"expected a list of ads or an object with {' or '.join(keys)}")

    return items


def _checked(ad: FeedAd) -> FeedAd:
    """``ad`` when its codes are the ranker's vocabulary (a mapping can name anything)."""
    if ad.language not in LANGUAGES:
        raise FeedError("language", f"must be one of {', '.join(LANGUAGES)}; got {ad.language!r}")
    if ad.contract_type and ad.contract_type not in CONTRACT_TYPES:
        raise FeedError(
            "contract_type", f"must be one of {', '.join(CONTRACT_TYPES)}; got {ad.contract_type!r}"
        )
    return ad
