"""The HTTP API: one routes module and one schemas module per entity, pagination."""

from __future__ import annotations
