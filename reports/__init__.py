"""Pure functions over polars frames: computable IPS-25 fidelity items and outcome rates.

Empty in the foundation; the reporting issue fills it. Imports none of our packages.
"""

from __future__ import annotations
