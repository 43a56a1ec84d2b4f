"""Skip a test whose outside dependency is missing here, but fail it where everything must run.

``.ci/run`` sets ``IPSMATCH_REQUIRE_ALL=1``: CI installs Debian chromium and Ray and lays
``shared/`` (ESCO and MELO sources) beside the checkout, so a test that would skip there is a
broken set-up, not an optional extra, and fails instead. A plain ``make test`` elsewhere (a clone
in a temp folder has no ``shared/`` beside it) skips such tests and says why.
"""

from __future__ import annotations

import os

import pytest


def must_run() -> bool:
    """True where no test may skip for a missing dependency (``.ci/run``)."""
    return bool(os.environ.get("IPSMATCH_REQUIRE_ALL"))


def need(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) the calling test when ``what`` is not ``available``."""
    if available:
        return
    if must_run():
        pytest.fail(f"{what} is required here but missing")
    pytest.skip(f"{what} is not available")
