"""Composition root: settings, DuckDB lifecycle, auth, audit, FastAPI app and routes, web pages, CLI."""

from __future__ import annotations
