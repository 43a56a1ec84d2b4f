"""Errors of access control: who is calling, and whether their role may do this."""

from __future__ import annotations


class AuthError(Exception):
    """Missing or bad credentials (answered 401)."""


class ForbiddenError(Exception):
    """Authenticated, but the role does not allow this (answered 403)."""
