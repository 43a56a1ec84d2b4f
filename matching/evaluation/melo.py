"""MELO-format evaluation sets (Retyk et al., RecSys in HR 2024): title -> ESCO surface forms.

A dataset folder holds four headerless TSV files: ``queries.tsv`` (query_id, title),
``corpus_elements.tsv`` (element_id, ESCO surface form), ``annotations.tsv`` (TREC qrels: query_id,
0, element_id, 1) and ``concept_mapping.tsv`` (element_id, concept URI). Every query has exactly
one relevant concept; the relevant elements are that concept's surface forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

FILES = ("queries.tsv", "corpus_elements.tsv", "annotations.tsv", "concept_mapping.tsv")
_NAME = re.compile(r"_q_([a-z]{2})_c_([a-z]{2})$")
_ELEMENT_LANG = re.compile(r"_([a-z]{2})_\d+$")


@dataclass(frozen=True)
class MeloSet:
    """One dataset.

    Attributes:
        name: Folder name, e.g. ``swe_q_sv_c_sv``.
        queries: [query_id, text, uri]: each query with its gold concept URI ("" if unannotated).
        corpus: [element_id, text, uri, kind]: surface forms with their concept; kind is
            "preferred" for the ``_000`` element of a concept, else "alt".
        query_lang: Language of the queries (from the folder name), None when unknown.
        corpus_lang: Language of the surface forms, None when unknown.
    """

    name: str
    queries: pl.DataFrame
    corpus: pl.DataFrame
    query_lang: str | None
    corpus_lang: str | None

    @classmethod
    def load(cls, folder: str | Path) -> MeloSet:
        """Read a dataset folder; raises FileNotFoundError naming a missing file."""
        folder = Path(folder)
        for name in FILES:
            if not (folder / name).is_file():
                raise FileNotFoundError(
                    f"{folder / name} is missing (a MELO folder needs {', '.join(FILES)})"
                )
        queries = _tsv(folder / "queries.tsv", "query_id", "text")
        corpus = _tsv(folder / "corpus_elements.tsv", "element_id", "text")
        qrels = _tsv(folder / "annotations.tsv", "query_id", "iteration", "element_id", "relevance")
        mapping = _tsv(folder / "concept_mapping.tsv", "element_id", "uri")
        corpus = corpus.join(mapping, on="element_id", how="left").with_columns(
            pl.col("uri").fill_null(""),
            pl.when(pl.col("element_id").str.ends_with("_000"))
            .then(pl.lit("preferred"))
            .otherwise(pl.lit("alt"))
            .alias("kind"),
        )
        gold = (
            qrels.filter(pl.col("relevance") != "0")
            .join(mapping, on="element_id")
            .group_by("query_id")
            .agg(pl.col("uri").first())
        )
        queries = queries.join(gold, on="query_id", how="left").with_columns(pl.col("uri").fill_null(""))
        query_lang, corpus_lang = _languages(folder.name, corpus)
        return cls(folder.name, queries, corpus, query_lang, corpus_lang)

    def labels(self) -> pl.DataFrame:
        """The corpus as linker labels [uri, lang, kind, label]."""
        return self.corpus.select(
            "uri", pl.lit(self.corpus_lang or "").alias("lang"), "kind", pl.col("text").alias("label")
        )


def find_sets(path: str | Path) -> list[Path]:
    """``path`` itself when it is a dataset folder, else its dataset subfolders (sorted).

    Raises:
        FileNotFoundError: The path does not exist or holds no dataset.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"MELO data not found at {root}")
    if (root / "queries.tsv").is_file():
        return [root]
    found = sorted(p for p in root.iterdir() if p.is_dir() and (p / "queries.tsv").is_file())
    if not found:
        raise FileNotFoundError(f"{root} holds no MELO dataset folder (none with queries.tsv)")
    return found


def _tsv(path: Path, *columns: str) -> pl.DataFrame:
    return pl.read_csv(
        path, separator="\t", quote_char=None, has_header=False, new_columns=list(columns), infer_schema=False
    ).select(columns)


def _languages(name: str, corpus: pl.DataFrame) -> tuple[str | None, str | None]:
    found = _NAME.search(name)
    if found:
        return found.group(1), found.group(2)
    first = corpus["element_id"].head(1).to_list()
    element = _ELEMENT_LANG.search(first[0]) if first else None
    return None, element.group(1) if element else None
