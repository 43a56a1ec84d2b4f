"""The overnight batch: plan, rank, cap exposure, explain and write a lead batch (local or on Ray)."""

from __future__ import annotations
