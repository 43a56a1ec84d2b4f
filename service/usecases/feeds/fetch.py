"""The live fetch: one GET of a board's API, returning the bytes the same parser reads from a file.

Off unless ``IPSMATCH_FEEDS_LIVE`` is set; URLs and keys come from the settings. `request_for` is
pure (what to ask for); `fetch_feed` only sends it. Tests never call the internet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from service.config import Settings
from storekit.transactions import now

#: Where each board publishes its ads (JobStream's changes since a time, a search page otherwise).
DEFAULT_URLS = {
    "jobtech": "https://jobstream.api.jobtechdev.se/stream",
    "francetravail": "https://api.francetravail.io/partenaire/offresdemploi/v2/offres/search",
    "jobnet": "https://job.jobnet.dk/CV/FindWork/Search",
    "uk": "https://api.adzuna.com/v1/api/jobs/gb/search/1",
}


class FeedFetchError(RuntimeError):
    """A live fetch that is off, unconfigured, or answered with an error (the message says which)."""


@dataclass(frozen=True, slots=True)
class FeedRequest:
    """A GET: URL, query parameters and headers; keys ride in either, so neither is in the repr."""

    url: str
    params: dict[str, str] = field(default_factory=dict, repr=False)
    headers: dict[str, str] = field(default_factory=dict, repr=False)


def request_for(source: str, settings: Settings, *, since: datetime | None = None) -> FeedRequest:
    """What to ask board ``source`` for: its ads changed since ``since`` where the board can say.

    Raises:
        FeedFetchError: Live fetching is off, or the board has no URL or needs a key it lacks.
    """
    if not settings.feeds_live:
        raise FeedFetchError("live fetching is off (set IPSMATCH_FEEDS_LIVE=1), or pull a file")
    url = settings.feeds_urls.get(source) or DEFAULT_URLS.get(source)
    if not url:
        raise FeedFetchError(f"no URL for {source!r} (IPSMATCH_FEEDS_URLS)")
    key = settings.feeds_api_keys.get(source, "")
    stamp = since.strftime("%Y-%m-%dT%H:%M:%S") if since else None
    if source == "jobtech":
        params = {"date": stamp or "1970-01-01T00:00:00"}
        return FeedRequest(url, params, {"api-key": key} if key else {})
    if source == "francetravail":
        if not key:
            raise FeedFetchError("France Travail needs a bearer token (IPSMATCH_FEEDS_API_KEYS)")
        params = {"minCreationDate": f"{stamp}Z", "maxCreationDate": _now_z()} if stamp else {}
        return FeedRequest(url, params, {"Authorization": f"Bearer {key}", "Accept": "application/json"})
    if source == "uk":
        app_id, _, app_key = key.partition(":")
        if not app_key:
            raise FeedFetchError("Adzuna needs app_id:app_key (IPSMATCH_FEEDS_API_KEYS)")
        return FeedRequest(url, {"app_id": app_id, "app_key": app_key, "results_per_page": "50"})
    return FeedRequest(url, {}, {"Accept": "application/json"})


def fetch_feed(source: str, settings: Settings, *, since: datetime | None = None) -> bytes:
    """The board's answer body (JSON) for `request_for`.

    Raises:
        FeedFetchError: As `request_for`, or the board answered with an HTTP error or not at all.
    """
    import httpx  # only a live fetch needs the HTTP client

    req = request_for(source, settings, since=since)
    try:
        response = httpx.get(
            req.url, params=req.params, headers=req.headers, timeout=settings.feeds_timeout_s
        )
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise FeedFetchError(f"{source}: {type(exc).__name__}: {exc}") from None
    return response.content


def _now_z() -> str:
    return now().strftime("%Y-%m-%dT%H:%M:%SZ")
