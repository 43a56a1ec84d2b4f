"""Liveness and a small status summary."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.schemas.health import Health
from service.api.schemas.problems import error_responses
from service.deps import EngineDep, OpeningsDep, ParticipantsDep, SettingsDep

router = APIRouter(tags=["health"], responses=error_responses(503))


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
