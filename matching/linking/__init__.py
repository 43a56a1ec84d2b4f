"""Linking: free text to ESCO (catalog, title linker: label index, features, fusion; ISCO tree; skills)."""

from __future__ import annotations
