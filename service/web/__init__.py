"""Server-rendered web pages (Jinja2 templates, vendored static assets)."""

from __future__ import annotations
