"""Errors of the employer CRM; only `service.errors` turns them into HTTP answers.

``NotFoundError``, ``InvalidError`` and ``ConflictError`` are the store kit's classes, exported
here under the names callers use (``employers.InvalidError``).
"""

from __future__ import annotations

from storekit.errors import ConflictError, InvalidError, NotFoundError, StoreError

#: Base of every employer-CRM error (the store kit's root, so it also covers its helpers' errors).
EmployerError = StoreError

__all__ = ["ConflictError", "DuplicateError", "EmployerError", "InvalidError", "NotFoundError"]


class DuplicateError(EmployerError):
    """A new employer looks like one already in the network.

    Attributes:
        candidates: Dicts with ``id``, ``name``, ``score`` (0-100) and ``reasons`` (list of str),
            best first.
    """

    def __init__(self, candidates: list[dict[str, object]]) -> None:
        super().__init__(f"likely duplicate of {len(candidates)} employer(s)")
        self.candidates = candidates
