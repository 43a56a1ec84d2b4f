"""Pure functions over polars frames: computable IPS-25 fidelity items and outcome rates.

The input contract is ``frames.Caseload`` (validated polars frames) and ``rules.ProgrammeRules``;
``fidelity.fidelity_items``, ``outcomes.outcomes``, ``key_dates.key_dates``, ``ips_grow`` and
``self_assessment.assess`` are the entry points (docs/reports.md). Imports none of our packages.
"""

from __future__ import annotations
