"""Use cases: what the API, pages and CLI share (leads, index sync, normalising records, batch, files)."""

from __future__ import annotations
