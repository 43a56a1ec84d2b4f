"""Evaluation: ranking metrics with confidence intervals, MELO sets, out-of-fold folds, re-ranker trials."""

from __future__ import annotations
