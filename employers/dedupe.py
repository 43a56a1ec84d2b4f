"""Employer duplicate matcher: exact keys first, then a gated rapidfuzz score on the cleaned name.

Rules, in order (each a reason a person can read):

1. Both registry numbers known and different: two legal entities, never a duplicate (groups
   share websites and switchboards, their companies do not share registry numbers).
2. Same registry number (in its normal form per kind, `employers.registry`): duplicate, score 100.
3. Same website domain or same phone (last eight digits) with a similar name (rule 4): duplicate,
   score at least 90. The shared key alone (a council's switchboard, a co-working centre's site
   or reception) makes a pair to *review*: listed by `scan` (score `REVIEW_SCORE`, after the
   likely duplicates), never returned by `find_candidates`, so it does not block a create.
4. Cleaned names (see `employers.keys`): every word of one must line up with a word of the
   other, equal or a typo of a long word (one edit in 6-9 letters, two from 10). Then the score
   is rapidfuzz ``token_sort_ratio`` of the cleaned names; a word left over on either side caps
   it at 80, so "Nordic Care" / "Nordic Cars" (short words) and "Securitas Sverige" /
   "Securitas Bevakning" (different words) stay apart. Duplicate from ``NAME_THRESHOLD``.
   Names alone never match across countries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from employers.keys import domain_key, name_key, name_tokens, phone_key, registry_key

#: Cleaned-name score from which a pair is a likely duplicate (chosen on tests/data/employer_pairs.csv).
NAME_THRESHOLD = 88.0
#: Score given to a pair sharing a website domain or phone number.
KEY_SCORE = 90.0
#: Score of a pair that shares only a website domain or phone number (to review, not blocking).
REVIEW_SCORE = 70.0
#: A leftover word caps the name score here (below the threshold).
UNALIGNED_CAP = 80.0
#: Loose blocks (a name prefix or one word) larger than this are skipped in a scan; exact-key
#: blocks (cleaned name, registry number, domain, phone) never are.
MAX_BLOCK = 200


@dataclass(frozen=True, slots=True)
class Candidate:
    """The fields the matcher compares, for one employer."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    registry_number: str | None = None
    website: str | None = None
    phone: str | None = None
    country: str | None = None

    @classmethod
    def of(cls, employer: Mapping[str, Any]) -> Candidate:
        """The matcher's view of an employer's values (e.g. a prepared row); absent keys are None."""
        return cls(
            str(employer["id"]),
            employer["name"],
            tuple(employer.get("aliases") or ()),
            employer.get("registry_number"),
            employer.get("website"),
            employer.get("phone"),
            employer.get("country"),
        )


@dataclass(frozen=True, slots=True)
class Match:
    """A scored pair: ``score`` in [0, 100], ``duplicate`` the decision, ``reasons`` for people.

    ``review``: not a likely duplicate, but sharing a phone or website: a person should look.
    """

    a: str
    b: str
    score: float
    duplicate: bool
    reasons: tuple[str, ...] = field(default=())
    review: bool = False


def tokens_align(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when every word of ``a`` pairs with a distinct word of ``b`` and none is left over."""
    if len(a) != len(b):
        return False
    rest = list(b)
    for token in sorted(a, key=len, reverse=True):
        hit = next((t for t in rest if t == token), None) or next((t for t in rest if _typo(token, t)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _typo(x: str, y: str) -> bool:
    shortest = min(len(x), len(y))
    if shortest < 6:
        return False
    return OSA.distance(x, y) <= (1 if shortest < 10 else 2)


def name_score(a: str, b: str) -> float:
    """Gated similarity of two employer names in [0, 100] (see the module rules)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 0.0
    if "".join(ta) == "".join(tb):
        return 100.0
    score = float(fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)))
    return score if tokens_align(ta, tb) else min(score, UNALIGNED_CAP)


def compare(a: Candidate, b: Candidate) -> Match:
    """Score one pair of employers and decide whether they are likely the same."""
    ra, rb = registry_key(a.registry_number), registry_key(b.registry_number)
    if ra and rb and ra != rb:
        return Match(a.id, b.id, 0.0, False, ("different registry numbers",))
    reasons: list[str] = []
    best_name = max(name_score(x, y) for x in (a.name, *a.aliases) for y in (b.name, *b.aliases))
    score = best_name
    if ra and ra == rb:
        reasons.append("same registry number")
        score = 100.0
    shared = [
        f"same {label}"
        for label, ka, kb in (
            ("website domain", domain_key(a.website), domain_key(b.website)),
            ("phone number", phone_key(a.phone), phone_key(b.phone)),
        )
        if ka and ka == kb
    ]
    similar = best_name >= NAME_THRESHOLD
    if shared and not reasons and not similar:
        return Match(a.id, b.id, REVIEW_SCORE, False, (*shared, "nothing else in common"), review=True)
    reasons += shared
    if shared:
        score = max(score, KEY_SCORE)
    name_only = not reasons
    if similar:
        reasons.append(f"similar name ({best_name:.0f})")
    other_country = bool(a.country and b.country and a.country != b.country)
    duplicate = bool(reasons) and not (name_only and other_country)
    return Match(a.id, b.id, round(score, 1), duplicate, tuple(reasons))


def find_candidates(query: Candidate, pool: Sequence[Candidate], *, limit: int = 5) -> list[Match]:
    """Likely duplicates of ``query`` in ``pool``, best first (ties by id).

    Only records sharing an exact key or a name within rapidfuzz's reach of the query are scored,
    so this stays fast for a few thousand employers.
    """
    keys = _exact_keys(query)
    names = {i: name_key(n) for i, c in enumerate(pool) for n in (c.name, *c.aliases)}
    near = process.extract(
        name_key(query.name), names, scorer=fuzz.token_sort_ratio, score_cutoff=60, limit=50
    )
    picked = {idx for _, _, idx in near} | {i for i, c in enumerate(pool) if keys & _exact_keys(c)}
    matches = [compare(query, pool[i]) for i in picked if pool[i].id != query.id]
    hits = [m for m in matches if m.duplicate]
    return sorted(hits, key=lambda m: (-m.score, m.b))[:limit]


class CandidateIndex:
    """`find_candidates` over a pool that grows, with each record's keys computed once.

    An import checks every new row against the live employers and the rows before it: scanning
    the whole pool per row (its keys recomputed each time) made that quadratic. Here exact keys
    are a dict and the cleaned names one list for rapidfuzz, so a row costs one vectorised
    name search plus the few records it shares a key with.
    """

    def __init__(self, pool: Iterable[Candidate] = ()) -> None:
        self.records: list[Candidate] = []
        self._names: list[str] = []
        self._owners: list[int] = []  # name position -> record position
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for rec in pool:
            self.add(rec)

    def add(self, rec: Candidate) -> None:
        """Make ``rec`` findable by later queries."""
        at = len(self.records)
        self.records.append(rec)
        for name in (rec.name, *rec.aliases):
            self._names.append(name_key(name))
            self._owners.append(at)
        for key in _exact_keys(rec):
            self._by_key[key].append(at)

    def find(self, query: Candidate, *, limit: int = 5) -> list[Match]:
        """Likely duplicates of ``query`` among the records, best first (ties by id)."""
        near = process.extract(
            name_key(query.name), self._names, scorer=fuzz.token_sort_ratio, score_cutoff=60, limit=50
        )
        picked = {self._owners[pos] for _, _, pos in near}
        picked |= {i for key in _exact_keys(query) for i in self._by_key.get(key, ())}
        matches = [compare(query, self.records[i]) for i in picked if self.records[i].id != query.id]
        hits = [m for m in matches if m.duplicate]
        return sorted(hits, key=lambda m: (-m.score, m.b))[:limit]


def scan(records: Sequence[Candidate], *, skip: Iterable[tuple[str, str]] = ()) -> list[Match]:
    """Every likely duplicate pair and pair to review among ``records``, best first.

    Pairs in ``skip`` never return; review pairs (a shared key only) score `REVIEW_SCORE`.

    Pairs are formed only inside blocks (same registry number, domain, phone, cleaned name, name
    prefix, or one long word of the name), so the work is far below n²/2.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        for key in _exact_keys(rec) | _loose_keys(rec):
            blocks[key].append(i)
    skipped = {tuple(sorted(p)) for p in skip}
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) > MAX_BLOCK and key.startswith(("w:", "s:")):
            continue
        pairs.update(combinations(sorted(set(members)), 2))
    out = []
    for i, j in pairs:
        a, b = records[i], records[j]
        if tuple(sorted((a.id, b.id))) in skipped:
            continue
        match = compare(a, b)
        if match.duplicate or match.review:
            out.append(match)
    return sorted(out, key=lambda m: (-m.score, min(m.a, m.b), max(m.a, m.b)))


def _exact_keys(rec: Candidate) -> set[str]:
    keys = {f"n:{name_key(n)}" for n in (rec.name, *rec.aliases) if name_key(n)}
    for prefix, value in (
        ("r:", registry_key(rec.registry_number)),
        ("d:", domain_key(rec.website)),
        ("p:", phone_key(rec.phone)),
    ):
        if value:
            keys.add(prefix + value)
    return keys


def _loose_keys(rec: Candidate) -> set[str]:
    keys = set()
    for name in (rec.name, *rec.aliases):
        tokens = name_tokens(name)
        keys.add("s:" + "".join(tokens)[:4])
        keys.update(f"w:{t}" for t in tokens if len(t) >= 4)
    return keys
