"""Errors a use case raises about the state of the programme's data, independent of HTTP."""

from __future__ import annotations


class ConflictError(Exception):
    """The request clashes with the current state, e.g. a batch is already running (answered 409)."""
