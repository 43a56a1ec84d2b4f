"""Seeded generator of SYNTHETIC demo data for ipsmatch (used by ``data/generate_demo.py``).

Every name, number, address and person this package produces is invented.
"""

from __future__ import annotations
