"""Runtime: the DuckDB lifecycle and migrations, writer lock and group commit, vector cache, loaded models."""

from __future__ import annotations
