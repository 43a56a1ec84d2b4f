"""Vocabulary gaps: the titles and skills openings and people use that did not link to ESCO.

The team reads this list to decide which aliases to add. Participants' words are counted only
over the units the caller may see (no names or ids are shown, but the words are still theirs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from employers import OpeningStore
from matching.linking.aliases import alias_key
from matching.types import Concept
from participants import ParticipantStore

PAGE = 500


@dataclass(frozen=True, slots=True)
class Gap:
    """Words used but not linked.

    Attributes:
        kind: "occupation" (a title or goal) or "skill".
        language: The language of the opening or person that used them.
        text: The most common spelling.
        openings: How many live openings use them.
        participants: How many visible participants use them.
    """

    kind: str
    language: str
    text: str
    openings: int
    participants: int

    @property
    def count(self) -> int:
        """Uses in all."""
        return self.openings + self.participants


def vocabulary_gaps(
    *, openings: OpeningStore, participants: ParticipantStore, unit_ids: Sequence[str], limit: int = 100
) -> list[Gap]:
    """Unlinked words by how often they are used (most first, then by text).

    Args:
        openings: Every live opening's title counts (openings are programme-wide).
        participants: Goals, refused occupations and skills of live participants count.
        unit_ids: The units whose participants the caller may see ([] for none).
        limit: At most this many gaps.
    """
    uses: Counter[tuple[str, str, str, str]] = Counter()  # (kind, lang, key, source)
    spellings: dict[tuple[str, str, str], Counter[str]] = {}
    for kind, lang, text, source in _unlinked(openings, participants, unit_ids):
        key = (kind, lang, alias_key(text))
        uses[(*key, source)] += 1
        spellings.setdefault(key, Counter())[text.strip()] += 1
    gaps = [
        Gap(kind, lang, words.most_common(1)[0][0], uses[(kind, lang, k, "o")], uses[(kind, lang, k, "p")])
        for (kind, lang, k), words in spellings.items()
    ]
    return sorted(gaps, key=lambda g: (-g.count, g.kind, g.text.lower(), g.language))[:limit]


def _unlinked(
    openings: OpeningStore, participants: ParticipantStore, unit_ids: Sequence[str]
) -> Iterator[tuple[str, str, str, str]]:
    """(kind, language, text, "o" or "p") of every unlinked title, goal and skill."""
    after: str | None = None
    while page := openings.list(limit=PAGE, after=after):
        for opening in page:
            if not opening.occupation_uri and alias_key(opening.title):
                yield "occupation", opening.language, opening.title, "o"
        after = page[-1].id
    after = None
    while unit_ids and (people := participants.list(unit_ids=unit_ids, limit=PAGE, after=after)):
        for person in people:
            prefs = person.preferences
            yield from _concepts("occupation", person.language, prefs.preferred_occupations)
            yield from _concepts("occupation", person.language, prefs.refused_occupations)
            yield from _concepts("skill", person.language, person.skills)
        after = people[-1].id


def _concepts(kind: str, lang: str, concepts: Sequence[Concept]) -> Iterator[tuple[str, str, str, str]]:
    for concept in concepts:
        if not concept.uri and alias_key(concept.label):
            yield kind, lang, concept.label, "p"
