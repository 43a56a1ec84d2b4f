"""Domain errors of the caseload store; only `service.errors` turns them into HTTP answers."""

from __future__ import annotations


class ParticipantError(Exception):
    """Base of every caseload error."""


class NotFoundError(ParticipantError, LookupError):
    """No live participant with that id (or not visible to the caller)."""

    def __init__(self, entity: str, entity_id: str) -> None:
        super().__init__(f"{entity} {entity_id} not found")
        self.entity = entity
        self.entity_id = entity_id


class InvalidError(ParticipantError, ValueError):
    """A value breaks a domain rule; ``field`` names it for the caller."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
