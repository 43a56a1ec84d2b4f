"""Ranking: the `Ranker`, score parts, constraints, explanations, groups and bounds, re-ranker, oracle."""

from __future__ import annotations
