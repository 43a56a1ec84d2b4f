"""Read the ESCO subset in ``data/esco`` into the lookups the demo generator needs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from demo_gen.sectors import SECTORS

# Left out of the pool of "other" participant skills: transversal language skills ("understand
# spoken Serbian", "write Basque", ...) and health-related ones (they could hint at a condition).
_NOT_OTHER_SKILL = re.compile(r"^(understand|interact verbally|write|speak|read) |^[A-Z]|health|psycholog")


def read_tsv(path: Path) -> pl.DataFrame:
    """Read one ``*.tsv.gz`` file of the subset as all-string columns (quoting off)."""
    return pl.read_csv(path, separator="\t", quote_char=None, infer_schema=False)


@dataclass
class Esco:
    """ESCO lookups: occupations, labels by language, essential skills, skill labels, pools."""

    occupations: dict[str, tuple[str, str]] = field(default_factory=dict)
    labels: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    essential: dict[str, list[str]] = field(default_factory=dict)
    skill_label: dict[str, str] = field(default_factory=dict)
    transversal: list[str] = field(default_factory=list)
    pools: dict[str, list[str]] = field(default_factory=dict)

    def isco(self, uri: str) -> str:
        """Return the 4-digit ISCO group of an occupation."""
        return self.occupations[uri][0]

    def label(self, uri: str, lang: str) -> str:
        """Return the preferred label of ``uri`` in ``lang``, else the English one."""
        for kind, text in self.labels.get((uri, lang), []):
            if kind == "preferred":
                return text
        return self.occupations[uri][1]

    def label_choices(self, uri: str, lang: str) -> list[tuple[str, str]]:
        """Return ``(kind, label)`` pairs of ``uri`` in ``lang``, falling back to English."""
        return self.labels.get((uri, lang)) or self.labels[(uri, "en")]


def load_esco(folder: Path) -> Esco:
    """Load the subset from ``folder`` and resolve the sector occupation pools."""
    esco = Esco()
    for uri, isco, _code, label in read_tsv(folder / "occupations.tsv.gz").iter_rows():
        esco.occupations[uri] = (isco, label)
    for uri, lang, kind, label in read_tsv(folder / "occupation_labels.tsv.gz").iter_rows():
        esco.labels.setdefault((uri, lang), []).append((kind, label))
    rel = read_tsv(folder / "occupation_skills.tsv.gz").filter(pl.col("relation") == "essential")
    for occ, skill, _relation in rel.iter_rows():
        esco.essential.setdefault(occ, []).append(skill)
    for uri, kind, reuse, label in read_tsv(folder / "skills.tsv.gz").iter_rows():
        esco.skill_label[uri] = label
        if reuse == "transversal" and kind == "skill/competence" and not _NOT_OTHER_SKILL.search(label):
            esco.transversal.append(uri)
    esco.pools = resolve_pools(esco)
    return esco


def resolve_pools(esco: Esco) -> dict[str, list[str]]:
    """Map each sector code to its occupation URIs; raise if a named occupation is missing."""
    by_group: dict[str, list[str]] = {}
    for uri, (isco, _label) in esco.occupations.items():
        by_group.setdefault(isco, []).append(uri)
    pools: dict[str, list[str]] = {}
    for code, sector in SECTORS.items():
        uris: list[str] = []
        for group, wanted in sector.pool.items():
            members = by_group.get(group)
            if not members:
                raise ValueError(f"ISCO group {group} (sector {code}) has no ESCO occupation")
            uris += pick_members(esco, group, members, wanted)
        pools[code] = uris
    return pools


def pick_members(esco: Esco, group: str, members: list[str], wanted: tuple[str, ...]) -> list[str]:
    """Return the occupations of ``group`` named in ``wanted`` (or the 4 with most skills)."""
    if not wanted:
        ranked = sorted(members, key=lambda u: (-len(esco.essential.get(u, [])), esco.label(u, "en")))
        return ranked[:4]
    by_label = {esco.occupations[u][1]: u for u in members}
    missing = [w for w in wanted if w not in by_label]
    if missing:
        raise ValueError(f"ISCO group {group}: no ESCO occupation labelled {missing}")
    return [by_label[w] for w in wanted]
