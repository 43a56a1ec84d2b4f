"""The `ipsmatch` command line (typer): one module per command group, `app.py` joins them."""

from __future__ import annotations

from service.cli.app import app, main

__all__ = ["app", "main"]
