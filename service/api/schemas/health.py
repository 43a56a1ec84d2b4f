"""Service status."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class Health(BaseModel):
    """Service status."""

    status: Literal["ok"]
    version: str
    encoder: str
    database: str
    openings: int
    participants: int
