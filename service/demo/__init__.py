"""Demo: seeding the synthetic demo programme through the stores."""

from __future__ import annotations
