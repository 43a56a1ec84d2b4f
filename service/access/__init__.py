"""Access: users, tokens and sessions, roles, which participants a caller may see, the audit log."""

from __future__ import annotations
