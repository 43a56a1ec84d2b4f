"""Skip a test whose outside dependency is missing here, but fail it where everything must run.

CI (``CI=true``) and ``.ci/run`` (``IPSMATCH_REQUIRE_ALL=1``) install Debian chromium, Ray and
have the MELO sets beside the checkout, so a test that would skip there is a broken set-up, not
an optional extra: it fails instead.
"""

from __future__ import annotations

import os

import pytest


def must_run() -> bool:
    """True where no test may skip for a missing dependency (CI, ``.ci/run``)."""
    return bool(os.environ.get("IPSMATCH_REQUIRE_ALL")) or os.environ.get("CI", "").lower() in ("1", "true")


def need(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) the calling test when ``what`` is not ``available``."""
    if available:
        return
    if must_run():
        pytest.fail(f"{what} is required here but missing")
    pytest.skip(f"{what} is not available")
