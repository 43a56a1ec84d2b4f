"""ESCO occupation -> skills: how well text similarity alone recovers an occupation's skills.

Each occupation's preferred label (en, fr, sv, da) ranks all ESCO skills by the similarity of
their English preferred labels; gains are graded by the ESCO relation (essential 2, optional 1,
else 0) and NDCG@10 is averaged over occupations (matching-anchors §5, layer L2). Openings take
their essential skills from the relation itself; this measures the fallback for text that has no
occupation, and it is a regression test for the encoder.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.evaluation.metrics import Estimate, bootstrap, ndcg_at_k
from service.evaluation.harness import QualityContext

GAINS = {"essential": 2.0, "optional": 1.0}


@dataclass(frozen=True)
class SkillFigures:
    """NDCG@10 per (method, language)."""

    ndcg_at_10: dict[tuple[str, str], Estimate]
    n_occupations: int


def occupation_skill_ndcg(
    ctx: QualityContext, *, langs: tuple[str, ...] = ("en", "fr", "sv", "da"), k: int = 10
) -> SkillFigures:
    """NDCG@k of ranking every skill for every occupation that has skill relations."""
    relations = pl.read_csv(
        ctx.catalog_folder / "occupation_skills.tsv.gz", separator="\t", quote_char=None, infer_schema=False
    )
    skills = sorted(ctx.catalog.skill_labels)
    column = {u: i for i, u in enumerate(skills)}
    gains: dict[str, np.ndarray] = {}
    for occ, skill, rel in relations.select("occupation_uri", "skill_uri", "relation").iter_rows():
        if occ in ctx.catalog.occupations and skill in column:
            gains.setdefault(occ, np.zeros(len(skills)))[column[skill]] = GAINS.get(rel, 0.0)
    skill_texts = [ctx.catalog.skill_labels[u] for u in skills]
    skill_vectors = ctx.encoder.encode(skill_texts, kind="passage")
    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32)
    skill_matrix = tfidf.fit_transform(skill_texts).T.tocsr()
    preferred = ctx.catalog.labels.filter(pl.col("kind") == "preferred")
    out: dict[tuple[str, str], Estimate] = {}
    for lang in langs:
        rows = [
            (u, t) for u, t in preferred.filter(pl.col("lang") == lang).select("uri", "label").iter_rows()
        ]
        rows = [(u, t) for u, t in rows if u in gains]
        texts = [t for _, t in rows]
        dense = ctx.encoder.encode(texts, kind="passage") @ skill_vectors.T
        lexical = (tfidf.transform(texts) @ skill_matrix).toarray()
        for method, sims in ((ctx.encoder.model_id, dense), ("char TF-IDF", lexical)):
            per = np.array([ndcg_at_k(s, gains[u], k) for s, (u, _) in zip(sims, rows, strict=True)])
            out[(method, lang)] = bootstrap(per)
    ctx.flush()
    return SkillFigures(out, len(gains))


def skill_table(figures: SkillFigures) -> str:
    """Markdown: one row per method, one column per language."""
    methods = list(dict.fromkeys(m for m, _ in figures.ndcg_at_10))
    langs = list(dict.fromkeys(lang for _, lang in figures.ndcg_at_10))
    lines = ["| method | " + " | ".join(f"{lang} NDCG@10 [95% CI]" for lang in langs) + " |"]
    lines.append("|" + "---|" * (len(langs) + 1))
    for m in methods:
        lines.append(f"| {m} | " + " | ".join(str(figures.ndcg_at_10[(m, lang)]) for lang in langs) + " |")
    return "\n".join(lines)
