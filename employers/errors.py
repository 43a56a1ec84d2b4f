"""Domain errors of the employer CRM; only `service.errors` turns them into HTTP answers."""

from __future__ import annotations


class EmployerError(Exception):
    """Base of every employer-CRM error."""


class NotFoundError(EmployerError, LookupError):
    """No live record with that id."""

    def __init__(self, entity: str, entity_id: str) -> None:
        super().__init__(f"{entity} {entity_id} not found")
        self.entity = entity
        self.entity_id = entity_id


class InvalidError(EmployerError, ValueError):
    """A value breaks a domain rule; ``field`` names it for the caller."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ConflictError(EmployerError):
    """A unique key is taken by another live record, or the state does not allow the change."""

    def __init__(self, field: str, message: str, existing_id: str | None = None) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.existing_id = existing_id


class DuplicateError(EmployerError):
    """A new employer looks like one already in the network.

    Attributes:
        candidates: Dicts with ``id``, ``name``, ``score`` (0-100) and ``reasons`` (list of str),
            best first.
    """

    def __init__(self, candidates: list[dict[str, object]]) -> None:
        super().__init__(f"likely duplicate of {len(candidates)} employer(s)")
        self.candidates = candidates
