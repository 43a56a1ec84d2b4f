"""The built-in boards by name, and the adapter for a pull (a mapping makes a generic one)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from feeds import francetravail, jobnet, jobtech, uk
from feeds.ad import FeedError
from feeds.adapter import Adapter
from feeds.mapping import mapped_adapter

#: Built-in adapters by source name.
SOURCES: dict[str, Adapter] = {
    a.source: a for a in (jobtech.ADAPTER, francetravail.ADAPTER, jobnet.ADAPTER, uk.ADAPTER)
}


#: Built-in boards in words, for lead cards ("where the ad came from").
SOURCE_LABELS = {
    "jobtech": "Platsbanken (Arbetsförmedlingen)",
    "francetravail": "France Travail",
    "jobnet": "Jobnet",
    "uk": "Adzuna (UK)",
}


def adapter_for(source: str, mapping: Mapping[str, Any] | None = None) -> Adapter:
    """The adapter for ``source``: a built-in one, or ``generic`` with its mapping.

    Raises:
        FeedError: An unknown source, or ``generic`` without a mapping.
    """
    if source == "generic":
        if mapping is None:
            raise FeedError("mapping", "is required for a generic feed")
        return mapped_adapter(mapping)
    if source not in SOURCES:
        raise FeedError("source", f"must be one of {', '.join([*SOURCES, 'generic'])}; got {source!r}")
    return SOURCES[source]
