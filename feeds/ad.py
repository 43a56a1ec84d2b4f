"""`FeedAd`: one advert as every adapter returns it, and the parse result around it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class FeedError(ValueError):
    """An ad that cannot become an opening; ``field`` names the source's field, ``message`` why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass(frozen=True, slots=True)
class FeedAd:
    """One advert from a public job board, in the shape the CRM's openings take.

    Attributes:
        source: The adapter's name (``jobtech``, ``francetravail``, ``jobnet``, ``uk``, or a mapping's).
        ad_id: The board's own id of the ad; ``(source, ad_id)`` is the natural key.
        title: The headline as published.
        description: Plain text of the ad.
        language: ``en``, ``sv``, ``da`` or ``fr``: the language the title is linked to ESCO in.
        employer_name: The hiring organisation as published ("" when anonymous).
        registry_number: The employer's registry number in its normal form (see `feeds.normal`).
        registry_kind: ``org_nr``, ``siren``, ``cvr`` or ``companies_house`` (None with no number).
        city: Where the work is ("" when not stated).
        country: ISO 3166 alpha-2 ("" when not stated).
        lat: Latitude of the workplace in degrees, None when not published.
        lon: Longitude in degrees, None when not published.
        hours_min: Weekly hours, low end (None when not stated).
        hours_max: Weekly hours, high end (None when not stated).
        scope: ``full_time`` or ``part_time`` as the board states it, "" when not.
        contract_type: One of `matching.types.CONTRACT_TYPES`, "" when unknown.
        posted_at: Publication time, UTC.
        closes_at: Last day to apply, UTC (end of that day when the board gives a date only).
        wage_hourly: Lowest stated wage converted to an hourly figure, None when not stated.
        currency: ISO 4217 code of the wage.
        url: The ad's page on the board (the lead card links to it).
        how_to_apply: An application URL or e-mail address, or the board's words ("" when none).
        occupation_code: The board's own occupation code, prefixed: ``jobtech:<concept id>``,
            ``rome:<ROME code>``, ``jobnet:<label>``, ``adzuna:<category tag>``.
        occupation_label: The board's label for that code (a second linking signal).
        removed: The board says the ad is withdrawn (JobStream's ``removed``).
        updated_at: When the board last changed the ad, UTC (None when it does not say).
    """

    source: str
    ad_id: str
    title: str
    description: str = ""
    language: str = "en"
    employer_name: str = ""
    registry_number: str | None = None
    registry_kind: str | None = None
    city: str = ""
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    hours_min: float | None = None
    hours_max: float | None = None
    scope: str = ""
    contract_type: str = ""
    posted_at: datetime | None = None
    closes_at: datetime | None = None
    wage_hourly: float | None = None
    currency: str | None = None
    url: str = ""
    how_to_apply: str = ""
    occupation_code: str = ""
    occupation_label: str = ""
    removed: bool = False
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An ad the parser refused: its id ("" when unreadable) and the reason, for the pull summary."""

    ad_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a file of ads gave: the ads in file order and the ones refused."""

    source: str
    ads: list[FeedAd] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
