"""Which CRM employer an ad belongs to: registry number first, then cleaned name and place.

Rules, in order (docs/feeds.md):

1. The ad's registry number in its normal form equals a live employer's (`employers.keys.registry_key`).
2. The duplicate matcher (`employers.dedupe`) calls the ad's employer a likely duplicate of a live
   employer by name (never across countries, never with different registry numbers), and the
   place agrees: the employer has a site in the ad's city, or no site with a city at all.
3. Else the ad's employer is new; the pull creates it as a ``prospect`` from that board and adds it
   here, so the next ad from the same employer finds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from employers import EmployerRecord
from employers.dedupe import Candidate, CandidateIndex
from employers.keys import fold, registry_key
from feeds import FeedAd


@dataclass(frozen=True, slots=True)
class EmployerMatch:
    """The employer an ad goes to (``employer_id`` None: create one) and why, in words."""

    employer_id: str | None
    reason: str


class EmployerMatcher:
    """Live employers indexed by registry number and cleaned name, with the cities of their sites.

    Args:
        employers: Every live employer (with sites).
    """

    def __init__(self, employers: Iterable[EmployerRecord]) -> None:
        self._by_registry: dict[str, str] = {}
        self._cities: dict[str, set[str]] = {}
        self._names = CandidateIndex()
        self._memo: dict[tuple[str, str, str, str], EmployerMatch] = {}
        for emp in employers:
            self.add(
                emp.id, emp.name, emp.registry_number, emp.country, [s.city for s in emp.sites], emp.aliases
            )

    def add(
        self,
        employer_id: str,
        name: str,
        registry_number: str | None,
        country: str | None,
        cities: Iterable[str],
        aliases: tuple[str, ...] = (),
    ) -> None:
        """Make an employer findable (one the pull just created, or a live one)."""
        key = registry_key(registry_number)
        if key:
            self._by_registry.setdefault(key, employer_id)
        self._cities[employer_id] = {fold(c).strip() for c in cities if c and c.strip()}
        self._names.add(Candidate(employer_id, name, aliases, registry_number, None, None, country or None))

    def created(self, ad: FeedAd, employer_id: str) -> None:
        """The pull created ``employer_id`` for ``ad``: later ads of that employer go to it."""
        self.add(employer_id, ad.employer_name, ad.registry_number, ad.country, [ad.city])
        self._memo[_memo_key(ad)] = EmployerMatch(employer_id, "created by this pull")

    def match(self, ad: FeedAd) -> EmployerMatch:
        """The employer of ``ad`` (see the module's rules); ads of one employer share one look-up."""
        memo_key = _memo_key(ad)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._match(ad)
        return self._memo[memo_key]

    def _match(self, ad: FeedAd) -> EmployerMatch:
        key = registry_key(ad.registry_number)
        if key and key in self._by_registry:
            return EmployerMatch(self._by_registry[key], "same registry number")
        if not ad.employer_name.strip():
            return EmployerMatch(None, "no employer name")
        query = Candidate("feed-ad", ad.employer_name, (), ad.registry_number, None, None, ad.country or None)
        city = fold(ad.city).strip()
        for hit in self._names.find(query):
            cities = self._cities.get(hit.b, set())
            if not cities or (city and city in cities):
                return EmployerMatch(hit.b, f"{', '.join(hit.reasons)} and the same place")
        return EmployerMatch(None, "new employer")


def _memo_key(ad: FeedAd) -> tuple[str, str, str, str]:
    return (ad.employer_name, ad.registry_number or "", ad.country, fold(ad.city).strip())
