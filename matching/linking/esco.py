"""The ESCO subset in ``data/esco`` as in-memory lookups (occupations, labels, skills, links)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from matching.types import Concept


@dataclass(frozen=True)
class EscoCatalog:
    """Occupations, their labels per language, skills and essential occupation-skill links.

    Attributes:
        occupations: URI -> (isco_group, English preferred label).
        labels: DataFrame [uri, lang, kind, label], every occupation label (en, fr, sv, da).
        skill_labels: Skill URI -> English preferred label.
        essential: Occupation URI -> essential skill URIs (ESCO order).
        isco_labels: DataFrame [uri, lang, kind, label] of ISCO group labels (en, fr, sv, da).
        descriptions: DataFrame [uri, lang, description], short en/fr descriptions of
            occupations and ISCO groups.
        skill_texts: DataFrame [uri, lang, kind, label], every skill label (English).
    """

    occupations: dict[str, tuple[str, str]]
    labels: pl.DataFrame
    skill_labels: dict[str, str]
    essential: dict[str, tuple[str, ...]]
    isco_labels: pl.DataFrame = field(default_factory=lambda: _empty("uri", "lang", "kind", "label"))
    descriptions: pl.DataFrame = field(default_factory=lambda: _empty("uri", "lang", "description"))
    skill_texts: pl.DataFrame = field(default_factory=lambda: _empty("uri", "lang", "kind", "label"))

    @classmethod
    def load(cls, folder: str | Path) -> EscoCatalog:
        """Read the ``*.tsv.gz`` files written by ``data/esco/build_subset.py``."""
        folder = Path(folder)
        occ = _read(folder / "occupations.tsv.gz")
        labels = _read(folder / "occupation_labels.tsv.gz")
        skills = _read(folder / "skills.tsv.gz")
        links = _read(folder / "occupation_skills.tsv.gz").filter(pl.col("relation") == "essential")
        essential: dict[str, list[str]] = {}
        for occ_uri, skill_uri in links.select("occupation_uri", "skill_uri").iter_rows():
            essential.setdefault(occ_uri, []).append(skill_uri)
        return cls(
            occupations={
                u: (g, lab) for u, g, lab in occ.select("uri", "isco_group", "label_en").iter_rows()
            },
            labels=labels,
            skill_labels=dict(skills.select("uri", "label_en").iter_rows()),
            essential={k: tuple(v) for k, v in essential.items()},
            isco_labels=_read_optional(folder / "isco_labels.tsv.gz", "uri", "lang", "kind", "label"),
            descriptions=_read_optional(folder / "descriptions.tsv.gz", "uri", "lang", "description"),
            skill_texts=_read_optional(folder / "skill_labels.tsv.gz", "uri", "lang", "kind", "label"),
        )

    def isco_code(self, uri: str) -> str:
        """ISCO code of a concept: an occupation's unit group, or an ISCO group's own code."""
        if "/isco/C" in uri:
            return uri.rsplit("/C", 1)[1]
        return self.occupations.get(uri, ("", ""))[0]

    def linker_labels(self) -> pl.DataFrame:
        """Every occupation and ISCO group label: [uri, lang, kind, label, isco] for `TitleLinker`."""
        frame = pl.concat([self.labels.select("uri", "lang", "kind", "label"), self.isco_labels])
        codes = {u: self.isco_code(u) for u in frame["uri"].unique().to_list()}
        return frame.with_columns(pl.col("uri").replace_strict(codes, return_dtype=pl.String).alias("isco"))

    def occupation(self, uri: str, label: str = "") -> Concept:
        """A Concept for an occupation or ISCO group URI; unknown URIs keep the given label, no group."""
        isco, english = self.occupations.get(uri, ("", ""))
        if not isco and "/isco/C" in uri:
            isco = self.isco_code(uri)
            names = self.isco_labels.filter((pl.col("uri") == uri) & (pl.col("lang") == "en"))["label"]
            english = names[0] if len(names) else ""
        return Concept(label or english, uri, isco)

    def essential_skills(self, uri: str) -> tuple[Concept, ...]:
        """The occupation's essential skills with English labels; () for unknown URIs."""
        return tuple(Concept(self.skill_labels.get(s, s), s) for s in self.essential.get(uri, ()))

    def skill(self, uri: str, label: str = "") -> Concept:
        """A Concept for a skill URI, labelled in English when the caller gave no label."""
        return Concept(label or self.skill_labels.get(uri, uri), uri)


def _read(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, separator="\t", quote_char=None, infer_schema=False)


def _read_optional(path: Path, *columns: str) -> pl.DataFrame:
    return _read(path) if path.is_file() else _empty(*columns)


def _empty(*columns: str) -> pl.DataFrame:
    return pl.DataFrame({c: [] for c in columns}, schema=dict.fromkeys(columns, pl.String))
