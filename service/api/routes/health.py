"""Liveness and a small status summary."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.schemas.health import Health
from service.deps import EngineDep, OpeningsDep, ParticipantsDep, SettingsDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(
    engine: EngineDep, settings: SettingsDep, openings: OpeningsDep, participants: ParticipantsDep
) -> Health:
    """Report that the service is up, which model it uses and how much data it holds."""
    return Health(
        status="ok",
        version=engine.model_version,
        encoder=engine.encoder.model_id,
        database=settings.db_path,
        openings=openings.count(),
        participants=participants.count(),
    )
