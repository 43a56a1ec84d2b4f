"""ASGI entry for `uvicorn service.main:create_app --factory` (one worker: DuckDB has one writer)."""

from __future__ import annotations

from service.app import create_app

__all__ = ["create_app"]
