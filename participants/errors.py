"""Errors of the caseload store; only `service.errors` turns them into HTTP answers.

They are the store kit's classes, exported here under the names callers use
(``participants.NotFoundError``).
"""

from __future__ import annotations

from storekit.errors import InvalidError, NotFoundError, StoreError

#: Base of every caseload error (the store kit's root).
ParticipantError = StoreError

__all__ = ["InvalidError", "NotFoundError", "ParticipantError"]
