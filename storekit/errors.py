"""Error bases of the DuckDB stores; only `service.errors` turns them into HTTP answers.

``employers`` and ``participants`` export these classes under their own names
(``employers.InvalidError`` is ``storekit.errors.InvalidError``), so a store helper here and a
store's own code raise the same class.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store error."""


class NotFoundError(StoreError, LookupError):
    """No live record with that id (or not visible to the caller).

    Attributes:
        entity: What was looked for, e.g. ``"employer"``.
        entity_id: The id asked for, as given.
    """

    def __init__(self, entity: str, entity_id: str) -> None:
        super().__init__(f"{entity} {entity_id} not found")
        self.entity = entity
        self.entity_id = entity_id


class InvalidError(StoreError, ValueError):
    """A value breaks a domain rule; ``field`` names it for the caller (dotted for nested ones)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ConflictError(StoreError):
    """A unique key is taken by another live record, or the state does not allow the change.

    Attributes:
        field: The field whose value conflicts.
        message: Why, for the caller.
        existing_id: The id of the record holding the key, when there is one.
    """

    def __init__(self, field: str, message: str, existing_id: str | None = None) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.existing_id = existing_id
